#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import QBankCore

extension JSONBankReader {
    /// The file read in one streamed pass: each element of the root's `items` and `cases` is built
    /// as soon as it is parsed and its `JSONValue` tree then dropped, so a large file never holds the
    /// tree of all its items (several times its size) beside the model. Nil when anything at all
    /// would be reported (not JSON, a schema finding, a forbidden character, any other root array):
    /// the caller then reads the file the usual way, whose findings and positions are the ones told.
    static func stream(_ bytes: [UInt8], path: String) -> ReadResult? {
        let context = SchemaContext(path: path)
        context.bytes = bytes
        let items = JSONItemBuilder(context: context)
        let checkCharacters = mayHoldForbiddenCharacter(bytes)
        var file = BankFile(path: path)
        let stop = JSONParseError("streamed read stopped", at: JSONPosition(line: 1, column: 1))
        let root: JSONValue? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            scanner.rootArrayElements = { (key: String, element: JSONValue, index: Int) throws(JSONParseError) in
                if checkCharacters, firstForbiddenCharacter(element, path: path) != nil { throw stop }
                switch key {
                case "items":
                    if let item = items.build(element, index: index) { file.items.append(item) }
                case "cases":
                    if let study = buildCase(element, index: index, items, context) { file.cases.append(study) }
                default:
                    throw stop
                }
                if !context.diagnostics.isEmpty { throw stop }
            }
            return try? scanner.parseDocument()
        }
        guard let root, context.diagnostics.isEmpty, let o = rootView(root, context) else { return nil }
        // The streamed arrays came back empty; `array` still reports an `items` or `cases` that is not one.
        _ = (o.array("items"), o.array("cases"))
        guard context.diagnostics.isEmpty, firstForbiddenCharacter(root, path: path) == nil else { return nil }
        return ReadResult(file: file, diagnostics: [])
    }

    /// Whether any string of the file could hold a character XML 1.0 forbids: only a `\u`, `\b` or `\f`
    /// escape or the bytes EF BF BE/BF can spell one (raw control characters are not JSON), so most
    /// files skip the search through every string. Two `memchr` passes, not a loop over every byte.
    static func mayHoldForbiddenCharacter(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            func any(_ first: UInt8, followedBy next: (UnsafePointer<UInt8>) -> Bool, length: Int) -> Bool {
                var at = 0
                while at < buffer.count, let hit = memchr(base + at, Int32(first), buffer.count - at) {
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if offset + length <= buffer.count, next(base + offset) { return true }
                    at = offset + 1
                }
                return false
            }
            return any(UInt8(ascii: "\\"), followedBy: { $0[1] == UInt8(ascii: "u") || $0[1] == UInt8(ascii: "b") || $0[1] == UInt8(ascii: "f") },
                       length: 2)
                || any(0xEF, followedBy: { $0[1] == 0xBF && $0[2] >= 0xBE }, length: 3)
        }
    }
}
