import QBankAssembly
import QBankCore

/// Assembled forms with each position resolved to its bank item, so a report can count
/// composition from the key and read statistics from the bank.
public struct FormsFacts: Sendable {
    public struct Entry: Sendable, Equatable {
        public var position: Int
        public var item: Item
        public var scored: Bool
        /// The case study the item belongs to in the bank, if any.
        public var caseID: String?

        public init(position: Int, item: Item, scored: Bool, caseID: String? = nil) {
            self.position = position
            self.item = item
            self.scored = scored
            self.caseID = caseID
        }
    }

    public struct Form: Sendable, Equatable {
        public var name: String
        /// The key file's name (no folder), as the report cites it.
        public var file: String
        public var entries: [Entry]

        public init(name: String, file: String, entries: [Entry]) {
            self.name = name
            self.file = file
            self.entries = entries
        }

        public var scored: [Entry] { entries.filter(\.scored) }
        public var unscored: [Entry] { entries.filter { !$0.scored } }
        public var caseStudies: Int { Set(entries.compactMap(\.caseID)).count }
    }

    /// Mean and spread of the classical difficulty of one form's scored items.
    public struct PValueSummary: Sendable, Equatable {
        /// Scored items that have a p-value, out of `scored`.
        public var count: Int
        public var scored: Int
        public var mean: Double
        /// Population SD: the spread of this form, not an estimate for another.
        public var standardDeviation: Double
        public var minimum: Double
        public var maximum: Double
    }

    public var blueprint: Blueprint
    /// In form-number order (`form-2` before `form-10`).
    public var forms: [Form]

    public init(blueprint: Blueprint, forms: [Form]) {
        self.blueprint = blueprint
        self.forms = forms.sorted { Self.order($0.name, $1.name) }
    }

    /// The blueprint's ability points, for test information curves.
    public var thetas: [Double] { blueprint.constraints.information?.theta ?? [] }

    /// Items the two forms share; with `scoredOnly`, only items scored on both.
    public func overlap(_ a: Int, _ b: Int, scoredOnly: Bool = false) -> Int {
        let pick = { (form: Form) in Set((scoredOnly ? form.scored : form.entries).map(\.item.id)) }
        return pick(forms[a]).intersection(pick(forms[b])).count
    }

    public func pValues(of f: Int) -> PValueSummary? {
        let scored = forms[f].scored
        let values = scored.compactMap(\.item.stats?.pValue)
        guard let mean = ItemMeasures.mean(values), let sd = ItemMeasures.standardDeviation(values),
              let low = values.min(), let high = values.max() else { return nil }
        return PValueSummary(count: values.count, scored: scored.count, mean: mean, standardDeviation: sd, minimum: low, maximum: high)
    }

    /// Scored items of form `f` with 3PL parameters (a and b).
    public func irtItems(of f: Int) -> Int {
        forms[f].scored.filter { $0.item.stats?.irtA != nil && $0.item.stats?.irtB != nil }.count
    }

    /// 3PL test information of form `f`'s scored items at `theta` (items without parameters add nothing).
    public func information(of f: Int, at theta: Double) -> Double {
        forms[f].scored.reduce(0) { $0 + AssemblyPool.information($1.item, at: theta) }
    }

    /// Information curves make sense when the blueprint names ability points and some scored item has IRT parameters.
    public var hasInformation: Bool {
        !thetas.isEmpty && forms.indices.contains { irtItems(of: $0) > 0 }
    }

    /// `form-2` before `form-10`: by the trailing number, then by name.
    static func order(_ lhs: String, _ rhs: String) -> Bool {
        let number = { (name: String) in Int(String(name.reversed().prefix { $0.isNumber }.reversed())) ?? Int.max }
        return (number(lhs), lhs) < (number(rhs), rhs)
    }
}
