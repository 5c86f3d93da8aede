@testable import QBankRules
import Testing

/// Tail probabilities against published table values.
struct StatisticsTests {
    @Test(arguments: [
        (3.841459, 1, 0.05), (6.634897, 1, 0.01), (5.991465, 2, 0.05), (11.344867, 3, 0.01), (7.814728, 3, 0.05),
        (23.209251, 10, 0.01), (0.0, 3, 1.0), (1.0, 2, 0.6065307),
    ])
    func chiSquareSurvivalMatchesTables(_ x: Double, _ df: Int, _ expected: Double) {
        #expect(abs(Statistics.chiSquareSurvival(x, degreesOfFreedom: df) - expected) < 1e-6)
    }

    @Test func binomialUpperTailMatchesExactSums() {
        // P(X ≥ 8), X ~ Bin(10, 0.5) = (45 + 10 + 1) / 1024.
        #expect(abs(Statistics.binomialUpperTail(8, n: 10, p: 0.5) - 56.0 / 1024) < 1e-12)
        // P(X ≥ 1), X ~ Bin(20, 0.25) = 1 − 0.75^20.
        let oneMinus: Double = (0..<20).reduce(1.0) { value, _ in value * 0.75 }
        #expect(abs(Statistics.binomialUpperTail(1, n: 20, p: 0.25) - (1 - oneMinus)) < 1e-12)
        #expect(Statistics.binomialUpperTail(0, n: 20, p: 0.25) == 1)
        #expect(Statistics.binomialUpperTail(21, n: 20, p: 0.25) == 0)
        // Large n stays finite and monotone.
        let a = Statistics.binomialUpperTail(25_500, n: 100_000, p: 0.25)
        let b = Statistics.binomialUpperTail(26_000, n: 100_000, p: 0.25)
        #expect(a > b && b > 0 && a < 0.01)
    }

    @Test func formatting() {
        #expect(Statistics.formatP(0.00312) == "p = 0.0031")
        #expect(Statistics.formatP(1e-9) == "p < 0.0001")
    }
}
