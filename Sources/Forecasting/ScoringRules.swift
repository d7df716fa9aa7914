import RatingsData

/// Proper scoring rules for probabilistic forecasts (Gneiting & Raftery 2007), as pure
/// functions: lower is better for every score here. The rolling-origin backtest uses them on
/// element ratings (ranked probability score), district scores (CRPS, interval score) and
/// advanced status (Brier score).
public enum ScoringRules {
    /// The central-80% band's miss level: the band runs from the 10th to the 90th percentile.
    public static let alpha80 = 0.2

    /// Ranked probability score of an ordinal outcome:
    /// RPS = Σₖ₌₁ᴷ (Fₖ − 1{y ≤ k})², with Fₖ = p₁ + … + pₖ the forecast's cumulative probability
    /// of the first k levels and y the observed level.
    ///
    /// Convention: the plain sum over the K cumulative levels, **not** divided by K − 1 (the last
    /// term is always 0 when the probabilities sum to 1). So a forecast that puts all its mass
    /// j levels away from the outcome scores exactly j, in level steps, on any scale.
    /// - Parameters:
    ///   - probabilities: p₁…p_K, one per scale level in ascending order (summing to 1).
    ///   - observed: the index (0-based) of the observed level in the same order.
    public static func rankedProbabilityScore(probabilities: [Double], observed: Int) -> Double {
        precondition(
            probabilities.indices.contains(observed), "the observed level must be one of the forecast's levels")
        var cumulative = 0.0
        var score = 0.0
        for (k, p) in probabilities.enumerated() {
            cumulative += p
            let step = cumulative - (observed <= k ? 1 : 0)
            score += step * step
        }
        return score
    }

    /// Continuous ranked probability score of a sample ensemble x₁…xₙ (the forecast is their
    /// empirical distribution), in the energy form CRPS = E|X − y| − ½ E|X − X′|, in the units of
    /// y (score points for a district score).
    ///
    /// E|X − X′| is the mean over all n² ordered pairs (the empirical distribution's own value,
    /// not the n(n − 1) "fair" estimator). With the sample sorted, Σᵢ Σⱼ |xᵢ − xⱼ| =
    /// 2 Σᵢ (2i − n − 1) x₍ᵢ₎, so the score costs one sort: O(n log n).
    public static func crps(samples: [Double], observed y: Double) -> Double {
        crps(sortedSamples: samples.sorted(), observed: y)
    }

    /// `crps(samples:observed:)` of a sample already sorted ascending (no sort: O(n)).
    public static func crps(sortedSamples x: [Double], observed y: Double) -> Double {
        precondition(!x.isEmpty, "CRPS needs at least one sample")
        let n = Double(x.count)
        var absolute = 0.0
        var spread = 0.0
        for (i, v) in x.enumerated() {
            absolute += Swift.abs(v - y)
            spread += (2 * Double(i + 1) - n - 1) * v
        }
        // ½ E|X − X′| = ½ · 2 Σ (2i − n − 1) x₍ᵢ₎ / n².
        return absolute / n - spread / (n * n)
    }

    /// Interval score of a central (1 − α) band [l, u] (Gneiting & Raftery 2007, eq. 43):
    /// (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}, in the units of y. With the
    /// default α = 0.2 (an 80% band) a miss costs 10 × its distance outside the band.
    public static func intervalScore(lower l: Double, upper u: Double, observed y: Double, alpha: Double = alpha80)
        -> Double
    {
        precondition(alpha > 0 && alpha < 1, "alpha must lie in (0, 1)")
        var score = u - l
        if y < l { score += 2 / alpha * (l - y) }
        if y > u { score += 2 / alpha * (y - u) }
        return score
    }

    /// Brier score of a probability forecast of a binary event: (p − 1{event})², in [0, 1].
    public static func brier(probability p: Double, outcome: Bool) -> Double {
        let miss = p - (outcome ? 1 : 0)
        return miss * miss
    }

    /// The empirical p-quantile of a sample sorted ascending, by linear interpolation between
    /// order statistics (Hyndman & Fan's type 7, numpy's and R's default): with h = (n − 1)p,
    /// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based order statistics.
    /// - Parameter p: a probability in [0, 1].
    public static func quantile(sorted x: [Double], _ p: Double) -> Double {
        precondition(!x.isEmpty, "a quantile needs at least one value")
        precondition(p >= 0 && p <= 1, "p must lie in [0, 1]")
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }
}
