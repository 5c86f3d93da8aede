import Foundation

/// Marginal maximum-likelihood calibration by EM over a fixed quadrature (Bock & Aitkin, 1981):
/// the E-step spreads each candidate over the ability points by their posterior; the M-step
/// fits each free item to the expected right/total counts at every point by Fisher scoring.
/// Anchor items keep their given parameters; with anchors the ability distribution's mean and
/// sd are estimated so the free items land on the anchors' scale, without them θ ~ N(0, 1).
public struct Calibration: Sendable {
    public struct Options: Sendable {
        public var model: IRTModel
        public var guessingPrior: GuessingPrior
        public var anchors: [String: ItemParameters]
        public var quadraturePoints: Int
        public var tolerance: Double
        public var maximumCycles: Int
        /// An item whose RMSD exceeds this is flagged as misfitting.
        public var misfitRMSD: Double

        public init(model: IRTModel = .twoPL, guessingPrior: GuessingPrior = GuessingPrior(), anchors: [String: ItemParameters] = [:],
                    quadraturePoints: Int = 41, tolerance: Double = 1e-3, maximumCycles: Int = 500, misfitRMSD: Double = 0.1) {
            self.model = model
            self.guessingPrior = guessingPrior
            self.anchors = anchors
            self.quadraturePoints = quadraturePoints
            self.tolerance = tolerance
            self.maximumCycles = maximumCycles
            self.misfitRMSD = misfitRMSD
        }
    }

    public struct ItemResult: Sendable, Equatable {
        public var id: String
        public var parameters: ItemParameters
        /// Standard errors of a, b, c (nil for what the model fixes, and for anchors).
        public var seA: Double?
        public var seB: Double?
        public var seC: Double?
        public var anchored: Bool
        public var responses: Int
        /// Root mean squared deviation between the posterior-expected and the model proportion
        /// correct over the ability points (the item-fit statistic PISA uses).
        public var rmsd: Double
        public var misfits: Bool
    }

    public var model: IRTModel
    public var items: [ItemResult]
    public var cycles: Int
    public var converged: Bool
    public var logLikelihood: Double
    public var populationMean: Double
    public var populationSD: Double
    public var candidates: Int

    public init(_ data: ResponsePatterns, options: Options = Options()) {
        var engine = CalibrationEngine(data, options: options)
        engine.run()
        model = options.model
        candidates = data.candidates
        cycles = engine.cycles
        converged = engine.converged
        logLikelihood = engine.logLikelihood
        populationMean = engine.mean
        populationSD = engine.sd
        let errors = engine.standardErrors()
        let fit = engine.rmsd()
        items = data.items.indices.map { i in
            let anchored = engine.fixed[i]
            return ItemResult(
                id: data.items[i], parameters: engine.parameters[i], seA: anchored ? nil : errors[i].a,
                seB: anchored ? nil : errors[i].b, seC: anchored ? nil : errors[i].c, anchored: anchored,
                responses: engine.counts[i], rmsd: fit[i], misfits: fit[i] > options.misfitRMSD
            )
        }
    }
}
