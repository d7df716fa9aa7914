import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Hand-made panels on the tiny made-up framework (3 components, 8 elements, levels 0–3), so
/// nothing here leans on CRPE's 7 components, 36 elements or 1–5 scale.
enum HandPanel {
    static let framework: Framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))

    /// A panel from `(district, year, the 8 element ratings)`; nil is an unrated element.
    static func make(_ rows: [(String, Int, [Double?])]) -> Panel {
        var names: [String] = []
        for r in rows where !names.contains(r.0) { names.append(r.0) }
        return Panel(
            framework: framework, districts: names.map { DistrictInfo(name: $0) },
            snapshots: rows.map { Snapshot(districtIndex: names.firstIndex(of: $0.0)!, year: $0.1, scores: $0.2) })
    }

    /// Every element at `value`.
    static func flat(_ value: Double) -> [Double?] { Array(repeating: value, count: framework.elements.count) }

    /// `districts` districts rated every year of `years`, each element a random walk on the scale
    /// (a step of −1, 0 or +1 with probabilities 0.1, 0.7, 0.2).
    static func randomWalk(districts: Int, years: ClosedRange<Int>, seed: UInt64) -> Panel {
        var rng = SeededGenerator(seed: seed)
        var rows: [(String, Int, [Double?])] = []
        for d in 0..<districts {
            var ratings = framework.elements.map { _ in Double(Int(rng.uniform() * 3)) }
            for year in years {
                rows.append(("D\(d + 1)", year, ratings.map { $0 }))
                ratings = ratings.map { r in
                    let u = rng.uniform()
                    return min(3, max(0, r + (u < 0.1 ? -1 : u < 0.8 ? 0 : 1)))
                }
            }
        }
        return make(rows)
    }
}

/// Knows the future: every draw of every year is the district's observed snapshot that year in
/// the full panel (the latest earlier one in a year it was not rated).
struct OracleModel: ForecastModel {
    let name = "oracle"
    let full: Panel

    func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws -> [PathSamples] {
        training.districts.indices.map { t in
            let d = full.districtIndex(named: training.districts[t].name)!
            let latest = training.latestSnapshot(ofDistrict: t)
            let years = latest.year < horizon ? Array((latest.year + 1)...horizon) : []
            var last = latest.scores.map { $0 ?? 0 }
            var perYear: [Double] = []
            for year in years {
                if let s = full.snapshots(ofDistrict: d).first(where: { $0.year == year }) {
                    last = s.scores.map { $0 ?? 0 }
                }
                perYear += last
            }
            return PathSamples(
                district: t, years: years, draws: draws, elementCount: last.count,
                ratings: (0..<draws).flatMap { _ in perYear })
        }
    }
}

/// Fails when it is shown data or events after the cut (the cut is `horizon − lookahead`).
struct LeakCheckModel: ForecastModel {
    struct Leak: Error {}
    let name = "leak-check"
    let lookahead: Int

    func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws -> [PathSamples] {
        let cut = horizon - lookahead
        guard training.years.last == cut, (events?.events ?? []).allSatisfy({ $0.year <= cut }) else { throw Leak() }
        return try LastValueModel().paths(
            training: training, events: events, horizon: horizon, draws: draws, seed: seed)
    }
}

