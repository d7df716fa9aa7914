import RatingsData

/// The scores of one district-year of paths against its observed snapshot.
extension RollingOrigin {
    /// `rps` of every element rated in the observed snapshot: level probabilities are the shares
    /// of draws at each level (each simulated rating counted at its nearest level).
    static func scoreRatings(
        _ samples: PathSamples, yearIndex: Int, observed: Snapshot, framework fw: Framework,
        horizon h: Int, into tally: inout RollingOriginTally
    ) {
        let values = fw.levelValues
        var counts = [Int](repeating: 0, count: values.count)
        for (e, value) in observed.scores.enumerated() {
            guard let value else { continue }
            for k in counts.indices { counts[k] = 0 }
            for draw in 0..<samples.draws {
                counts[
                    Framework.nearestIndex(samples.rating(draw: draw, yearIndex: yearIndex, element: e), in: values)] +=
                    1
            }
            let probabilities = counts.map { Double($0) / Double(samples.draws) }
            let rps = ScoringRules.rankedProbabilityScore(
                probabilities: probabilities, observed: fw.levelIndex(for: value))
            tally.add(rps, horizon: h, measure: .rps)
        }
    }

    /// `coverage80`, `interval80` and `crps` of the observed district score, and `brier` of the
    /// observed advanced status, against the draws' district scores and advanced statuses.
    static func scoreDistrict(
        _ samples: PathSamples, yearIndex: Int, observed: Snapshot, framework fw: Framework,
        horizon h: Int, into tally: inout RollingOriginTally
    ) {
        var scores: [Double] = []
        scores.reserveCapacity(samples.draws)
        var advanced = 0
        for draw in 0..<samples.draws {
            let components = samples.componentScores(draw: draw, yearIndex: yearIndex, framework: fw)
            scores.append(fw.districtScore(componentScores: components))
            if fw.isAdvanced(componentScores: components) { advanced += 1 }
        }
        scores.sort()
        let observedComponents = fw.componentScores(observed.scores)
        let y = fw.districtScore(componentScores: observedComponents)
        let lower = ScoringRules.quantile(sorted: scores, ScoringRules.alpha80 / 2)
        let upper = ScoringRules.quantile(sorted: scores, 1 - ScoringRules.alpha80 / 2)
        tally.add(y >= lower && y <= upper ? 1 : 0, horizon: h, measure: .coverage80)
        tally.add(ScoringRules.intervalScore(lower: lower, upper: upper, observed: y), horizon: h, measure: .interval80)
        tally.add(ScoringRules.crps(sortedSamples: scores, observed: y), horizon: h, measure: .crps)
        let p = Double(advanced) / Double(samples.draws)
        tally.add(
            ScoringRules.brier(probability: p, outcome: fw.isAdvanced(componentScores: observedComponents)),
            horizon: h, measure: .brier)
    }
}
