import Testing
@testable import PortfolioKit

@Suite struct BacktestTests {
    /// Nominal 80% prediction intervals for a held-out year cover 75–85% of outcomes
    /// (200 districts × 36 elements = 7,200 series, exact model values, hold-out 2013 of 2010–2013).
    @Test func intervalsCoverEightyPercent() throws {
        let synthetic = SyntheticPanel.generate(framework: Shipped.framework, districts: 200, years: 2010...2013,
                                                seed: 21, rounded: false)
        let scores = try Backtest.run(synthetic.panel, holdoutYear: 2013)
        for name in ["pooled-drift", "pooled-line"] {
            let s = scores.first { $0.model == name }!
            #expect(s.n == 7200)
            #expect(s.coverage80 >= 0.75 && s.coverage80 <= 0.85, "\(name) coverage \(s.coverage80)")
        }
    }

    /// last-value's scores recomputed by hand from the raw ratings of the shipped panel.
    @Test func lastValueScoresMatchAHandCount() throws {
        let panel = Shipped.loaded.panel
        let scores = try Backtest.run(panel, holdoutYear: 2016)
        let last = scores.first { $0.model == "last-value" }!
        var n = 0, unchanged = 0, absolute = 0.0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            guard snaps.count >= 2, snaps.last!.year == 2016 else { continue }
            let before = snaps[snaps.count - 2]
            for e in panel.framework.elements.indices {
                let y = snaps.last!.scores[e]!, x = before.scores[e]!
                n += 1; absolute += abs(y - x); if x == y { unchanged += 1 }
            }
        }
        #expect(last.n == n)
        #expect(abs(last.mae - absolute / Double(n)) < 1e-12)
        #expect(abs(last.exactMatchRate - Double(unchanged) / Double(n)) < 1e-12)
    }

    /// On the shipped panel the engine's forecast beats carrying the last value forward on RMSE
    /// (it cannot on MAE: most ratings do not change, see the README).
    @Test func engineBeatsLastValueOnRMSE() throws {
        let scores = try Backtest.run(Shipped.loaded.panel, holdoutYear: 2016)
        let model = scores.first { $0.model == "pooled-drift" }!, last = scores.first { $0.model == "last-value" }!
        #expect(scores.first?.model == "pooled-drift")
        #expect(model.rmse < last.rmse)
        #expect(model.exactMatchRate >= last.exactMatchRate)
    }

    @Test func holdoutWithNothingBeforeItIsAnError() {
        #expect(throws: Backtest.BacktestError.self) { try Backtest.run(Shipped.loaded.panel, holdoutYear: 2013) }
    }
}
