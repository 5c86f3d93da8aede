import QBankCore

/// Assembled forms and what it took, with the figures reports print.
public struct AssemblyOutcome: Sendable {
    public var pool: AssemblyPool
    public var request: AssemblyRequest
    public var target: ParallelismTarget
    public var solver: String
    /// Unit indexes into `pool.units`, per form.
    public var forms: [[Int]]
    public var steps: [StepReport]
    /// With an information target: the shadow test for all forms solved first, whose proven
    /// bound caps every form's maximin value (form 0 in reports).
    public var boundStep: StepReport?

    public init(pool: AssemblyPool, request: AssemblyRequest, target: ParallelismTarget, solver: String,
                forms: [[Int]], steps: [StepReport], boundStep: StepReport? = nil) {
        self.pool = pool
        self.request = request
        self.target = target
        self.solver = solver
        self.forms = forms
        self.steps = steps
        self.boundStep = boundStep
    }

    public var totalSeconds: Double { (steps + (boundStep.map { [$0] } ?? [])).reduce(0) { $0 + $1.seconds } }

    /// Items of form `f` (0-based) with their slots, in unit order.
    public func items(of f: Int) -> [(item: Item, slot: AssemblyPool.Slot, unit: Int)] {
        forms[f].flatMap { u in zip(pool.units[u].items, pool.units[u].slots).map { ($0.0, $0.1, u) } }
    }

    /// Scored items two forms share.
    public func overlap(_ a: Int, _ b: Int) -> Int {
        let scoredA = Set(items(of: a).filter { $0.slot == .scored }.map(\.item.id))
        return items(of: b).filter { $0.slot == .scored && scoredA.contains($0.item.id) }.count
    }

    /// Test information of form `f` at `theta` (scored items).
    public func information(of f: Int, at theta: Double) -> Double {
        items(of: f).filter { $0.slot == .scored }.reduce(0) { $0 + AssemblyPool.information($1.item, at: theta) }
    }

    /// Mean p-value of form `f`'s scored items that have one.
    public func meanPValue(of f: Int) -> Double? {
        let ps = items(of: f).filter { $0.slot == .scored }.compactMap(\.item.stats?.pValue)
        return ps.isEmpty ? nil : ps.reduce(0, +) / Double(ps.count)
    }

    /// The parallelism figures: per form value(s), the common target, and the largest
    /// deviation of any form from it (relative for information, absolute for p-values).
    public var parallelism: Parallelism {
        switch target {
        case .information(let thetas):
            let values = forms.indices.map { f in thetas.map { information(of: f, at: $0) } }
            let means = thetas.indices.map { k in values.map { $0[k] }.reduce(0, +) / Double(values.count) }
            var worst = 0.0
            for row in values { for k in thetas.indices where means[k] > 0 { worst = max(worst, abs(row[k] - means[k]) / means[k]) } }
            let shape = pool.informationShape(thetas)
            let weakest = values.map { row in thetas.indices.map { row[$0] / shape[$0] }.min() ?? 0 }.min() ?? 0
            return Parallelism(measure: "information", values: values, targets: means, largestDeviation: worst,
                               weakest: weakest, upperBound: (boundStep ?? steps.first)?.bound)
        case .meanPValue(let p):
            let values = forms.indices.map { [meanPValue(of: $0) ?? .nan] }
            let worst = values.compactMap { $0[0].isNaN ? nil : abs($0[0] - p) }.max() ?? 0
            return Parallelism(measure: "mean-p-value", values: values, targets: [p], largestDeviation: worst, weakest: nil, upperBound: nil)
        case .none:
            return Parallelism(measure: "none", values: [], targets: [], largestDeviation: 0, weakest: nil, upperBound: nil)
        }
    }
}

public struct Parallelism: Sendable {
    public var measure: String
    /// Per form: information at each θ, or [mean p-value].
    public var values: [[Double]]
    /// The common target: mean information per θ over the forms, or the p-value target.
    public var targets: [Double]
    /// Largest |form − target|: relative (0.01 = 1%) for information, in p for p-values.
    public var largestDeviation: Double
    /// Smallest information of any form at any θ, relative to the θ's weight r_k (the maximin value y).
    public var weakest: Double?
    /// Proven upper bound on that value: the LP relaxation of the shadow test for all forms
    /// over the whole bank (a relaxation of assembling them simultaneously).
    public var upperBound: Double?
}
