import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Background events: their rates from the events file, the scenario key, and known future events.
@Suite struct BackgroundEventTests {
    /// Garwood's exact Poisson interval against scipy's χ² quantiles (chi2.ppf(0.025, 2k)/2 and
    /// chi2.ppf(0.975, 2k + 2)/2), to 1e-6.
    @Test(arguments: [
        (0, 0.0, 3.6888794541139354), (2, 0.24220927854396496, 7.22468766772396),
        (3, 0.6186721228956014, 8.767273069742323), (30, 20.240874021420915, 42.82686539480766),
        (34, 23.54598838457227, 47.511592095203085),
    ])
    func poissonIntervalMatchesChiSquare(_ k: Int, _ lower: Double, _ upper: Double) {
        let (lo, hi) = EventRate.poissonInterval(count: k, level: 0.95)
        #expect(
            lo.isApproximatelyEqual(to: lower, absoluteTolerance: 1e-6)
                && hi.isApproximatelyEqual(to: upper, absoluteTolerance: 1e-6), "\(k): \(lo)–\(hi)")
    }

    /// The shipped events file: 34 turnovers among the 25 districts over 2008–2019.
    @Test func shippedTurnoverRate() throws {
        let table = try EventTable.load(path: Paths.shipped("events.csv"))
        let names = Shipped.loaded.panel.districts.map(\.name)
        let rates = try #require(EventRate.estimate(table, districts: names, levers: BackgroundEvent.defaultLevers))
        let turnover = try #require(rates.first { $0.leverID == "leadership-turnover" })
        #expect(
            turnover.events == 34 && turnover.exposure == 300 && turnover.firstYear == 2008 && turnover.lastYear == 2019
        )
        #expect(turnover.rate.isApproximatelyEqual(to: 34.0 / 300, absoluteTolerance: 1e-12))
    }

    func scenario(_ extra: String) throws -> ScenarioRun { try shippedScenario(#""draws": 50"# + extra) }

    /// The events file beside the data is found by default; background is on with its rates,
    /// and the events dated after a district's latest snapshot apply (Oakland's 2017 turnovers).
    @Test func eventsBesideTheDataApplyByDefault() throws {
        let run = try scenario("")
        #expect(run.scenario.events == Paths.shipped("events.csv"))
        #expect(run.plan.background.map(\.leverID) == BackgroundEvent.defaultLevers)
        #expect(
            run.plan.knownEvents.contains {
                $0.district == "Oakland" && $0.year == 2017 && $0.lever == "leadership-turnover"
            })
        for event in run.plan.knownEvents {
            let d = run.panel.districtIndex(named: event.district)!
            #expect(event.year > run.panel.latestSnapshot(ofDistrict: d).year && event.year <= 2026)
        }
        let oakland = run.plan.districts.first { run.panel.districts[$0.district].name == "Oakland" }!
        #expect(oakland.effects.contains { $0.effect.kind == .stall && $0.onset == 2017 })
    }

    @Test func backgroundOffAndOverrides() throws {
        #expect(try scenario(#", "background": "off""#).plan.background.isEmpty)
        let run = try scenario(#", "background": {"leadership-turnover": 0.25}"#)
        let turnover = try #require(run.plan.background.first { $0.leverID == "leadership-turnover" })
        #expect(turnover.rate == 0.25 && turnover.source == .overridden)
        #expect(run.plan.background.count == 3)
    }

    @Test func unknownBackgroundKeysAreLocatedErrors() throws {
        let error = diagnostic { () throws(Diagnostic) in
            _ = try BackgroundSetting.decode(
                try JSONParser.parse(Array(#"{"leadership-turnovr": 0.1}"#.utf8), file: "s.json"),
                file: "s.json", path: "background")
        }
        #expect(error?.description.contains("leadership-turnovr") == true)
        #expect(error?.description.contains("s.json:1") == true)
        let word = diagnostic { () throws(Diagnostic) in
            _ = try BackgroundSetting.decode(
                try JSONParser.parse(Array(#""sometimes""#.utf8), file: "s.json"),
                file: "s.json", path: "background")
        }
        #expect(word?.description.contains("expected \"on\", \"off\"") == true)
    }

    /// More turnovers (a higher rate) never raise any district's P(advanced) in any year.
    @Test func aHigherTurnoverRateNeverRaisesTheChance() throws {
        let low = try scenario(#", "background": {"leadership-turnover": 0.05}"#).project(
            draws: 200, trajectories: .none)
        let high = try scenario(#", "background": {"leadership-turnover": 0.3}"#).project(
            draws: 200, trajectories: .none)
        var lower = 0
        for (a, b) in zip(low.districts, high.districts) {
            for (pa, pb) in zip(a.pAdvanced, b.pAdvanced) { if pb < pa { lower += 1 } }
        }
        #expect(lower > 0)
    }
}
