/// Turns the bytes of one bank file into a model plus the problems found on the way.
///
/// Readers take bytes, not paths, so the core stays free of file access; `path` is
/// only what diagnostics print.
public protocol BankReader: Sendable {
    /// File name extensions (lower case, no dot) this reader handles.
    static var fileExtensions: [String] { get }
    func read(_ bytes: [UInt8], path: String) -> ReadResult
}

/// The outcome of reading one file.
///
/// `file` is nil when the file could not be read at all (not well-formed, not UTF-8,
/// hostile); it is present, possibly with schema diagnostics, when it could.
public struct ReadResult: Sendable {
    public var file: BankFile?
    public var diagnostics: [Diagnostic]

    public init(file: BankFile?, diagnostics: [Diagnostic] = []) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// True when the file was unreadable: the CLI exits 2 for such input.
    public var isUnreadable: Bool { file == nil }
}

/// Prints a bank file in a syntax's canonical form: stable attribute/key order,
/// two-space indentation, defaults omitted. Reading the output gives the same model.
public protocol BankWriter: Sendable {
    func write(_ file: BankFile) -> String
}
