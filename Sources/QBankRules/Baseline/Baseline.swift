import QBankCore

/// Findings a team has accepted, so that lint fails only on new ones.
///
/// An entry is keyed on the item id, the rule code and the item's content fingerprint
/// (never a line number), and counts how many findings of that rule the item had:
/// two findings of one rule on one item are one entry with count 2. Findings without
/// an item are keyed on a fingerprint of their file and message instead.
public struct Baseline: Hashable, Sendable {
    /// The most times one finding may be recorded; larger counts are refused where they are read, so sums cannot overflow.
    public static let maximumCount = 1_000_000

    public struct Entry: Hashable, Sendable, Comparable {
        public var item: String?
        public var rule: String
        public var fingerprint: String
        public var count: Int

        public init(item: String?, rule: String, fingerprint: String, count: Int) {
            self.item = item
            self.rule = rule
            self.fingerprint = fingerprint
            self.count = count
        }

        var key: Key { Key(item: item, rule: rule, fingerprint: fingerprint) }

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.item ?? "", lhs.rule, lhs.fingerprint) < (rhs.item ?? "", rhs.rule, rhs.fingerprint)
        }
    }

    struct Key: Hashable {
        var item: String?
        var rule: String
        var fingerprint: String
    }

    /// Sorted by item, rule, fingerprint; one entry per key.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        var merged: [Key: Entry] = [:]
        for entry in entries {
            if var existing = merged[entry.key] {
                existing.count += entry.count
                merged[entry.key] = existing
            } else {
                merged[entry.key] = entry
            }
        }
        self.entries = merged.values.sorted()
    }

    /// How findings are matched to entries.
    public struct Keying: Sendable {
        /// Fingerprints of items and cases, by file and id.
        public var fingerprints: [FingerprintKey: String]
        /// A finding's file as recorded for findings without an item (relative to the baseline's folder).
        public var displayPath: @Sendable (String) -> String

        public init(fingerprints: [FingerprintKey: String], displayPath: @escaping @Sendable (String) -> String) {
            self.fingerprints = fingerprints
            self.displayPath = displayPath
        }

        func key(_ diagnostic: Diagnostic) -> Key {
            if let item = diagnostic.itemID,
               let fingerprint = fingerprints[FingerprintKey(file: diagnostic.location.file, id: item)] {
                return Key(item: item, rule: diagnostic.ruleID, fingerprint: fingerprint)
            }
            // No item, or an id the bank no longer resolves (e.g. a finding about an unreadable item).
            return Key(item: diagnostic.itemID, rule: diagnostic.ruleID,
                       fingerprint: ContentFingerprint.of(file: displayPath(diagnostic.location.file), message: diagnostic.message))
        }
    }

    /// A baseline that accepts exactly these findings.
    public init(accepting diagnostics: [Diagnostic], keying: Keying) {
        self.init(entries: diagnostics.map { diagnostic in
            let key = keying.key(diagnostic)
            return Entry(item: key.item, rule: key.rule, fingerprint: key.fingerprint, count: 1)
        })
    }

    /// What applying the baseline to a run's findings gives.
    public struct Outcome: Sendable {
        /// Findings not in the baseline: these count.
        public var new: [Diagnostic]
        /// Findings the baseline accepts.
        public var accepted: [Diagnostic]
        /// Entries (with the count left over) that matched nothing: fixed or changed findings.
        public var stale: [Entry]
    }

    /// Matches findings in report order against the entries' counts.
    public func apply(to diagnostics: [Diagnostic], keying: Keying) -> Outcome {
        var remaining: [Key: Int] = [:]
        for entry in entries { remaining[entry.key, default: 0] += entry.count }
        var new: [Diagnostic] = []
        var accepted: [Diagnostic] = []
        for diagnostic in diagnostics {
            let key = keying.key(diagnostic)
            if let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                accepted.append(diagnostic)
            } else {
                new.append(diagnostic)
            }
        }
        let stale = entries.compactMap { entry -> Entry? in
            guard let left = remaining[entry.key], left > 0 else { return nil }
            remaining[entry.key] = 0
            var staleEntry = entry
            staleEntry.count = left
            return staleEntry
        }
        return Outcome(new: new, accepted: accepted, stale: stale)
    }
}
