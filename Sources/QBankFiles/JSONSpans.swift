/// Byte ranges of the objects in a JSON text and of their members' values, so an edit can
/// replace one value and leave every other byte (layout, order, spacing) as it was.
struct JSONSpans {
    struct Object {
        var range: Range<Int>
        /// Member key → byte range of its value.
        var members: [String: Range<Int>]
    }

    var objects: [Object] = []

    init(_ bytes: [UInt8]) {
        var i = 0
        _ = value(bytes, &i)
    }

    private mutating func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Parses the value at `i` and returns its range (recording every object inside).
    private mutating func value(_ b: [UInt8], _ i: inout Int) -> Range<Int> {
        skipSpace(b, &i)
        let start = i
        guard i < b.count else { return start..<start }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: Range<Int>] = [:]
            let slot = objects.count
            objects.append(Object(range: start..<start, members: [:]))
            while true {
                skipSpace(b, &i)
                guard i < b.count else { break }
                if b[i] == UInt8(ascii: "}") { i += 1; break }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                let keyRange = string(b, &i)
                let key = String(decoding: b[(keyRange.lowerBound + 1)..<max(keyRange.lowerBound + 1, keyRange.upperBound - 1)], as: UTF8.self)
                skipSpace(b, &i)
                if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                members[key] = value(b, &i)
            }
            objects[slot] = Object(range: start..<i, members: members)
        case UInt8(ascii: "["):
            i += 1
            while true {
                skipSpace(b, &i)
                guard i < b.count else { break }
                if b[i] == UInt8(ascii: "]") { i += 1; break }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                _ = value(b, &i)
            }
        case UInt8(ascii: "\""):
            _ = string(b, &i)
        default:
            while i < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
        }
        return start..<i
    }

    private func string(_ b: [UInt8], _ i: inout Int) -> Range<Int> {
        let start = i
        i += 1
        while i < b.count, b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
        i = min(i + 1, b.count)
        return start..<i
    }
}
