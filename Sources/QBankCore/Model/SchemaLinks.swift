/// Where the bank schemas are published, for the links files carry so editors complete and
/// validate them: JSON `"$schema"`, XML `xsi:schemaLocation` (namespace, then the XSD's URL).
/// `new`, `convert` and `import` write them; `fmt` keeps whatever link a file already has.
public enum SchemaLinks {
    public static let bankJSONSchema = "https://qbank.dev/schemas/qbank-bank.schema.json"
    public static let bankXSD = "https://qbank.dev/schemas/qbank-bank.xsd"
    public static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
}