@Suite struct RollingOriginTests {
    /// Cuts need 2 panel years up to them and 1 after: of 2010, 2011, 2013, 2014 that is 2011 and 2013.
    @Test func cutYearsAreChosenCorrectly() {
        let panel = HandPanel.make([
            ("D1", 2010, HandPanel.flat(0)), ("D1", 2011, HandPanel.flat(1)), ("D1", 2013, HandPanel.flat(1)),
            ("D2", 2011, HandPanel.flat(2)), ("D2", 2014, HandPanel.flat(2)),
        ])
        #expect(RollingOrigin.cutYears(panel) == [2011, 2013])
        let twoYears = HandPanel.make([("D1", 2010, HandPanel.flat(0)), ("D1", 2011, HandPanel.flat(1))])
        #expect(RollingOrigin.cutYears(twoYears).isEmpty)
        #expect(throws: RollingOriginError.noCutYear(years: [2010, 2011])) {
            try RollingOrigin.run(
                panel: twoYears, events: nil, models: [LastValueModel()], horizon: 1, draws: 10, seed: 1)
        }
    }

    /// Two districts, 2010–2013 (cuts 2011 and 2012), one becoming advanced: a model that always
    /// draws the truth scores rps 0, coverage 1, interval width 0, CRPS 0 and Brier 0 at every horizon.
    @Test func aModelThatKnowsTheTruthScoresPerfectly() throws {
        let panel = HandPanel.make([
            ("D1", 2010, [0, 0, 1, 1, 0, 1, 1, 0]), ("D1", 2011, [1, 0, 1, 1, 1, 1, 1, 1]),
            ("D1", 2012, [2, 1, 2, 2, 1, 1, 2, 2]), ("D1", 2013, [2, 2, 3, 2, 2, 2, 2, 3]),
            ("D2", 2010, [3, 2, 2, 0, 0, 1, 0, 0]), ("D2", 2011, [3, 2, 2, 1, 0, 1, 0, 0]),
            ("D2", 2012, [3, 2, 1, nil, 0, 1, 1, 0]), ("D2", 2013, [3, 3, 2, 1, 1, 1, 1, 1]),
        ])
        let scores = try RollingOrigin.run(
            panel: panel, events: nil, models: [OracleModel(full: panel)], horizon: 2, draws: 20, seed: 5)
        #expect(scores.count == 2 * BacktestMeasure.allCases.count)
        for s in scores {
            let expected = s.measure == .coverage80 ? 1.0 : 0.0
            // CRPS's spread term sums ± multiples of one value: 0 up to rounding.
            #expect(
                s.score.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12),
                "\(s.measure) at horizon \(s.horizon): \(s.score)")
        }
        // Horizon 1: 2012 and 2013 after cuts 2011 and 2012, two districts each; horizon 2: 2013 after 2011.
        let n = Dictionary(uniqueKeysWithValues: scores.map { ("\($0.horizon) \($0.measure)", $0.n) })
        #expect(n["1 brier"] == 4 && n["2 brier"] == 2)
        #expect(n["1 rps"] == 4 * 8 - 1 && n["2 rps"] == 2 * 8)  // D2's 2012 b1 is unrated
    }

    /// Rows come sorted by model (in the order given), horizon, measure.
    @Test func rowsAreSortedByModelHorizonMeasure() throws {
        let panel = HandPanel.randomWalk(districts: 6, years: 2010...2014, seed: 2)
        let models: [any ForecastModel] = [MarkovModel(), LastValueModel()]
        let scores = try RollingOrigin.run(panel: panel, events: nil, models: models, horizon: 3, draws: 30, seed: 1)
        let keys = scores.map { (["markov", "last-value"].firstIndex(of: $0.model)!, $0.horizon, $0.measure) }
        #expect(keys.count == 2 * 3 * 5)
        #expect(
            zip(keys, keys.dropFirst()).allSatisfy { a, b in
                (a.0, a.1) < (b.0, b.1) || ((a.0, a.1) == (b.0, b.1) && a.2 < b.2)
            })
    }

    /// Models see only the snapshots and events up to the cut.
    @Test func modelsSeeNothingAfterTheCut() throws {
        let panel = HandPanel.randomWalk(districts: 3, years: 2010...2014, seed: 4)
        let location = SourceLocation(file: "events.csv")
        let events = EventTable(
            file: "events.csv",
            events: (2010...2014).map {
                EventTable.Event(district: "D1", year: $0, lever: "state-legislation", note: "", location: location)
            })
        let scores = try RollingOrigin.run(
            panel: panel, events: events, models: [LeakCheckModel(lookahead: 2)], horizon: 2, draws: 10, seed: 1)
        #expect(!scores.isEmpty)
    }

    /// Component A's transitions counted by hand: D1 0→1, 0→0, 0→0 and D2 2→2, 2→3, 3→3 between
    /// 2010 and 2011; the 2011→2013 pair (two years apart) and an unrated element are not counted.
    @Test func markovMatrixEqualsTheHandCount() {
        let panel = HandPanel.make([
            ("D1", 2010, [0, 0, 0, 0, 0, 0, 0, 0]), ("D1", 2011, [1, 0, 0, 1, 1, 0, 0, 0]),
            ("D1", 2013, HandPanel.flat(3)),
            ("D2", 2010, [2, 2, 3, 1, 1, 2, 2, 2]), ("D2", 2011, [2, 3, 3, 1, 2, 2, nil, 1]),
        ])
        let counts = MarkovModel.transitionCounts(panel)
        #expect(counts[0] == [[2, 1, 0, 0], [0, 0, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]])
        #expect(counts[1] == [[0, 2, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
        #expect(counts[2] == [[3, 0, 0, 0], [0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]])
        // Add ½ to each cell: row 0 of A is (2.5, 1.5, 0.5, 0.5)/5; an empty row is uniform.
        let matrices = MarkovModel.transitionMatrices(panel)
        for (got, want) in zip(matrices[0][0], [0.5, 0.3, 0.1, 0.1]) {
            #expect(got.isApproximatelyEqual(to: want, absoluteTolerance: 1e-12))
        }
        #expect(matrices[0][1] == [0.25, 0.25, 0.25, 0.25])
    }

    /// Same seed, same scores and paths; another seed, other paths.
    @Test func determinismBySeed() throws {
        let panel = HandPanel.randomWalk(districts: 8, years: 2010...2014, seed: 9)
        let models: [any ForecastModel] = [LastValueModel(), LastPlusMeanChangeModel(), MarkovModel()]
        let a = try RollingOrigin.run(panel: panel, events: nil, models: models, horizon: 2, draws: 50, seed: 7)
        let b = try RollingOrigin.run(panel: panel, events: nil, models: models, horizon: 2, draws: 50, seed: 7)
        let c = try RollingOrigin.run(panel: panel, events: nil, models: models, horizon: 2, draws: 50, seed: 8)
        #expect(a == b)
        #expect(a != c)
        for model in models {
            let p = try model.paths(training: panel, events: nil, horizon: 2017, draws: 20, seed: 3).map(\.ratings)
            let q = try model.paths(training: panel, events: nil, horizon: 2017, draws: 20, seed: 3).map(\.ratings)
            let r = try model.paths(training: panel, events: nil, horizon: 2017, draws: 20, seed: 4).map(\.ratings)
            #expect(p == q, "\(model.name)")
            #expect(p != r, "\(model.name)")
        }
    }
}
