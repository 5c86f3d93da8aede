import Foundation
import QBankCore

/// Tells bank files from other XML and JSON in a folder without parsing them: a bank file
/// says what it is, with the namespace `urn:qbank:bank:1` on its XML root element or
/// `"format": "urn:qbank:bank:1"` in JSON (both readers require it, so every valid bank says so).
enum BankSniffer {
    static let identifier = Array("urn:qbank:bank:1".utf8)
    /// How much of an XML file is read to find its root element, and of a JSON file first.
    static let xmlHeadLength = 64 * 1024

    static func declaresBank(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: xmlHeadLength)) ?? Data())
        guard path.lowercased().hasSuffix(".json") else { return xmlDeclaresBank(head) }
        // Writers put "format" first: the head nearly always settles it, and the file is read whole
        // (the key may come anywhere) only when it does not.
        if jsonDeclaresBank(head) { return true }
        guard let data = FileManager.default.contents(atPath: path) else { return true }
        return jsonDeclaresBank([UInt8](data))
    }

    /// The root start tag (after the prolog, comments, processing instructions and doctype) names the bank namespace.
    static func xmlDeclaresBank(_ bytes: [UInt8]) -> Bool {
        rootStartTag(bytes).map { find(identifier, in: Array($0), from: 0) != nil } ?? false
    }

    /// The bytes of the root element's start tag.
    static func rootStartTag(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1 < bytes.count ? bytes[open + 1] : 0
            if next == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), in: bytes, from: open) else { return nil }
                i = end
            } else if bytes[open...].starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: open) else { return nil }
                i = end
            } else if next == UInt8(ascii: "!") {
                // A doctype, perhaps with an internal subset in brackets.
                var depth = 0
                var j = open
                while j < bytes.count, !(bytes[j] == UInt8(ascii: ">") && depth == 0) {
                    if bytes[j] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
                    j += 1
                }
                i = j
            } else {
                let end = bytes[open...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                return bytes[open..<end]
            }
        }
        return nil
    }

    /// The XSD location the root element's `xsi:schemaLocation` gives for the bank namespace, if any.
    static func schemaLocation(_ head: [UInt8]) -> String? {
        guard let tag = rootStartTag(head) else { return nil }
        let text = String(decoding: tag, as: UTF8.self)
        guard let attribute = text.range(of: ":schemaLocation=") else { return nil }
        let rest = text[attribute.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'", let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
        let pairs = rest[rest.index(after: rest.startIndex)..<close].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        var index = 0
        while index + 1 < pairs.count {
            if pairs[index] == "urn:qbank:bank:1" { return String(pairs[index + 1]) }
            index += 2
        }
        return nil
    }

    /// Some `"format"` key has the value `"urn:qbank:bank:1"`.
    static func jsonDeclaresBank(_ bytes: [UInt8]) -> Bool {
        let key = Array("\"format\"".utf8)
        let value = [UInt8(ascii: "\"")] + identifier + [UInt8(ascii: "\"")]
        var from = 0
        while let end = find(key, in: bytes, from: from) {
            var i = end
            func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: ":") {
                i += 1
                skipSpace()
                if bytes[i...].starts(with: value) { return true }
            }
            from = end
        }
        return false
    }

    /// The index just past the first occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        ByteSearch.firstOffset(of: needle, in: bytes, from: from).map { $0 + needle.count }
    }
}
