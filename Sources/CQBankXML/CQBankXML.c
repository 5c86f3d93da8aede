#include "CQBankXML.h"
int cqbankxml_placeholder(void) { return 0; }
