/// Byte ranges that are not markup: comments, CDATA sections and processing instructions.
struct XMLSkips {
    var ranges: [Range<Int>] = []

    init(_ b: [UInt8]) {
        var i = 0
        func starts(_ s: String, at at: Int) -> Bool { b[at...].starts(with: Array(s.utf8)) }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] where starts(open, at: i) {
                var j = i + open.utf8.count
                while j < b.count, !starts(close, at: j) { j += 1 }
                j = min(j + close.utf8.count, b.count)
                ranges.append(i..<j)
                i = j - 1
                break
            }
            i += 1
        }
    }

    func contains(_ offset: Int) -> Bool { ranges.contains { $0.contains(offset) } }
}

/// Each `<item>` of an XML bank file: its id, the byte range of its status value, of its
/// `<stats>` element if any, and of its closing tag.
struct XMLItems: Sequence {
    struct Span {
        var id: String
        var statusValue: Range<Int>?
        var stats: Range<Int>?
        var close: Range<Int>
    }

    var spans: [Span] = []

    init(_ b: [UInt8], skip: XMLSkips) {
        func find(_ s: String, from: Int, to: Int) -> Int? {
            let needle = Array(s.utf8)
            var i = from
            while i + needle.count <= to {
                if b[i] == needle[0], b[i..<(i + needle.count)].elementsEqual(needle), !skip.contains(i) { return i }
                i += 1
            }
            return nil
        }
        func tagEnd(_ from: Int) -> Int {
            var i = from, quote: UInt8 = 0
            while i < b.count {
                if quote != 0 { if b[i] == quote { quote = 0 } } else if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") { quote = b[i] } else if b[i] == UInt8(ascii: ">") { return i + 1 }
                i += 1
            }
            return b.count
        }
        func attribute(_ name: String, in range: Range<Int>) -> Range<Int>? {
            let at = [" ", "\n", "\t", "\r"].compactMap { find("\($0)\(name)=", from: range.lowerBound, to: range.upperBound) }.min()
            guard let at, at + name.utf8.count + 2 < range.upperBound else { return nil }
            let quoteAt = at + name.utf8.count + 2
            let quote = b[quoteAt]
            var end = quoteAt + 1
            while end < range.upperBound, b[end] != quote { end += 1 }
            return (quoteAt + 1)..<end
        }
        var i = 0
        while let start = find("<item", from: i, to: b.count) {
            let after = start + 5
            guard after < b.count, [0x20, 0x0A, 0x0D, 0x09].contains(b[after]) else { i = after; continue }
            let headEnd = tagEnd(after)
            guard let idRange = attribute("id", in: start..<headEnd) else { i = headEnd; continue }
            guard let closeAt = find("</item>", from: headEnd, to: b.count) else { break }
            var stats: Range<Int>?
            if let statsAt = find("<stats", from: headEnd, to: closeAt) {
                let statsHeadEnd = tagEnd(statsAt)
                if b[statsHeadEnd - 2] == UInt8(ascii: "/") {
                    stats = statsAt..<statsHeadEnd
                } else if let end = find("</stats>", from: statsHeadEnd, to: closeAt) {
                    stats = statsAt..<(end + 8)
                }
            }
            spans.append(Span(id: String(decoding: b[idRange], as: UTF8.self), statusValue: attribute("status", in: start..<headEnd),
                              stats: stats, close: closeAt..<(closeAt + 7)))
            i = closeAt + 7
        }
    }

    func makeIterator() -> IndexingIterator<[Span]> { spans.makeIterator() }
}
