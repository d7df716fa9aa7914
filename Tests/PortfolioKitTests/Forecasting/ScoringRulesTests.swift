import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct ScoringRulesTests {
    /// CRPS of N(μ, σ²) at y, closed form (Gneiting & Raftery 2007, eq. 21):
    /// σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ.
    static func normalCRPS(mean: Double, sd: Double, at y: Double) -> Double {
        let z = (y - mean) / sd
        let cdf = 0.5 * (1 + erf(z / 2.0.squareRoot()))
        let pdf = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return sd * (z * (2 * cdf - 1) + 2 * pdf - 1 / Double.pi.squareRoot())
    }

    /// A 100,000-draw normal sample scores the closed form within 4 Monte Carlo standard errors of
    /// its E|X − y| term (sd(|X − y|)/√n, about 0.004 here; the ½E|X − X′| term's own error and the
    /// O(σ/n) bias of the all-pairs form are far smaller).
    @Test(arguments: [0.0, 1.5, -3.0, 6.0])
    func crpsOfALargeNormalSampleMatchesTheClosedForm(y: Double) {
        var rng = SeededGenerator(seed: 11)
        let mean = 0.5
        let sd = 2.0
        let n = 100_000
        let sample = (0..<n).map { _ in mean + sd * rng.normal() }
        let distances = sample.map { abs($0 - y) }
        let m = distances.reduce(0, +) / Double(n)
        let se = (distances.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1) / Double(n)).squareRoot()
        let expected = Self.normalCRPS(mean: mean, sd: sd, at: y)
        let got = ScoringRules.crps(samples: sample, observed: y)
        #expect(
            got.isApproximatelyEqual(to: expected, absoluteTolerance: 4 * se),
            "CRPS \(got) vs closed form \(expected), tolerance \(4 * se)")
    }

    /// The sorted O(n log n) form equals the definition's double sum, E|X − y| − ½ mean over all
    /// n² pairs of |Xᵢ − Xⱼ|, on a small unsorted sample with ties.
    @Test func crpsSortedFormEqualsTheDoubleSum() {
        let x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0]
        for y in [0.0, 2.5, 4.0, 10.0] {
            let n = Double(x.count)
            let first = x.reduce(0) { $0 + abs($1 - y) } / n
            var pairs = 0.0
            for a in x { for b in x { pairs += abs(a - b) } }
            #expect(abs(ScoringRules.crps(samples: x, observed: y) - (first - 0.5 * pairs / (n * n))) < 1e-12)
        }
        // One sample: the absolute error.
        #expect(ScoringRules.crps(samples: [2], observed: 3.5) == 1.5)
    }

    /// Five levels, p = (0.1, 0.2, 0.4, 0.2, 0.1), outcome the fourth level:
    /// F = (0.1, 0.3, 0.7, 0.9, 1.0) against (0, 0, 0, 1, 1): 0.01 + 0.09 + 0.49 + 0.01 + 0 = 0.60.
    @Test func rankedProbabilityScoreByHand() {
        let p = [0.1, 0.2, 0.4, 0.2, 0.1]
        #expect(abs(ScoringRules.rankedProbabilityScore(probabilities: p, observed: 3) - 0.60) < 1e-12)
        // All mass two levels from the outcome scores 2 (not normalised by K − 1 = 4); on the outcome, 0.
        #expect(ScoringRules.rankedProbabilityScore(probabilities: [0, 0, 0, 1, 0], observed: 1) == 2)
        #expect(ScoringRules.rankedProbabilityScore(probabilities: [0, 1, 0, 0, 0], observed: 1) == 0)
        // Four levels, uniform, outcome the lowest: (0.25−1)² + (0.5−1)² + (0.75−1)² = 0.875.
        #expect(
            abs(ScoringRules.rankedProbabilityScore(probabilities: [0.25, 0.25, 0.25, 0.25], observed: 0) - 0.875)
                < 1e-12)
    }

    /// Band [2, 3], α = 0.2: inside costs the width 1; a miss adds 10 × its distance.
    @Test func intervalScoreCases() {
        #expect(ScoringRules.intervalScore(lower: 2, upper: 3, observed: 2.5) == 1)
        #expect(ScoringRules.intervalScore(lower: 2, upper: 3, observed: 3) == 1)
        #expect(abs(ScoringRules.intervalScore(lower: 2, upper: 3, observed: 1.5) - 6) < 1e-12)
        #expect(abs(ScoringRules.intervalScore(lower: 2, upper: 3, observed: 3.2) - 3) < 1e-12)
        #expect(ScoringRules.intervalScore(lower: 4, upper: 4, observed: 4) == 0)
        // A 50% band (α = 0.5): a miss costs 4 × its distance.
        #expect(ScoringRules.intervalScore(lower: 2, upper: 3, observed: 1, alpha: 0.5) == 5)
    }

    @Test func brierCases() {
        #expect(abs(ScoringRules.brier(probability: 0.7, outcome: true) - 0.09) < 1e-12)
        #expect(abs(ScoringRules.brier(probability: 0.7, outcome: false) - 0.49) < 1e-12)
        #expect(ScoringRules.brier(probability: 1, outcome: true) == 0)
        #expect(ScoringRules.brier(probability: 0, outcome: true) == 1)
        #expect(ScoringRules.brier(probability: 0.5, outcome: false) == 0.25)
    }

    /// Type 7, as numpy's `np.quantile([1, 2, 3, 4], p)`: 1.3, 2.5, 3.7; the ends are the extremes.
    @Test func quantileIsType7() {
        let x = [1.0, 2.0, 3.0, 4.0]
        #expect(abs(ScoringRules.quantile(sorted: x, 0.1) - 1.3) < 1e-12)
        #expect(ScoringRules.quantile(sorted: x, 0.5) == 2.5)
        #expect(abs(ScoringRules.quantile(sorted: x, 0.9) - 3.7) < 1e-12)
        #expect(ScoringRules.quantile(sorted: x, 0) == 1 && ScoringRules.quantile(sorted: x, 1) == 4)
        #expect(ScoringRules.quantile(sorted: [7], 0.9) == 7)
    }
}
