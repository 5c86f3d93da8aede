import CQBankXML

/// The bank XSD compiled once per process and shared by every thread: libxml2's
/// compiled schemas are read-only during validation; each read makes its own
/// validation context.
final class CompiledSchema: @unchecked Sendable {
    let handle: OpaquePointer?
    /// Why compiling failed (a bug in the embedded XSD), nil when it worked.
    let failure: String?

    static let shared = CompiledSchema(xsd: EmbeddedSchema.xsd)

    init(xsd: String) {
        var error: UnsafeMutablePointer<CChar>?
        var utf8 = Array(xsd.utf8)
        utf8.append(0)
        handle = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cqbx_schema_compile(chars.baseAddress, chars.count - 1, &error)
            }
        }
        if let error {
            failure = String(cString: error)
            cqbx_free(error)
        } else {
            failure = handle == nil ? "the schema could not be compiled" : nil
        }
    }

    deinit { cqbx_schema_free(handle) }
}
