import Foundation
import QBankCore

/// Writes item statistics and statuses back into bank files by editing only the bytes of
/// each item's stats element/object and status value: comments, order and layout stay as
/// they were. Each file is rewritten atomically, or not at all when nothing changes.
public enum StatsWriteBack {
    public struct Change: Sendable {
        public var stats: ItemStats?
        public var status: ItemStatus?
        public init(stats: ItemStats? = nil, status: ItemStatus? = nil) {
            self.stats = stats
            self.status = status
        }
    }

    /// Applies `changes` (by item id) to the file at `path`; returns the ids it changed.
    @discardableResult
    public static func apply(_ changes: [String: Change], toFileAt path: String) throws(FilesError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FilesError.unreadable(path, "cannot be read") }
        let bytes = [UInt8](data)
        var edits: [(range: Range<Int>, text: String)] = []
        var changed: [String] = []
        if path.lowercased().hasSuffix(".json") {
            let spans = JSONSpans(bytes)
            for object in spans.objects {
                guard let idRange = object.members["id"], object.members["type"] != nil,
                      let id = unquoted(bytes[idRange]), let change = changes[id] else { continue }
                if let status = change.status, let range = object.members["status"] {
                    edits.append((range, "\"\(status.rawValue)\""))
                }
                if let stats = change.stats {
                    let indent = indentation(bytes, before: object.members["stats"]?.lowerBound ?? object.range.upperBound - 1)
                    if let range = object.members["stats"] {
                        edits.append((range, jsonStats(stats, indent: indent)))
                    } else {
                        let inner = indent + "  "
                        var last = object.range.upperBound - 2
                        while last > object.range.lowerBound, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[last]) { last -= 1 }
                        edits.append(((last + 1)..<(last + 1), ",\n\(inner)\"stats\": " + jsonStats(stats, indent: inner)))
                    }
                }
                changed.append(id)
            }
        } else {
            let skip = XMLSkips(bytes)
            for item in XMLItems(bytes, skip: skip) {
                guard let change = changes[item.id] else { continue }
                if let status = change.status, let range = item.statusValue { edits.append((range, status.rawValue)) }
                if let stats = change.stats {
                    if let range = item.stats {
                        let spaced = range.count > 3 && bytes[range.upperBound - 3] == 0x20
                        edits.append((range, xmlStats(stats, spaced: spaced)))
                    } else {
                        let indent = indentation(bytes, before: item.close.lowerBound)
                        edits.append((item.close.lowerBound..<item.close.lowerBound, "  " + xmlStats(stats) + "\n" + indent))
                    }
                }
                changed.append(item.id)
            }
        }
        guard !edits.isEmpty else { return changed }
        var out = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        try AtomicFile.write(bytes: out, to: path)
        return changed
    }

    static func unquoted(_ slice: ArraySlice<UInt8>) -> String? {
        guard slice.count >= 2, slice.first == UInt8(ascii: "\""), slice.last == UInt8(ascii: "\"") else { return nil }
        return String(decoding: slice.dropFirst().dropLast(), as: UTF8.self)
    }

    /// The white space that starts the line holding `offset`.
    static func indentation(_ bytes: [UInt8], before offset: Int) -> String {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Numbers to 4 decimals (statistics are not more precise than that), the same on every platform.
    /// As the canonical writers print numbers: XML drops ".0" from whole numbers, JSON keeps it.
    static func number(_ value: Double, json: Bool) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return !json && rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func fields(_ s: ItemStats, json: Bool) -> [(String, String, quoted: Bool)] {
        var out: [(String, String, quoted: Bool)] = []
        func add(_ key: String, _ value: Double?) { if let value { out.append((key, number(value, json: json), false)) } }
        add("pValue", s.pValue)
        add("pointBiserial", s.pointBiserial)
        if let n = s.responses { out.append(("responses", String(n), false)) }
        add("irtA", s.irtA); add("irtB", s.irtB); add("irtC", s.irtC)
        add("irtSeA", s.irtSeA); add("irtSeB", s.irtSeB); add("irtSeC", s.irtSeC)
        for (key, value) in [("irtModel", s.irtModel), ("source", s.source), ("forms", s.forms), ("window", s.window)] {
            if let value { out.append((key, value, true)) }
        }
        add("angoff", s.angoff)
        return out
    }

    /// The element as XMLBankWriter writes it (`spaced` keeps a file's `<stats … />` style).
    static func xmlStats(_ s: ItemStats, spaced: Bool = false) -> String {
        "<stats" + fields(s, json: false).map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined() + (spaced ? " />" : "/>")
    }

    static func jsonStats(_ s: ItemStats, indent: String) -> String {
        let members = fields(s, json: true).map { field in
            "\(indent)  \"\(field.0)\": " + (field.quoted ? "\"" + field.1.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : field.1)
        }
        return "{\n" + members.joined(separator: ",\n") + "\n\(indent)}"
    }
}
