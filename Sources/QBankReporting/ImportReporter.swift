import QBankCore

/// What one `qbank import` run did, per source and per item, for scripts and CI
/// (`qbank import --format json`). Built by the command from the importers' results;
/// this target only renders it (with the one JSON writer, `JSONValue`), so it needs no importer.
public struct ImportReport: Sendable {
    public struct Problem: Sendable {
        public var kind: String
        public var location: SourceLocation
        public var reason: String
        public init(kind: String, location: SourceLocation, reason: String) {
            self.kind = kind
            self.location = location
            self.reason = reason
        }
    }

    /// One source item: `imported` as it was, `changed` (imported, with something lost or noted), or `skipped`.
    public struct Item: Sendable {
        public var status: String
        /// The bank id it got (nil when skipped); `source` is the source's own id or title, when it has one.
        public var id: String?
        public var source: String?
        public var location: SourceLocation?
        public var type: String?
        public var reasons: [Problem]
        public init(status: String, id: String?, source: String?, location: SourceLocation?, type: String?, reasons: [Problem]) {
            self.status = status
            self.id = id
            self.source = source
            self.location = location
            self.type = type
            self.reasons = reasons
        }
    }

    public struct Source: Sendable {
        public var path: String
        public var read: Int, imported: Int, skipped: Int
        public var items: [Item]
        /// Problems about the source as a whole (unreadable, a stray line, an encoding fallback).
        public var problems: [Problem]
        public init(path: String, read: Int, imported: Int, skipped: Int, items: [Item], problems: [Problem]) {
            self.path = path
            self.read = read
            self.imported = imported
            self.skipped = skipped
            self.items = items
            self.problems = problems
        }
    }

    public var sources: [Source]
    /// Renames, skips and replacements of ids already in the bank, and collisions refused.
    public var merge: [Problem]
    public var written: Bool
    public var exitStatus: Int32

    public init(sources: [Source], merge: [Problem], written: Bool, exitStatus: Int32) {
        self.sources = sources
        self.merge = merge
        self.written = written
        self.exitStatus = exitStatus
    }

    public func json() -> String {
        func position(_ location: SourceLocation?) -> JSONValue {
            guard let location else { return .null }
            return ["file": .string(location.file), "line": .int(location.line), "column": .int(location.column)]
        }
        func problem(_ problem: Problem) -> JSONValue {
            ["kind": .string(problem.kind), "location": position(problem.location), "reason": .string(problem.reason)]
        }
        let sources = sources.map { source -> JSONValue in
            let items = source.items.map { item -> JSONValue in
                ["status": .string(item.status), "id": .string(item.id), "source": .string(item.source), "location": position(item.location),
                 "type": .string(item.type), "reasons": .array(item.reasons.map(problem))]
            }
            return ["path": .string(source.path), "read": .int(source.read), "imported": .int(source.imported), "skipped": .int(source.skipped),
                    "items": .array(items), "problems": .array(source.problems.map(problem))]
        }
        let total: JSONValue = ["read": .int(self.sources.reduce(0) { $0 + $1.read }),
                                "imported": .int(self.sources.reduce(0) { $0 + $1.imported }),
                                "skipped": .int(self.sources.reduce(0) { $0 + $1.skipped })]
        let document: JSONValue = ["sources": .array(sources), "merge": .array(merge.map(problem)), "total": total,
                                   "written": .bool(written), "exitStatus": .int(Int(exitStatus))]
        return document.rendered()
    }
}
