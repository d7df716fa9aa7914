import Foundation

/// Fit on years before a held-out year, forecast every rating observed in it, and score
/// the engine's model against naive rules.
///
/// Methods (each forecast clamped to the scale; each 80% interval = forecast ± 1.2816 sd, clamped):
/// - `pooled-drift` (the engine's forecast): the series' last rating plus the pooled slope β̃
///   times the gap; sd² = q·gap + gap²·sd(β̃)², q the mean of (Δy − β̃Δt)²/Δt over
///   consecutive training ratings. Ratings are persistent states (most do not change from one
///   year to the next), so the last rating carries more information than the series mean.
/// - `pooled-line`: the trajectory model's fitted line; sd from `SeriesFit.predictionSD`.
/// - `pooled-line-unclamped`: the same without clamping, kept to document the clamping choice.
/// - `last-value`: the series' last rating carried forward; sd² = gap × the mean of
///   (Δy)²/Δt over consecutive training ratings (a random walk's variance).
/// - `series-ols`: a free least-squares line per series (last value when it has one year);
///   sd² = s²(1 + 1/n + (Y − t̄)²/Sxx) with s² pooled over series with 3 or more ratings.
public enum Backtest {
    /// z such that ±z covers 80% of a normal distribution.
    public static let z80 = 1.2815515655446004

    public struct Forecast: Sendable {
        var value: Double
        var sd: Double
    }

    public enum BacktestError: Error, CustomStringConvertible {
        case nothingToForecast(Int)
        case noTrainingData(Int)
        case fit(TrajectoryModel.FitError)

        public var description: String {
            switch self {
            case .nothingToForecast(let y): return "no rating in \(y) has an earlier rating of the same series to forecast from"
            case .noTrainingData(let y): return "no snapshot before \(y) to fit on; expected a hold-out year after the first year"
            case .fit(let e): return "fitting the years before the hold-out year: \(e)"
            }
        }
    }

    /// Score every method on `holdoutYear`.
    public static func run(_ panel: Panel, holdoutYear year: Int) throws(BacktestError) -> [BacktestScore] {
        let (training, original) = panel.before(year: year)
        guard !training.snapshots.isEmpty else { throw .noTrainingData(year) }
        let fit: TrajectoryFit
        do { fit = try TrajectoryModel.fit(training) } catch { throw .fit(error) }
        let fw = panel.framework
        let lo = Double(fw.minimumScore), hi = Double(fw.maximumScore)

        // Training histories per (training district, element).
        let elementCount = fw.elements.count
        var history = [[(year: Int, score: Double)]](repeating: [], count: training.districts.count * elementCount)
        for s in training.snapshots {
            for (e, v) in s.scores.enumerated() { if let v { history[s.districtIndex * elementCount + e].append((s.year, v)) } }
        }
        var seriesFit = [Int: SeriesFit]()
        for s in fit.series { seriesFit[s.district * elementCount + s.element] = s }

        // Random-walk variance per year for last-value; pooled OLS residual variance for series-ols.
        var stepSum = 0.0, stepCount = 0, olsRSS = 0.0, olsDF = 0
        for h in history {
            for (a, b) in zip(h, h.dropFirst()) {
                stepSum += (b.score - a.score) * (b.score - a.score) / Double(b.year - a.year); stepCount += 1
            }
            if h.count >= 3, let line = ols(h) { olsRSS += line.rss; olsDF += h.count - 2 }
        }
        let walkVariance = stepCount > 0 ? stepSum / Double(stepCount) : 0
        let olsVariance = olsDF > 0 ? olsRSS / Double(olsDF) : walkVariance

        // Persistence around the pooled drift, as the engine's projection uses it.
        let driftVariance = DriftForecaster.stepVariance(panel: training, fit: fit)

        let names = ["pooled-line", "pooled-line-unclamped", "last-value", "series-ols", "pooled-drift"]
        var forecasts = [[Forecast]](repeating: [], count: names.count)
        var actual: [Double] = []
        for (t, d) in original.enumerated() {
            guard let target = panel.snapshots(ofDistrict: d).first(where: { $0.year == year }) else { continue }
            for e in 0..<elementCount {
                guard let y = target.scores[e], let s = seriesFit[t * elementCount + e] else { continue }
                let h = history[t * elementCount + e]
                actual.append(y)
                let model = Forecast(value: s.predicted(at: year), sd: s.predictionSD(at: year, residualVariance: fit.variance.residual))
                forecasts[0].append(model)
                forecasts[1].append(model)
                let last = h.last!
                forecasts[2].append(Forecast(value: last.score, sd: (walkVariance * Double(year - last.year)).squareRoot()))
                if let line = ols(h) {
                    let lever = Double(year) - line.meanYear
                    forecasts[3].append(Forecast(value: line.mean + line.slope * lever,
                                                 sd: (olsVariance * (1 + 1 / Double(h.count) + lever * lever / line.sxx)).squareRoot()))
                } else {
                    forecasts[3].append(Forecast(value: last.score, sd: (walkVariance * Double(year - last.year)).squareRoot()))
                }
                let gap = Double(year - last.year)
                forecasts[4].append(Forecast(value: last.score + s.slope * gap,
                                             sd: (driftVariance * gap + gap * gap * s.slopeSD * s.slopeSD).squareRoot()))
            }
        }
        guard !actual.isEmpty else { throw .nothingToForecast(year) }
        let order = [4, 0, 1, 2, 3]  // the engine's model first
        return order.map { m in
            score(names[m], forecasts[m], actual, framework: fw, clamp: m == 1 ? nil : (lo, hi))
        }
    }

