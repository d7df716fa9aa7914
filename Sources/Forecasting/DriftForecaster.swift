import RatingsData

/// What a projection starts from, per district: the latest ratings, the fitted district ×
/// component paces and their sds, how paces change (`PaceChange`) and the network's paces they
/// drift back to. Ratings are persistent states — most do not change from one year to the
/// next — so the last rating, not the fitted line, is where a forecast starts. `stepVariance`
/// is the year-to-year noise of the continuous walk (`ClampedWalkProjection`, `pooled-drift`).
public struct DriftForecaster: Sendable {
    /// The framework the ratings are on (a sensitivity run varies its threshold and advanced rule).
    public var framework: Framework
    /// Districts in panel order; `d` in the per-district arrays indexes this.
    public let districts: [DistrictInfo]
    /// Latest observed year of each district: projections start there.
    public let startYear: [Int]
    /// Starting rating of district d, element e at `startYear[d]`, at `d * elements + e`: the
    /// observed rating, or the fitted value for an element not rated that year, or the
    /// district's component score for an element never rated.
    public let start: [Double]
    /// Pooled slope of district d, component k at `d * components + k` (points per year), and its sd.
    public let drift: [Double]
    /// The sd of `drift` at the same index (points per year): its parameter uncertainty.
    public let driftSD: [Double]
    /// Variance per year of a rating's change around its drift (points²/year); the continuous
    /// walk's noise (`ClampedWalkProjection`), unused by the integer projection.
    public let stepVariance: Double
    /// How paces change from year to year in the integer projection (`PaceChange`); `.none` keeps
    /// every pace as drawn.
    public var paceChange: PaceChange = .none
    /// The network's pace of each component (points/year): where paces revert to.
    public var networkPace: [Double] = []
    /// Where in its rating's cell each element's latent score starts, in cell widths from −0.5
    /// (the bottom: the rating was only just reached) to 0.5; nil (the default): uniform, drawn
    /// per draw, since the position is not observed. A fixed position makes crossings
    /// hand-computable (tests, known-truth studies).
    public var cellPosition: Double? = nil

    /// A forecaster with given parameters (for known-truth tests and synthetic studies).
    public init(
        framework: Framework, districts: [DistrictInfo], startYear: [Int], start: [Double],
        drift: [Double], driftSD: [Double], stepVariance: Double
    ) {
        self.framework = framework
        self.districts = districts
        self.startYear = startYear
        self.start = start
        self.drift = drift
        self.driftSD = driftSD
        self.stepVariance = stepVariance
    }

    /// The forecaster for `panel`, from its fitted trajectory model.
    public init(panel: Panel, fit: TrajectoryFit) {
        let fw = panel.framework
        let e = fw.elements.count
        var start = [Double](repeating: 0, count: panel.districts.count * e)
        var years: [Int] = []
        let lo = Double(fw.minimumScore)
        let hi = Double(fw.maximumScore)
        var fitted = [Int: SeriesFit]()
        for s in fit.series { fitted[s.district * e + s.element] = s }
        for d in panel.districts.indices {
            let latest = panel.latestSnapshot(ofDistrict: d)
            years.append(latest.year)
            let components = fw.componentScores(latest.scores)
            for element in 0..<e {
                let value =
                    latest.scores[element]
                    ?? fitted[d * e + element]?.predicted(at: latest.year)
                    ?? components[fw.elements[element].componentIndex]
                start[d * e + element] = min(max(value, lo), hi)
            }
        }
        self.init(
            framework: fw, districts: panel.districts, startYear: years, start: start,
            drift: fit.slope.flatMap { $0 }, driftSD: fit.slopeSD.flatMap { $0 },
            stepVariance: DriftForecaster.stepVariance(panel: panel, fit: fit))
        paceChange = PaceChange.estimate(panel, fit: fit)
        networkPace = fit.componentSlope
    }

    /// q: the mean over consecutive ratings of a series of (Δy − β̃Δt)²/Δt — the variance per
    /// year of a random walk around the pooled drift.
    public static func stepVariance(panel: Panel, fit: TrajectoryFit) -> Double {
        let fw = panel.framework
        var sum = 0.0
        var count = 0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for e in fw.elements.indices {
                let slope = fit.slope[d][fw.elements[e].componentIndex]
                var previous: (year: Int, score: Double)?
                for s in snaps {
                    guard let y = s.scores[e] else { continue }
                    if let p = previous {
                        let r = y - p.score - slope * Double(s.year - p.year)
                        sum += r * r / Double(s.year - p.year)
                        count += 1
                    }
                    previous = (s.year, y)
                }
            }
        }
        return count > 0 ? sum / Double(count) : 0
    }
}
