import QBankCore

/// What to do when an imported id is already in the bank (or earlier in the import).
public enum ConflictPolicy: String, Sendable, CaseIterable {
    /// Give the imported item a fresh id (`id-2`, `id-3`, …).
    case rename
    /// Keep the bank's item, do not import this one.
    case skip
    /// Put the imported item where the bank's item was.
    case replace
}

/// Merges imported items into a bank's files. Pure: reads nothing, writes nothing;
/// the caller writes `changedFiles` (atomically) when `conflicts` is empty.
public struct BankMerge: Sendable {
    public struct Conflict: Sendable, Hashable {
        public var id: String
        public var imported: SourceLocation?
        public var existing: SourceLocation?
        public var existingFile: String
    }

    public struct Outcome: Sendable {
        /// Files to write, complete, in the order first touched.
        public var changedFiles: [BankFile]
        /// Ids that collide and no policy was given: nothing may be written.
        public var conflicts: [Conflict]
        /// One line per renamed, skipped or replaced item.
        public var resolutions: [ImportProblem]
        public var importedCount: Int
    }

    public init() {}

    /// `targets` pairs each import with the path of the file its items go into
    /// (an existing bank file, or a new one).
    public func merge(_ targets: [(result: ImportResult, path: String)], into existing: [BankFile],
                      policy: ConflictPolicy?) -> Outcome {
        var files = existing
        var indexOfPath = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        var changed: [Int] = []
        // Where each id lives now: file index, and nil or the case index.
        var owner: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            for item in file.allItems { owner[item.id] = index }
            for study in file.cases { owner[study.id] = index }
        }
        var conflicts: [Conflict] = []
        var resolutions: [ImportProblem] = []
        var imported = 0

        for (result, path) in targets {
            let target: Int
            if let known = indexOfPath[path] {
                target = known
            } else {
                files.append(BankFile(path: path))
                target = files.count - 1
                indexOfPath[path] = target
            }
            if !changed.contains(target) { changed.append(target) }

            func place(_ item: Item) -> Item? {
                guard let existingFile = owner[item.id] else { owner[item.id] = target; return item }
                let location = item.origin.location ?? SourceLocation(file: result.file.path, line: 1, column: 1)
                switch policy {
                case nil:
                    let existingItem = files[existingFile].allItems.first { $0.id == item.id }
                    conflicts.append(Conflict(id: item.id, imported: item.origin.location,
                                              existing: existingItem?.origin.location, existingFile: files[existingFile].path))
                    return nil
                case .skip:
                    resolutions.append(ImportProblem(.skipped, at: location, item: item.id,
                                                     "id '\(item.id)' is already in \(files[existingFile].path); kept the bank's item (--on-conflict skip)"))
                    return nil
                case .rename:
                    var n = 2
                    while owner["\(item.id)-\(n)"] != nil { n += 1 }
                    var renamed = item
                    renamed.id = "\(item.id.prefix(60))-\(n)"
                    owner[renamed.id] = target
                    resolutions.append(ImportProblem(.note, at: location, item: item.id,
                                                     "id '\(item.id)' is already in \(files[existingFile].path); imported as '\(renamed.id)' (--on-conflict rename)"))
                    return renamed
                case .replace:
                    if Self.replace(item, in: &files[existingFile]) {
                        if !changed.contains(existingFile) { changed.append(existingFile) }
                        resolutions.append(ImportProblem(.note, at: location, item: item.id,
                                                         "replaced item '\(item.id)' in \(files[existingFile].path) (--on-conflict replace)"))
                        imported += 1
                        return nil
                    }
                    // A case id: cannot stand in for an item; rename instead of losing it.
                    var renamed = item
                    renamed.id = "\(item.id.prefix(60))-imported"
                    owner[renamed.id] = target
                    return renamed
                }
            }

            for item in result.file.items {
                if let placed = place(item) { files[target].items.append(placed); imported += 1 }
            }
            for study in result.file.cases {
                var kept = study
                if owner[study.id] != nil {
                    var n = 2
                    while owner["\(study.id)-\(n)"] != nil { n += 1 }
                    if policy == nil {
                        conflicts.append(Conflict(id: study.id, imported: study.origin.location, existing: nil,
                                                  existingFile: files[owner[study.id]!].path))
                        continue
                    }
                    kept.id = "\(study.id.prefix(60))-\(n)"
                }
                owner[kept.id] = target
                kept.items = study.items.compactMap(place)
                imported += kept.items.count
                if !kept.items.isEmpty { files[target].cases.append(kept) }
            }
        }
        if !conflicts.isEmpty {
            return Outcome(changedFiles: [], conflicts: conflicts, resolutions: resolutions, importedCount: 0)
        }
        return Outcome(changedFiles: changed.map { files[$0] }, conflicts: [], resolutions: resolutions, importedCount: imported)
    }

    /// Replaces the item with the same id in place; false when it is not an item there.
    private static func replace(_ item: Item, in file: inout BankFile) -> Bool {
        if let index = file.items.firstIndex(where: { $0.id == item.id }) {
            file.items[index] = item
            return true
        }
        for c in file.cases.indices {
            if let index = file.cases[c].items.firstIndex(where: { $0.id == item.id }) {
                file.cases[c].items[index] = item
                return true
            }
        }
        return false
    }
}
