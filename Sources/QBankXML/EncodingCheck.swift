/// Bank files are UTF-8. libxml2 would happily switch to any declared encoding, so
/// the reader refuses other encodings before parsing, with a message that says how
/// to fix the file. Invalid UTF-8 bytes are left to the parser, which knows where.
enum EncodingCheck {
    /// A problem with the file's encoding, or nil when it is (or claims to be) UTF-8.
    static func problem(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return "the file is UTF-16 (it starts with a UTF-16 byte order mark); bank files must be UTF-8: re-save it as UTF-8"
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0) {
            return "the file is not UTF-8 (it looks like UTF-16 or UTF-32); bank files must be UTF-8: re-save it as UTF-8"
        }
        guard let declared = declaredEncoding(bytes) else { return nil }
        let name = declared.lowercased()
        if name == "utf-8" || name == "utf8" { return nil }
        return "the file declares encoding=\"\(declared)\"; bank files must be UTF-8: re-save it as UTF-8 and declare encoding=\"UTF-8\""
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let head = bytes[start..<min(bytes.count, start + 512)]
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = firstIndex(of: Array("?>".utf8), in: head) else { return nil }
        let declaration = head[head.startIndex..<end]
        guard let key = firstIndex(of: Array("encoding".utf8), in: declaration) else { return nil }
        var index = key + 8
        func skipSpace() { while index < end, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 } }
        skipSpace()
        guard index < end, head[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skipSpace()
        guard index < end, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else { return nil }
        let quote = head[index]
        index += 1
        let valueStart = index
        while index < end, head[index] != quote { index += 1 }
        return String(decoding: head[valueStart..<index], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
