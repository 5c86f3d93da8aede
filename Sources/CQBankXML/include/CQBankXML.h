int cqbankxml_placeholder(void);
