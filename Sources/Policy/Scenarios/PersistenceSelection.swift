import Forecasting
import Foundation
import RatingsData

/// Chooses how long paces persist (φ of `PaceChange`) by the panel's own rolling-origin
/// forecasts: at every usable cut year the panel's past is fitted once and projected under each
/// candidate, and the candidate whose district-score forecasts have the lowest CRPS over
/// horizons 1–3 (pooled over cuts and districts) is used.
///
/// Why not only the moment estimate: the ratio of lag-2 to lag-1 autocovariances of yearly
/// changes reads stalls and rounding as reversion (0.58 on the shipped panel; 0.51 on an
/// episodic synthetic panel whose later lags give about 0.8), and the backtest shows bands too
/// narrow with it. The moment estimate remains the fallback when the panel has no cut year.
/// (Choosing a factor on the spread of the shocks as well, ×1, ×1.5 or ×2, was tried: on the
/// episodic synthetic panels it always chose ×1 and tripled the cost, so it is not done.)
///
/// Cost: every candidate projects the panel's past at every cut, with its paths recorded. On
/// large panels the CRPS is averaged over at most `maximumDistricts` districts, evenly spaced
/// in the panel's order. On a 1,000-district episodic synthetic panel (`simulate synth
/// --generator episodic --districts 1000 --years 2007-2016`) the whole run without attribution
/// took 22.7 s with every district scored and 14.2 s with 400, and both chose φ = 0.6 (as did
/// every district of the 13,000-district panel). Panels of up to 400 districts are unchanged.
public enum PersistenceSelection {
    /// Candidate values of φ (1: every pace kept as drawn).
    public static let candidates: [Double] = [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1]
    /// The most districts whose forecasts are scored (all of them up to this many).
    public static let maximumDistricts = 400

    /// The φ chosen and the scores behind the choice.
    public struct Result: Equatable, Sendable {
        /// The best-scoring candidate; the moment estimate when nothing could be scored.
        public var persistence: Double
        /// Mean CRPS of each candidate, in `candidates` order; empty when nothing could be scored.
        public var crps: [Double]
    }

    /// Select φ on `panel`; `events` and `levers` give the background events (nil: none).
    public static func select(
        _ panel: Panel, events: EventTable?, levers: LeverCatalogue?, horizon: Int = 3,
        draws: Int = 100, seed: UInt64 = 1
    ) -> Result {
        var sums = [Double](repeating: 0, count: candidates.count)
        var count = 0
        for cut in RollingOrigin.cutYears(panel) {
            let (training, original) = panel.before(year: cut + 1)
            guard let fit = try? TrajectoryModel.fit(training) else { continue }
            var forecaster = DriftForecaster(panel: training, fit: fit)
            let known = EventTable(file: "", events: events?.events.filter { $0.year <= cut } ?? [])
            let background =
                levers.map {
                    BackgroundEvent.estimated(from: known, panel: training, levers: $0, overrides: [:])
                } ?? []
            for (c, phi) in candidates.enumerated() {
                forecaster.paceChange.persistence = phi
                let (sum, n) = crps(
                    forecaster, training: training, original: original, panel: panel,
                    background: background, horizon: cut + horizon, draws: draws,
                    seed: RollingOrigin.cutSeed(seed, cut))
                sums[c] += sum
                if c == 0 { count += n }
            }
        }
        guard count > 0 else { return Result(persistence: PaceChange.persistence(panel).0, crps: []) }
        let means = sums.map { $0 / Double(count) }
        let best = means.indices.min { means[$0] < means[$1] }!
        return Result(persistence: candidates[best], crps: means)
    }

    /// Summed CRPS of every observed district score after the training data, and how many.
    static func crps(
        _ f: DriftForecaster, training: Panel, original: [Int], panel: Panel, background: [BackgroundEvent],
        horizon: Int, draws: Int, seed: UInt64
    ) -> (Double, Int) {
        let fw = panel.framework
        let n = training.districts.count
        let scored = n <= maximumDistricts ? Array(0..<n) : (0..<maximumDistricts).map { $0 * n / maximumDistricts }
        let rows = Parallel.map(scored.count) { i -> (Double, Int) in
            let t = scored[i]
            let years = f.startYear[t] < horizon ? Array((f.startYear[t] + 1)...horizon) : []
            let plan = ScenarioPlan.DistrictPlan(district: t, effects: [], stickingPoints: [], background: background)
            let scores = IntegerProjection.districtScores(f, plan, horizon: horizon, draws: draws, seed: seed)
            var sum = 0.0
            var n = 0
            for snap in panel.snapshots(ofDistrict: original[t]) {
                guard let yi = years.firstIndex(of: snap.year) else { continue }
                let observed = fw.districtScore(componentScores: fw.componentScores(snap.scores))
                let simulated = Array(scores[(yi * draws)..<((yi + 1) * draws)])
                sum += ScoringRules.crps(samples: simulated, observed: observed)
                n += 1
            }
            return (sum, n)
        }
        return (rows.reduce(0) { $0 + $1.0 }, rows.reduce(0) { $0 + $1.1 })
    }

    /// The selection for the inputs named by `key` (file paths), computed once per process:
    /// `compare` prepares every alternative on the same data, and each selection projects the
    /// panel's past under every candidate.
    public static func cached(key: [String], _ compute: () -> Result) -> Result {
        let k = key.joined(separator: "\u{1F}")
        cacheLock.lock()
        if let hit = cache[k] {
            cacheLock.unlock()
            return hit
        }
        cacheLock.unlock()
        let result = compute()
        cacheLock.lock()
        cache[k] = result
        cacheLock.unlock()
        return result
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Result] = [:]
}
