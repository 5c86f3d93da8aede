/// RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes),
/// each with the line it starts on. The delimiter is `,`, `;` or tab, whichever
/// the first line has most of outside quotes.
struct CSVTable {
    var records: [(line: Int, fields: [String])] = []
    var delimiter: Character = ","

    init(_ text: String) {
        delimiter = Self.detectDelimiter(text)
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((start, fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                }
                continue
            }
            if c == "\"" && atFieldStart { quoted = true; atFieldStart = false; continue }
            if c == delimiter { fields.append(field); field = ""; atFieldStart = true; continue }
            if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
                line += 1
                start = line
                continue
            }
            atFieldStart = false
            field.append(c)
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
    }

    static func detectDelimiter(_ text: String) -> Character {
        let first = text.prefix { $0 != "\n" && $0 != "\r\n" }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in first {
            if c == "\"" { quoted.toggle() } else if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        return [",", ";", "\t"].max { counts[$0]! < counts[$1]! }!
    }
}

import Foundation
