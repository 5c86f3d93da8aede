import Foundation
import QBankCore
import Testing
import TestSupport
@testable import QBankPsychometrics

/// Anchors for `Calibration`: girth 0.8.0's MML estimates on the same data (committed in
/// Fixtures/girth-reference.csv by Fixtures/make_girth_fixture.py; tests never run Python)
/// within 0.02 in a and 0.05 in b, and the published 2PL estimates of LSAT-6.
struct CalibrationAnchorTests {
    static let fixtures = Fixtures.repositoryRoot.appendingPathComponent("Tests/QBankPsychometricsTests/Fixtures")

    static func girth(_ data: String, _ model: String) throws -> [(item: String, a: Double, b: Double, c: Double)] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("girth-reference.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            .filter { $0[0] == data && $0[1] == model }
            .map { ($0[2], Double($0[3])!, Double($0[4])!, Double($0[5])!) }
    }

    /// LSAT-6 from its pattern frequencies (Bock & Lieberman, 1970).
    static func lsat6() throws -> ResponsePatterns {
        let text = try String(contentsOf: fixtures.appendingPathComponent("lsat6.csv"), encoding: .utf8)
        var right: [[Int32]] = [], wrong: [[Int32]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("pattern") {
            let fields = line.split(separator: ",")
            let pattern = Array(fields[0])
            for _ in 0..<Int(fields[1])! {
                right.append((0..<5).filter { pattern[$0] == "1" }.map(Int32.init))
                wrong.append((0..<5).filter { pattern[$0] == "0" }.map(Int32.init))
            }
        }
        return ResponsePatterns(items: (1...5).map { "item\($0)" }, right: right, wrong: wrong)
    }

    static func compare(_ calibration: Calibration, with reference: [(item: String, a: Double, b: Double, c: Double)],
                        aWithin: Double = 0.02, bWithin: Double = 0.05) {
        #expect(calibration.converged)
        #expect(reference.count == calibration.items.count)
        for row in reference {
            guard let item = calibration.items.first(where: { $0.id == row.item }) else { Issue.record("no \(row.item)"); continue }
            let p = item.parameters
            #expect(abs(p.a - row.a) <= aWithin && abs(p.b - row.b) <= bWithin,
                    "\(row.item): ours a \(Format.fixed(p.a)) b \(Format.fixed(p.b)) c \(Format.fixed(p.c)), girth a \(row.a) b \(row.b) c \(row.c)")
        }
    }

    @Test func lsat6MatchesGirthAndThePublished2PL() throws {
        let data = try Self.lsat6()
        let twoPL = Calibration(data, options: .init(model: .twoPL))
        Self.compare(twoPL, with: try Self.girth("lsat6", "2pl"))
        let estimates = [(0.825, -3.36), (0.723, -1.37), (0.890, -0.28), (0.689, -1.87), (0.657, -3.12)]
        for (item, (a, b)) in zip(twoPL.items, estimates) {
            #expect(abs(item.parameters.a - a) <= 0.01 && abs(item.parameters.b - b) <= 0.02, "\(item.id): \(item.parameters) vs published a \(a) b \(b)")
        }
        let rasch = Calibration(data, options: .init(model: .rasch))
        Self.compare(rasch, with: try Self.girth("lsat6", "rasch"))
        Self.compare(rasch, with: try Self.girth("lsat6", "rasch-ml"), aWithin: 0, bWithin: 0.01)
        // Standard errors: ltm's published ones (Rizopoulos, 2006, from the observed information);
        // ours come from the cross-product of score vectors, so agreement within 15% is expected.
        let published = [(0.2581, 0.8669), (0.1867, 0.3073), (0.2326, 0.0997), (0.1852, 0.4341), (0.2100, 0.8700)]
        for (item, (seA, seB)) in zip(twoPL.items, published) {
            #expect(abs(item.seA! / seA - 1) < 0.15 && abs(item.seB! / seB - 1) < 0.15, "\(item.id): se a \(item.seA!) b \(item.seB!) vs ltm \(seA) \(seB)")
        }
    }

    /// The marginal log-likelihood of `parameters` on `data` (θ ~ N(0, 1)).
    static func logLikelihood(_ data: ResponsePatterns, _ parameters: [(item: String, a: Double, b: Double, c: Double)]) -> Double {
        let anchors = Dictionary(uniqueKeysWithValues: parameters.map { ($0.item, ItemParameters(a: $0.a, b: $0.b, c: $0.c)) })
        var engine = CalibrationEngine(data, options: .init(anchors: anchors))
        engine.expectationStep()
        return engine.logLikelihood
    }

    @Test(.enabled(if: Corpus.folder != nil, "../shared/corpus/psychometrics not present"))
    func iqitems2PLMatchesGirth() throws {
        let data = ResponsePatterns([try Corpus.iqitems()], convention: .wrong)
        Self.compare(Calibration(data, options: .init(model: .twoPL)), with: try Self.girth("iqitems", "2pl"))
    }

    /// girth's rasch_mml and threepl_mml set each difficulty so that the proportion correct
    /// expected under the N(0, 1) prior equals the observed one, which is the marginal maximum
    /// only when the model fits. On iqitems (a ≈ 1.5, far from the Rasch a = 1) girth's Rasch b's
    /// lie up to 0.10 from the maximum of its own likelihood (the fixture's "rasch-ml" rows: that
    /// likelihood, on girth's quadrature, maximised by SciPy). Ours must match that maximum, and
    /// reach a higher likelihood than girth's moment estimates.
    @Test(.enabled(if: Corpus.folder != nil, "../shared/corpus/psychometrics not present"))
    func iqitemsRaschIsTheMaximumOfGirthsLikelihoodAnd3PLMatchesGirth() throws {
        let data = ResponsePatterns([try Corpus.iqitems()], convention: .wrong)
        let rasch = Calibration(data, options: .init(model: .rasch))
        Self.compare(rasch, with: try Self.girth("iqitems", "rasch-ml"), aWithin: 0, bWithin: 0.01)
        #expect(rasch.logLikelihood > Self.logLikelihood(data, try Self.girth("iqitems", "rasch")))
        let flat = Calibration(data, options: .init(model: .threePL, guessingPrior: GuessingPrior(alpha: 1, beta: 1)))
        #expect(flat.logLikelihood > Self.logLikelihood(data, try Self.girth("iqitems", "3pl")))
        // With a flat prior on c, our 3PL is girth's model: b within 0.05 everywhere, a within 0.02
        // except on the four rotation items, where girth stops at its bound a ≤ 4 (ours: 5.1, 5.1, 3.0, 3.6).
        for row in try Self.girth("iqitems", "3pl") {
            let p = flat.items.first { $0.id == row.item }!.parameters
            #expect(abs(p.b - row.b) <= 0.05, "\(row.item): b \(p.b) vs girth \(row.b)")
            #expect(row.item.hasPrefix("rotate") || abs(p.a - row.a) <= 0.02, "\(row.item): a \(p.a) vs girth \(row.a)")
            #expect(abs(p.c - row.c) <= 0.02, "\(row.item): c \(p.c) vs girth \(row.c)")
        }
    }
}
