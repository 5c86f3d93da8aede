/// Names shared by the XML reader and writer.
enum XMLBankFormat {
    static let namespace = "urn:qbank:bank:1"
}
