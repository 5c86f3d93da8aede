import Foundation
import QBankCore

/// Keys of items delivered in authored order should not cluster in one position.
public struct KeyPositionImbalanceRule: ConfigurableRule {
    /// Below this many items the test says nothing useful.
    public var minimumItems = 20
    /// Report when the chi-square p-value is below this.
    public var significance = 0.01
    /// Consecutive items keyed in the same position that make a run worth a note.
    public var runLength = 4

    public init() {}

    public var options: [String: RuleOptionValue] {
        ["minimumItems": .number(Double(minimumItems)), "significance": .number(significance), "runLength": .number(Double(runLength))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumItems", into: &minimumItems, in: 2...1_000_000)
        try options.read("significance", into: &significance, in: 1e-12...0.5)
        try options.read("runLength", into: &runLength, in: 2...1_000)
    }

    public static let description = RuleDescription(
        id: "QB501", name: "key-position-imbalance", category: .bank,
        summary: "Keys of single-answer items delivered in authored order must not cluster in one position.",
        rationale: """
            Writers favour middle positions for the key, and test-wise candidates learn a bank's habits \
            (Haladyna, Downing & Rodriguez 2002, guideline 20: balance the key position). Only items with \
            shuffle="false" are counted, since delivery shuffles the others. Items are grouped by their number \
            of options; a group of at least `minimumItems` (20) is tested against a uniform spread with a \
            chi-square goodness-of-fit test and reported when p < `significance` (0.01). The finding points at \
            the items whose keys sit in the over-used positions. A run of `runLength` (4) or more consecutive \
            such items in a file keyed in the same position is a note (severity info), whatever the totals: \
            candidates notice streaks (Haladyna 2004 on key balance), and a run is what shuffling by hand leaves.
            """,
        severity: .warning,
        triggeringExamples: [
            BankExamples.json((0..<24).map { BankExamples.item($0, key: $0 < 15 ? 1 : [0, 2, 3][$0 % 3], shuffle: false) }, marked: 0),
            // Too few items for the test, but items 3–6 are all keyed B: a note.
            BankExamples.json((0..<8).map { BankExamples.item($0, key: [0, 2, 1, 1, 1, 1, 3, 0][$0], shuffle: false) }, marked: 2),
        ],
        nonTriggeringExamples: [
            BankExamples.json((0..<24).map { BankExamples.item($0, key: $0 % 4, shuffle: false) }),
            // Shuffled at delivery: authored positions do not matter.
            BankExamples.json((0..<24).map { BankExamples.item($0, key: 1) }),
            // Too few items for the test, and no 4 in a row share a key position.
            BankExamples.json((0..<12).map { BankExamples.item($0, key: $0 % 3 == 2 ? 2 : 1, shuffle: false) }),
            // A run of 5, but delivery shuffles these items.
            BankExamples.json((0..<5).map { BankExamples.item($0, key: 1) }),
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        // Items by index into `items`, read in place: storing them would copy every eligible item.
        let items = context.bankItems
        var groups: [Int: [(index: Int, file: String, key: Int)]] = [:]
        var found: [Diagnostic] = [], run: [(index: Int, file: String, key: Int)] = []
        func endRun() {
            defer { run = [] }
            guard run.count >= runLength, let first = run.first else { return }
            let firstItem = items[first.index]
            var note = diagnostic(
                "\(run.count) consecutive single-answer items delivered in authored order are all keyed \(Self.letter(first.key)) "
                    + "('\(firstItem.id)' to '\(items[run[run.count - 1].index].id)'); vary the key position, or let delivery shuffle them",
                at: firstItem.origin, in: first.file, item: firstItem.id,
                related: relatedItems(run.dropFirst().prefix(maximumRelatedItems).map { items[$0.index] }) { "'\($0.id)' is keyed \(Self.letter(Self.keyIndex($0)))" })
            note.severity = .info
            found.append(note)
        }
        for index in items.indices {
            let file = items.file(index)
            guard items[index].type == .single, !items[index].shuffle, let body = items[index].choiceBody, body.options.count >= 2 else {
                endRun()
                continue
            }
            let keys = body.options.indices.filter { body.options[$0].isCorrect }
            guard keys.count == 1 else { endRun(); continue }
            if let last = run.last, last.file != file || last.key != keys[0] { endRun() }
            run.append((index, file, keys[0]))
            groups[body.options.count, default: []].append((index, file, keys[0]))
        }
        endRun()
        for optionCount in groups.keys.sorted() {
            let group = groups[optionCount]!
            guard group.count >= minimumItems else { continue }
            var observed = Array(repeating: 0, count: optionCount)
            for entry in group { observed[entry.key] += 1 }
            let expected = Double(group.count) / Double(optionCount)
            let chiSquare = observed.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            let p = Statistics.chiSquareSurvival(chiSquare, degreesOfFreedom: optionCount - 1)
            guard p < significance else { continue }
            let overused = Set(observed.indices.filter { Double(observed[$0]) > expected })
            let involved = group.filter { overused.contains($0.key) }
            let letters = observed.indices.map { "\(Self.letter($0)) \(observed[$0])" }.joined(separator: ", ")
            let message = "keys of the \(group.count) single-answer items with \(optionCount) options delivered in authored order "
                + "cluster: \(letters) (\(String(format: "%.1f", expected)) expected in each; chi-square "
                + "\(String(format: "%.1f", chiSquare)), \(Statistics.formatP(p))); move keys of the \(involved.count) items "
                + "keyed \(overused.sorted().map(Self.letter).joined(separator: "/")) to other positions, or let delivery shuffle them"
            let first = involved[0]
            found.append(diagnostic(
                message, at: items[first.index].origin, in: first.file, item: nil,
                related: relatedItems(involved.prefix(maximumRelatedItems).map { items[$0.index] }) { "'\($0.id)' is keyed \(Self.letter(Self.keyIndex($0)))" }))
        }
        return found
    }

    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + min(index, 25)))) }

    static func keyIndex(_ item: Item) -> Int { item.choiceBody?.options.firstIndex(where: \.isCorrect) ?? 0 }
}
