
/// A candidate's result: raw score over the scored items only (unscored items never
/// count), each item all-or-nothing, and the scaled score with pass/fail at the cut.
public struct ScoreReport: Sendable, Equatable {
    public var form: String
    public var raw: Int
    public var maxRaw: Int
    public var rawCut: Int
    public var scaled: Int
    public var cut: Int
    public var passed: Bool
    /// Scored items answered correctly / incorrectly (ids, key order).
    public var correct: [String]
    public var incorrect: [String]
    /// Responses to unscored items, ignored.
    public var ignored: Int

    /// With `conversion` (the form's equated table) the raw cut and scaled score come from it;
    /// without, from `scale`'s cut fraction.
    public init(form: String, key: [KeyEntry], responses: [String: Answer], scale: ScoreScale, conversion: RawConversion? = nil) {
        self.form = form
        var correct: [String] = [], incorrect: [String] = [], ignored = 0
        for entry in key.sorted(by: { $0.position < $1.position }) {
            guard entry.scored else { if responses[entry.id] != nil { ignored += 1 }; continue }
            if entry.answer.credits(responses[entry.id], as: entry.type) { correct.append(entry.id) } else { incorrect.append(entry.id) }
        }
        self.correct = correct
        self.incorrect = incorrect
        self.ignored = ignored
        raw = correct.count
        maxRaw = correct.count + incorrect.count
        cut = scale.cut
        if let conversion, conversion.maxRaw == maxRaw {
            rawCut = conversion.rawCut
            scaled = conversion.scaled[raw]
            passed = raw >= conversion.rawCut
        } else {
            rawCut = scale.rawCut(maxRaw: maxRaw)
            scaled = scale.scaled(raw: raw, maxRaw: maxRaw)
            passed = scale.passes(raw: raw, maxRaw: maxRaw)
        }
    }
}
