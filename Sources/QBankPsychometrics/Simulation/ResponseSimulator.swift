import Foundation
import QBankCore

/// Seeded simulated administrations: abilities θ ~ N(mean, sd²), each response right with the
/// item's IRT probability, wrong responses shaped like real ones (a distractor for single
/// response, one key swapped for a distractor for multiple response, two neighbours swapped
/// for ordering, two responses swapped for matching). Same seed, same responses.
public struct ResponseSimulator {
    public var parameters: [String: ItemParameters]
    /// Distractor ids of each selected-response item (wrong answers are drawn from them).
    public var distractors: [String: [String]]
    private var random: SeededRandom

    public init(parameters: [String: ItemParameters], distractors: [String: [String]] = [:], seed: UInt64) {
        self.parameters = parameters
        self.distractors = distractors
        random = SeededRandom(seed: seed)
    }

    /// A standard normal draw (Box–Muller on the seeded generator).
    public mutating func normal() -> Double {
        let u = max(random.unit(), 1e-300), v = random.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// `count` candidates answering the form `key`; every item on it needs parameters.
    public mutating func administer(form: String, key: [KeyEntry], count: Int, mean: Double = 0, sd: Double = 1, idPrefix: String = "c") -> Administration {
        var candidates: [Administration.Candidate] = []
        candidates.reserveCapacity(count)
        for n in 0..<count {
            let theta = mean + sd * normal()
            let responses = key.map { entry -> Answer? in
                let p = parameters[entry.id]!.probability(theta)
                return random.unit() < p ? entry.answer : wrongAnswer(entry)
            }
            candidates.append(.init(id: "\(idPrefix)\(n + 1)", responses: responses))
        }
        return Administration(form: form, key: key, candidates: candidates)
    }

    /// 0/1 responses of `count` candidates to every item in `items`, for benchmarks and recovery tests.
    public mutating func patterns(items: [String], count: Int) -> ResponsePatterns {
        let table = items.map { parameters[$0]! }
        var right: [[Int32]] = [], wrong: [[Int32]] = []
        right.reserveCapacity(count)
        wrong.reserveCapacity(count)
        for _ in 0..<count {
            let theta = normal()
            var r: [Int32] = [], w: [Int32] = []
            for (i, item) in table.enumerated() {
                if random.unit() < item.probability(theta) { r.append(Int32(i)) } else { w.append(Int32(i)) }
            }
            right.append(r)
            wrong.append(w)
        }
        return ResponsePatterns(items: items, right: right, wrong: wrong)
    }

    mutating func wrongAnswer(_ entry: KeyEntry) -> Answer {
        let others = distractors[entry.id] ?? []
        switch entry.answer {
        case .choice(let keyed):
            return .choice(others.isEmpty ? keyed + "-wrong" : others[Int(random.next() % UInt64(others.count))])
        case .choices(let ids), .sequence(let ids):
            if entry.type == "ordering" || others.isEmpty {
                guard ids.count > 1 else { return .sequence(ids + ids) }
                var wrong = ids
                let at = Int(random.next() % UInt64(ids.count - 1))
                wrong.swapAt(at, at + 1)
                return .sequence(wrong)
            }
            var wrong = ids
            wrong[Int(random.next() % UInt64(ids.count))] = others[Int(random.next() % UInt64(others.count))]
            return .sequence(wrong)
        case .pairs(let pairs):
            let prompts = pairs.keys.sorted()
            guard prompts.count > 1 else { return .pairs([:]) }
            var wrong = pairs
            let at = Int(random.next() % UInt64(prompts.count - 1))
            wrong[prompts[at]] = pairs[prompts[at + 1]]
            wrong[prompts[at + 1]] = pairs[prompts[at]]
            return .pairs(wrong)
        }
    }

    /// Generating parameters for items that have none: a = e^N(0, 0.3²), b ~ N(0, 1), c = 0,
    /// drawn from a generator seeded by the item id and `seed`, so each item keeps its
    /// parameters whatever else is on the form.
    public static func drawnParameters(for id: String, seed: UInt64) -> ItemParameters {
        var simulator = ResponseSimulator(parameters: [:], seed: StableHash.fnv1a64(id, seed: seed))
        let a = exp(0.3 * simulator.normal())
        return ItemParameters(a: a, b: simulator.normal())
    }
}
