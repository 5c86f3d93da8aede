import Foundation

/// The two tail probabilities the bank rules test with, written out so results are
/// the same everywhere (Numerical Recipes, 3rd ed., §6.1–6.4).
enum Statistics {
    /// P(X ≥ x) for X ~ chi-square with `degreesOfFreedom`: the upper regularised
    /// incomplete gamma Q(k/2, x/2).
    static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard x > 0 else { return 1 }
        return upperRegularizedGamma(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// P(X ≥ k) for X ~ Binomial(n, p): the regularised incomplete beta I_p(k, n − k + 1).
    static func binomialUpperTail(_ k: Int, n: Int, p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n { return 0 }
        return regularizedBeta(p, Double(k), Double(n - k + 1))
    }

    /// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-15).
    static func logGamma(_ x: Double) -> Double {
        if x < 0.5 { return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x) }
        let g = 7.0
        let c: [Double] = [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ]
        let z = x - 1
        var sum = c[0]
        for i in 1..<c.count { sum += c[i] / (z + Double(i)) }
        let t = z + g + 0.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above.
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        let front = exp(-x + a * log(x) - logGamma(a))
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, min(1, 1 - sum * front))
        }
        // Modified Lentz.
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, min(1, front * h))
    }

    /// I_x(a, b), by the continued fraction on whichever side converges.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x))
        if x < (a + 1) / (a + b + 2) { return front * betaFraction(x, a, b) / a }
        return 1 - front * betaFraction(1 - x, b, a) / b
    }

    private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            var an = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + an * d; if abs(d) < tiny { d = tiny }
            c = 1 + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            an = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + an * d; if abs(d) < tiny { d = tiny }
            c = 1 + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }

    /// "p = 0.0031", "p < 0.0001".
    static func formatP(_ p: Double) -> String {
        p < 0.0001 ? "p < 0.0001" : "p = " + String(format: "%.4f", p)
    }
}
