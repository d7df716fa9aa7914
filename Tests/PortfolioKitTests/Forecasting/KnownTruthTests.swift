import TestSupport
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Known truth the model does not assume: an episodic panel (`EpisodicPanel`: stalls after
/// turnovers, fresh paces after them, sticky integer ratings) fitted through year T and projected
/// T+1 … T+6 with the engine's default model, as a scenario would be — background rates from the
/// events up to T, persistence chosen on the data up to T.
@Suite(.tags(.slow)) struct KnownTruthTests {
    static let cut = 2012, horizon = 6
    static let truth = EpisodicPanel.generate(
        framework: Shipped.framework, districts: 100, years: 2005...2018, seed: 11)

    struct Horizon {
        var coverage = 0.0, interval = 0.0, naiveInterval = 0.0, brier = 0.0, persistenceBrier = 0.0, n = 0
    }

    /// Per horizon: the model's 80% band and P(advanced) against the naive band (latest score ±
    /// the training panel's own 10–90% h-year changes of the district score) and persistence.
    static let scored: [Horizon] = {
        let panel = truth.panel
        let fw = panel.framework
        let (training, original) = panel.before(year: cut + 1)
        let events = EventTable(file: "", events: truth.events.filter { $0.year <= cut })
        let model = EngineForecastModel(.integerPace, leversPath: Paths.repository + "/Scenarios/levers.json")
        let paths = try! model.paths(training: training, events: events, horizon: cut + horizon, draws: 400, seed: 7)
        func score(_ ratings: [Double?]) -> Double { fw.districtScore(componentScores: fw.componentScores(ratings)) }
        var changes = [Int: [Double]]()
        for d in training.districts.indices {
            let snaps = Array(training.snapshots(ofDistrict: d))
            for a in snaps {
                for b in snaps where b.year > a.year {
                    changes[b.year - a.year, default: []].append(score(b.scores) - score(a.scores))
                }
            }
        }
        return (1...horizon).map { h in
            var out = Horizon()
            let naive = changes[h]!.sorted()
            let (n10, n90) = (ScoringRules.quantile(sorted: naive, 0.1), ScoringRules.quantile(sorted: naive, 0.9))
            for (t, d) in original.enumerated() {
                guard let snap = panel.snapshots(ofDistrict: d).first(where: { $0.year == cut + h }),
                    let yi = paths[t].years.firstIndex(of: cut + h)
                else { continue }
                let observed = score(snap.scores)
                let draws = (0..<paths[t].draws).map {
                    Array(paths[t].ratings(draw: $0, yearIndex: yi)).map { Optional($0) }
                }
                let simulated = draws.map(score).sorted()
                let (lo, hi) = (
                    ScoringRules.quantile(sorted: simulated, 0.1), ScoringRules.quantile(sorted: simulated, 0.9)
                )
                let latest = training.latestSnapshot(ofDistrict: t).scores
                out.coverage += observed >= lo && observed <= hi ? 1 : 0
                out.interval += ScoringRules.intervalScore(lower: lo, upper: hi, observed: observed)
                out.naiveInterval += ScoringRules.intervalScore(
                    lower: score(latest) + n10, upper: score(latest) + n90, observed: observed)
                let advanced = fw.isAdvanced(componentScores: fw.componentScores(snap.scores))
                let p =
                    Double(draws.filter { fw.isAdvanced(componentScores: fw.componentScores($0)) }.count)
                    / Double(draws.count)
                out.brier += ScoringRules.brier(probability: p, outcome: advanced)
                let now = fw.isAdvanced(componentScores: fw.componentScores(latest))
                out.persistenceBrier += ScoringRules.brier(probability: now ? 1 : 0, outcome: advanced)
                out.n += 1
            }
            return out
        }
    }()

    /// The district-score 80% band covers 72–88% of districts averaged over horizons and ≥ 65% at each.
    @Test func bandsCoverWhatTheyClaim() {
        let coverage = Self.scored.map { $0.coverage / Double($0.n) }
        let mean = coverage.reduce(0, +) / Double(coverage.count)
        #expect(mean >= 0.72 && mean <= 0.88, "coverage by horizon \(coverage)")
        #expect(coverage.allSatisfy { $0 >= 0.65 }, "coverage by horizon \(coverage)")
    }

    /// Its interval score, averaged over horizons, beats the naive band's.
    @Test func intervalScoreBeatsTheNaiveBand() {
        let model = Self.scored.reduce(0) { $0 + $1.interval / Double($1.n) }
        let naive = Self.scored.reduce(0) { $0 + $1.naiveInterval / Double($1.n) }
        #expect(model < naive, "model \(model / 6), naive \(naive / 6)")
    }

    /// The Brier score of P(advanced in year) beats "everyone stays as they are", at every horizon.
    @Test func brierBeatsPersistence() {
        for (h, s) in Self.scored.enumerated() {
            #expect(
                s.brier < s.persistenceBrier,
                "h = \(h + 1): \(s.brier / Double(s.n)) vs \(s.persistenceBrier / Double(s.n))")
        }
    }
}
