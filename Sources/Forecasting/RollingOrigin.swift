import RatingsData

/// A rolling-origin (time-series cross-validation) backtest of probabilistic forecasts, scored
/// with proper scoring rules.
///
/// **Cuts.** Every panel year c with at least 2 distinct panel years up to it (so a model has a
/// change to learn from) and at least 1 after it (so there is something to score). At each cut
/// every model is fitted on the snapshots of years ≤ c and on the events of years ≤ c, and draws
/// paths of every training district up to c + H.
///
/// **Scored.** Every observed snapshot in years c + 1 … c + H of a district present in the
/// training data, at horizon h = year − c. Scores are pooled over cuts, by model, horizon and
/// measure (`BacktestMeasure`):
/// - `rps`: each observed element rating against the share of draws at each scale level (a
///   continuous model's rating counts at its nearest level, `Framework.rating(for:)`);
/// - `coverage80`, `interval80`, `crps`: the observed district score against the draws' district
///   scores (p10–p90 band by type-7 quantiles, α = 0.2);
/// - `brier`: the observed advanced status against the share of draws advanced that year.
///
/// The observed district score and status are the framework's, from the observed snapshot
/// (a component averages the elements rated); the simulated ones use every element of the path.
public enum RollingOrigin {
    /// The cut years of `panel`, ascending.
    public static func cutYears(_ panel: Panel) -> [Int] {
        let years = panel.years
        return years.indices.filter { $0 >= 1 && $0 < years.count - 1 }.map { years[$0] }
    }

    /// Score `models` over every cut year.
    /// - Parameters:
    ///   - events: the events file, or nil; each model sees only the events of years ≤ the cut.
    ///   - horizon: H ≥ 1, the farthest year scored after each cut, in years.
    ///   - draws: paths per district (≥ 1).
    ///   - seed: every model gets the same seed at a cut (common random numbers), derived from
    ///     this seed and the cut year; the same seed gives the same scores.
    /// - Returns: rows sorted by model (in the order given), horizon, measure; a horizon that no
    ///   cut has an observed year for has no rows.
    public static func run(
        panel: Panel, events: EventTable?, models: [any ForecastModel], horizon: Int, draws: Int,
        seed: UInt64
    ) throws(RollingOriginError) -> [RollingOriginScore] {
        guard horizon >= 1 else { throw .invalidHorizon(horizon) }
        guard draws >= 1 else { throw .invalidDraws(draws) }
        guard !models.isEmpty else { throw .noModels }
        let cuts = cutYears(panel)
        guard !cuts.isEmpty else { throw .noCutYear(years: panel.years) }
        var tallies = models.map { _ in RollingOriginTally(horizon: horizon) }
        for cut in cuts {
            let (training, original) = panel.before(year: cut + 1)
            let known = events.map { EventTable(file: $0.file, events: $0.events.filter { $0.year <= cut }) }
            for (m, model) in models.enumerated() {
                let paths = try samplePaths(
                    model, training: training, events: known, cut: cut, horizon: horizon,
                    draws: draws, seed: cutSeed(seed, cut))
                for (t, samples) in paths.enumerated() {
                    score(
                        samples, observed: panel.snapshots(ofDistrict: original[t]), cut: cut,
                        framework: panel.framework,
                        into: &tallies[m])
                }
            }
        }
        return zip(models, tallies).flatMap { $1.rows(model: $0.name) }
    }

    /// The seed models get at cut year `cut`: distinct cuts draw independent paths.
    package static func cutSeed(_ seed: UInt64, _ cut: Int) -> UInt64 {
        seed ^ (UInt64(truncatingIfNeeded: cut) &* 0xD1B5_4A32_D192_ED03)
    }

    /// The model's paths at one cut, checked against the training panel and the request.
    static func samplePaths(
        _ model: any ForecastModel, training: Panel, events: EventTable?, cut: Int, horizon: Int,
        draws: Int, seed: UInt64
    ) throws(RollingOriginError) -> [PathSamples] {
        let paths: [PathSamples]
        do {
            paths = try model.paths(
                training: training, events: events, horizon: cut + horizon, draws: draws, seed: seed)
        } catch {
            throw .modelFailed(model: model.name, cut: cut, message: String(describing: error))
        }
        func malformed(_ message: String) -> RollingOriginError {
            .malformedPaths(model: model.name, cut: cut, message: message)
        }
        guard paths.count == training.districts.count else {
            throw malformed("\(paths.count) districts; expected the \(training.districts.count) of the training data")
        }
        for (t, p) in paths.enumerated() {
            let latest = training.latestSnapshot(ofDistrict: t).year
            let years = latest < cut + horizon ? Array((latest + 1)...(cut + horizon)) : []
            let name = training.districts[t].name
            guard p.district == t else {
                throw malformed("path \(t) is of district index \(p.district); expected \(t) (\(name))")
            }
            guard p.draws == draws else { throw malformed("\(name) has \(p.draws) draws; expected \(draws)") }
            guard p.elementCount == training.framework.elements.count else {
                throw malformed(
                    "\(name) has \(p.elementCount) elements a year; expected \(training.framework.elements.count)")
            }
            guard p.years == years else {
                throw malformed(
                    "\(name)'s years are \(p.years); expected \(years) (after its latest snapshot, \(latest), to \(cut + horizon))"
                )
            }
        }
        return paths
    }

    /// Score one district's paths against its observed snapshots after the cut, up to the horizon.
    static func score(
        _ samples: PathSamples, observed: ArraySlice<Snapshot>, cut: Int, framework: Framework,
        into tally: inout RollingOriginTally
    ) {
        for snapshot in observed where snapshot.year > cut && snapshot.year <= cut + tally.horizon {
            guard let yearIndex = samples.years.firstIndex(of: snapshot.year) else { continue }
            let h = snapshot.year - cut
            scoreRatings(
                samples, yearIndex: yearIndex, observed: snapshot, framework: framework, horizon: h, into: &tally)
            scoreDistrict(
                samples, yearIndex: yearIndex, observed: snapshot, framework: framework, horizon: h, into: &tally)
        }
    }
}