    /// Least-squares line through a history (nil when it spans a single year).
    static func ols(_ h: [(year: Int, score: Double)]) -> (mean: Double, meanYear: Double, slope: Double, sxx: Double, rss: Double)? {
        let n = Double(h.count)
        let ty = h.reduce(0.0) { $0 + Double($1.year) } / n
        let my = h.reduce(0.0) { $0 + $1.score } / n
        var sxx = 0.0, sxy = 0.0
        for p in h { sxx += (Double(p.year) - ty) * (Double(p.year) - ty); sxy += (Double(p.year) - ty) * (p.score - my) }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let rss = h.reduce(0.0) { acc, p in let r = p.score - my - slope * (Double(p.year) - ty); return acc + r * r }
        return (my, ty, slope, sxx, rss)
    }

    static func score(_ name: String, _ f: [Forecast], _ y: [Double], framework: Framework,
                      clamp: (Double, Double)?) -> BacktestScore {
        let levels = framework.levels.map { Double($0.value) }
        func levelIndex(_ v: Double) -> Int { levels.firstIndex(of: Double(framework.rating(for: v).value))! }
        var abs_ = 0.0, sq = 0.0, exact = 0, withinOne = 0, covered = 0
        for (fc, actual) in zip(f, y) {
            var value = fc.value, low = fc.value - z80 * fc.sd, high = fc.value + z80 * fc.sd
            if let (lo, hi) = clamp {
                value = min(max(value, lo), hi); low = min(max(low, lo), hi); high = min(max(high, lo), hi)
            }
            abs_ += Swift.abs(value - actual); sq += (value - actual) * (value - actual)
            let distance = Swift.abs(levelIndex(value) - levelIndex(actual))
            if distance == 0 { exact += 1 }
            if distance <= 1 { withinOne += 1 }
            if actual >= low && actual <= high { covered += 1 }
        }
        let n = Double(y.count)
        return BacktestScore(model: name, mae: abs_ / n, rmse: (sq / n).squareRoot(), exactMatchRate: Double(exact) / n,
                             withinOneRate: Double(withinOne) / n, coverage80: Double(covered) / n, n: y.count)
    }
}
