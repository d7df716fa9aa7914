import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The rolling-origin backtest on the shipped panel (2013–2016: cuts 2014 and 2015).
@Suite struct BacktestTests {
    static let scores: [RollingOriginScore] = try! RollingOrigin.run(
        panel: Shipped.loaded.panel, events: nil, models: RollingOrigin.knownModels, horizon: 3, draws: 100, seed: 1)

    @Test func cutsAreTheYearsWithTwoBeforeAndOneAfter() {
        #expect(RollingOrigin.cutYears(Shipped.loaded.panel) == [2014, 2015])
    }

    /// n counted independently: every district-year observed 1 or 2 years after a cut, of a
    /// district with a snapshot up to the cut (no year is observed 3 years after one).
    @Test func everyObservedDistrictYearIsScoredOnce() {
        let panel = Shipped.loaded.panel
        var districtYears = [0, 0, 0]
        var ratings = [0, 0, 0]
        for cut in [2014, 2015] {
            for d in panel.districts.indices where panel.snapshots(ofDistrict: d).contains(where: { $0.year <= cut }) {
                for s in panel.snapshots(ofDistrict: d) where s.year > cut && s.year <= cut + 3 {
                    districtYears[s.year - cut - 1] += 1
                    ratings[s.year - cut - 1] += s.scores.compactMap { $0 }.count
                }
            }
        }
        #expect(districtYears[2] == 0)
        for model in RollingOrigin.knownModelNames {
            for h in 1...2 {
                let rows = Self.scores.filter { $0.model == model && $0.horizon == h }
                #expect(rows.map(\.measure) == BacktestMeasure.allCases)
                for r in rows {
                    #expect(
                        r.n == (r.measure == .rps ? ratings[h - 1] : districtYears[h - 1]), "\(model) \(h) \(r.measure)"
                    )
                }
            }
            #expect(!Self.scores.contains { $0.model == model && $0.horizon == 3 })
        }
    }

    /// Every score lies in its range, and each baseline's element forecasts beat a uniform guess
    /// over the levels scored on the same observed ratings (horizon 1: the years after each cut).
    @Test func scoresAreInRangeAndBeatAUniformGuess() {
        let panel = Shipped.loaded.panel
        let fw = panel.framework
        let uniform = [Double](repeating: 1 / Double(fw.levels.count), count: fw.levels.count)
        var sum = 0.0
        var n = 0
        for cut in [2014, 2015] {
            for d in panel.districts.indices where panel.snapshots(ofDistrict: d).contains(where: { $0.year <= cut }) {
                for s in panel.snapshots(ofDistrict: d) where s.year == cut + 1 {
                    for v in s.scores.compactMap({ $0 }) {
                        sum += ScoringRules.rankedProbabilityScore(
                            probabilities: uniform, observed: fw.levelIndex(for: v))
                        n += 1
                    }
                }
            }
        }
        for s in Self.scores {
            #expect(s.score.isFinite && s.score >= 0)
            if s.measure == .coverage80 || s.measure == .brier { #expect(s.score <= 1) }
            if s.measure == .rps && s.horizon == 1 { #expect(s.score < sum / Double(n), "\(s.model) rps \(s.score)") }
        }
    }

    /// Forecasts get worse with the horizon: every baseline's RPS and CRPS grow from 1 to 2 years.
    @Test func errorsGrowWithTheHorizon() {
        for model in RollingOrigin.knownModelNames {
            for measure in [BacktestMeasure.rps, .crps] {
                let h1 = Self.scores.first { $0.model == model && $0.horizon == 1 && $0.measure == measure }!
                let h2 = Self.scores.first { $0.model == model && $0.horizon == 2 && $0.measure == measure }!
                #expect(h2.score > h1.score, "\(model) \(measure)")
            }
        }
    }

    /// The CSV has the documented header and six decimals.
    @Test func csvHasTheDocumentedColumns() {
        let text = BacktestReport.table(Self.scores).text
        let lines = text.split(separator: "\n")
        #expect(lines.first == "model,horizon,measure,score,n")
        #expect(lines.count == 1 + RollingOrigin.knownModels.count * 2 * 5)
        #expect(
            lines[1].hasPrefix("integer-pace,1,brier,0.")
                && lines[1].split(separator: ",")[3].split(separator: ".")[1].count == 6)
        let svg = CoverageChart.svg(Self.scores, caveat: nil)
        #expect(svg.contains("stroke-dasharray") && svg.contains("markov") && svg.hasPrefix("<svg"))
    }
}
