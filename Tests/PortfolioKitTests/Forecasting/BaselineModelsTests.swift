import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct BaselineModelsTests {
    /// Two districts rising one level a year, 2010–2011, on the 0–3 scale.
    static let rising = HandPanel.make([
        ("D1", 2010, HandPanel.flat(0)), ("D1", 2011, HandPanel.flat(1)),
        ("D2", 2010, HandPanel.flat(1)), ("D2", 2011, HandPanel.flat(2)),
    ])

    /// The only observed change is +1 a year, so last-value's band is exact: one year on +1,
    /// beyond the one-year training span the sum of resampled 1-year changes, clamped at the top level.
    @Test func lastValueChainsOneYearChangesBeyondTheTrainingSpan() throws {
        let paths = try LastValueModel().paths(training: Self.rising, events: nil, horizon: 2014, draws: 10, seed: 1)
        #expect(paths.map(\.years) == [[2012, 2013, 2014], [2012, 2013, 2014]])
        for draw in 0..<10 {
            for e in 0..<8 {
                #expect([0, 1, 2].map { paths[0].rating(draw: draw, yearIndex: $0, element: e) } == [2, 3, 3])
                #expect([0, 1, 2].map { paths[1].rating(draw: draw, yearIndex: $0, element: e) } == [3, 3, 3])
            }
        }
    }

    /// The network's mean yearly change is +1 in every component; last-plus-mean-change adds it
    /// to the band's +1 a year.
    @Test func lastPlusMeanChangeAddsTheComponentMeanChange() throws {
        #expect(LastPlusMeanChangeModel.meanYearlyChange(Self.rising) == [1, 1, 1])
        let paths = try LastPlusMeanChangeModel().paths(
            training: Self.rising, events: nil, horizon: 2012, draws: 5, seed: 1)
        #expect(paths[0].ratings.allSatisfy { $0 == 3 })  // 1 + 1 + 1
        // Counted over years elapsed: a two-year gap with +1 is half a point a year.
        let gap = HandPanel.make([("D1", 2010, HandPanel.flat(0)), ("D1", 2012, HandPanel.flat(1))])
        #expect(LastPlusMeanChangeModel.meanYearlyChange(gap) == [0.5, 0.5, 0.5])
    }

    /// One source district a draw: D1 rose one level on every element, D2 on none, so within a
    /// draw every element of a district moves by the same step, and both steps occur.
    @Test func lastValueKeepsDistrictsCoherent() throws {
        let panel = HandPanel.make([
            ("D1", 2010, HandPanel.flat(0)), ("D1", 2011, HandPanel.flat(1)),
            ("D2", 2010, HandPanel.flat(2)), ("D2", 2011, HandPanel.flat(2)),
        ])
        let p = try LastValueModel().paths(training: panel, events: nil, horizon: 2012, draws: 200, seed: 3)[0]
        var steps = Set<Double>()
        for draw in 0..<p.draws {
            let moved = Set(p.ratings(draw: draw, yearIndex: 0).map { $0 - 1 })
            #expect(moved.count == 1)
            steps.formUnion(moved)
        }
        #expect(steps == [0, 1])
    }

    /// Ratings stay levels of the scale (but for `pooled-drift`, the continuous walk kept for
    /// comparison), and a district whose latest snapshot is the horizon has no years.
    @Test func pathsStayOnTheScale() throws {
        let panel = HandPanel.randomWalk(districts: 5, years: 2010...2013, seed: 6)
        let levels = Set(HandPanel.framework.levels.map { Double($0.value) })
        let (lo, hi) = (levels.min()!, levels.max()!)
        for model in RollingOrigin.knownModels {
            let paths = try model.paths(training: panel, events: nil, horizon: 2016, draws: 40, seed: 2)
            let onScale: (Double) -> Bool = model.name == "pooled-drift" ? { $0 >= lo && $0 <= hi } : levels.contains
            #expect(
                paths.allSatisfy { $0.years == [2014, 2015, 2016] && $0.ratings.allSatisfy(onScale) }, "\(model.name)")
            let none = try model.paths(training: panel, events: nil, horizon: 2013, draws: 4, seed: 2)
            #expect(none.allSatisfy { $0.years.isEmpty && $0.ratings.isEmpty }, "\(model.name)")
        }
    }

    /// The registry: known names in the order given, each once; unknown ones named with the known list.
    @Test func modelsByName() throws {
        #expect(
            RollingOrigin.knownModelNames == [
                "integer-pace", "pooled-drift", "last-value", "last-plus-mean-change", "markov",
            ])
        #expect(
            try RollingOrigin.models(named: ["markov", "last-value", "markov"]).map(\.name) == ["markov", "last-value"])
        #expect(throws: RollingOriginError.unknownModels(["nope"], known: RollingOrigin.knownModelNames)) {
            try RollingOrigin.models(named: ["last-value", "nope"])
        }
        let message = RollingOriginError.unknownModels(["nope"], known: RollingOrigin.knownModelNames).description
        #expect(
            message.contains("\"nope\"")
                && message.contains(
                    "known models: integer-pace, pooled-drift, last-value, last-plus-mean-change, markov")
        )
    }
}
