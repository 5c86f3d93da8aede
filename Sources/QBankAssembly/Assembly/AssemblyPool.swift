import Foundation
import QBankCore

/// The bank as assembly sees it: units (a stand-alone item, or a whole case study) that
/// go on a form together, each item's slot (scored or unscored), and the enemy pairs.
/// Items that can go on no form (draft, review, retired) are left out, and so is any
/// case study that holds one, since a case is assembled whole.
public struct AssemblyPool: Sendable {
    public enum Slot: String, Sendable { case scored, unscored }

    public struct Unit: Sendable {
        /// Item id, or the case study's id.
        public var id: String
        public var caseStudy: CaseStudy?
        public var items: [Item]
        public var slots: [Slot]
    }

    public var blueprint: Blueprint
    public var units: [Unit]
    /// Pairs of unit indexes that must not share a form.
    public var enemyPairs: [(Int, Int)]
    /// Units that would be enemies of themselves (an enemy inside one case study).
    public var selfEnemies: [String]

    public init(bank: Bank, blueprint: Blueprint) {
        self.blueprint = blueprint
        func slot(_ item: Item) -> Slot? {
            item.status.isScoredEligible ? .scored : item.status == .pretest ? .unscored : nil
        }
        var units: [Unit] = []
        for file in bank.files {
            for item in file.items {
                if let s = slot(item) { units.append(Unit(id: item.id, caseStudy: nil, items: [item], slots: [s])) }
            }
        }
        for file in bank.files {
            for study in file.cases {
                let slots = study.items.compactMap(slot)
                if slots.count == study.items.count, !slots.isEmpty {
                    units.append(Unit(id: study.id, caseStudy: study, items: study.items, slots: slots))
                }
            }
        }
        // Files are read in a stable order, but sort anyway so the model never depends on it.
        units.sort { $0.id < $1.id }
        let first = Self.enemies(of: units)
        selfEnemies = first.selfEnemies
        if !selfEnemies.isEmpty { units.removeAll { first.selfEnemies.contains($0.id) } }
        self.units = units
        enemyPairs = selfEnemies.isEmpty ? first.pairs : Self.enemies(of: units).pairs
    }

    private static func enemies(of units: [Unit]) -> (pairs: [(Int, Int)], selfEnemies: [String]) {
        var unitOfItem: [String: Int] = [:]
        for (u, unit) in units.enumerated() { for item in unit.items { unitOfItem[item.id] = u } }
        var pairs = Set<[Int]>(), selfEnemies = Set<String>()
        for (u, unit) in units.enumerated() {
            for item in unit.items {
                for enemy in item.enemies {
                    guard let v = unitOfItem[enemy.id] else { continue }
                    if v == u { selfEnemies.insert(unit.id) } else { pairs.insert([min(u, v), max(u, v)]) }
                }
            }
        }
        let sorted = pairs.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }.map { ($0[0], $0[1]) }
        return (sorted, selfEnemies.sorted())
    }

    /// Scored items of `unit` that satisfy `predicate`.
    func scoredCount(_ unit: Unit, where predicate: (Item) -> Bool) -> Int {
        zip(unit.items, unit.slots).filter { $0.1 == .scored && predicate($0.0) }.count
    }

    func unscoredCount(_ unit: Unit, where predicate: (Item) -> Bool) -> Int {
        zip(unit.items, unit.slots).filter { $0.1 == .unscored && predicate($0.0) }.count
    }

    /// Relative weights r_k of the θ points: the scored pool's total information at each θ over
    /// its smallest. Forms are held to TIF(θ_k) ≥ r_k·y, so y compares θ points fairly and a
    /// form that runs ahead at the pool's natural peak is not mistaken for a better one.
    public func informationShape(_ thetas: [Double]) -> [Double] {
        let totals = thetas.map { theta in
            units.reduce(0.0) { sum, unit in
                sum + zip(unit.items, unit.slots).reduce(0.0) { $0 + ($1.1 == .scored ? Self.information($1.0, at: theta) : 0) }
            }
        }
        guard let smallest = totals.min(), smallest > 0 else { return thetas.map { _ in 1 } }
        return totals.map { $0 / smallest }
    }

    /// Whether any scored item has the IRT parameters (a, b) that information needs.
    public var hasInformation: Bool {
        units.contains { unit in zip(unit.items, unit.slots).contains { $0.1 == .scored && $0.0.stats?.irtA != nil && $0.0.stats?.irtB != nil } }
    }

    /// 3PL information (D = 1.7) of an item at `theta`; 0 without IRT parameters.
    public static func information(_ item: Item, at theta: Double) -> Double {
        guard let a = item.stats?.irtA, let b = item.stats?.irtB else { return 0 }
        let c = item.stats?.irtC ?? 0
        let p = c + (1 - c) / (1 + exp(-1.7 * a * (theta - b)))
        guard p > 0, p < 1, c < 1 else { return 0 }
        return 1.7 * 1.7 * a * a * ((p - c) * (p - c)) / ((1 - c) * (1 - c)) * (1 - p) / p
    }
}
