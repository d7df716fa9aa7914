import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Scenario comparison against hand-computed answers (no noise, known trends).
@Suite struct ScenarioComparisonTests {
    let framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))

    /// Everything at 1 in 2020; Alpha +0.25 a year (crosses 2 in 2024), Beta +0.0625 (2036),
    /// Gamma +0.125 (2028). Advanced = 2 components at 2 or more. Median component pace: 0.125.
    /// Latents start at the bottom of their cells, so a rating of 1 becomes 2 after exactly 1/pace years.
    func forecaster() -> DriftForecaster {
        var f = DriftForecaster(
            framework: framework, districts: [DistrictInfo(name: "North")], startYear: [2020],
            start: Array(repeating: 1, count: 8), drift: [0.25, 0.0625, 0.125], driftSD: [0, 0, 0],
            stepVariance: 0)
        f.cellPosition = -0.5
        return f
    }

    func run(_ plan: ScenarioPlan.DistrictPlan, name: String = "s") -> ProjectionResult {
        Projection.run(
            forecaster(), plan: ScenarioPlan(districts: [plan], horizon: 2040), draws: 4, seed: 1, scenario: name)
    }

    /// Against an unconstrained baseline (2028): a 3-year stall from 2022 gives +3 years in every
    /// draw; a +0.125 slope on everything from 2021 gives 2024, −4 years.
    @Test func pairedDifferencesByHand() throws {
        func effect(_ kind: Effect.Kind, _ size: Double, onset: Int) -> ScenarioPlan.ActiveEffect {
            let e = Effect(
                id: "e", kind: kind, targets: .all, size: .fixed(size), lag: 0, ramp: 1, duration: nil,
                stickingPoints: [], reason: "")
            return .init(
                leverID: "x", effect: e, elements: Array(0..<8), onset: onset, size: .fixed(size), randomKey: 3)
        }
        let base = run(.init(district: 0, effects: [], stickingPoints: []), name: "base")
        let stall = run(
            .init(district: 0, effects: [effect(.stall, 3, onset: 2022)], stickingPoints: []), name: "stall")
        let push = run(
            .init(district: 0, effects: [effect(.slope, 0.125, onset: 2021)], stickingPoints: []), name: "push")
        let rows = try ScenarioComparison.compare(baseline: base, alternatives: [stall, push])
        let s = rows.first { $0.scenario == "stall" }!
        let p = rows.first { $0.scenario == "push" }!
        #expect(s.yearP50 == 2031 && s.deltaYearsP50 == 3 && s.deltaYearsP10 == 3 && s.pEarlier == 0)
        #expect(p.yearP50 == 2024 && p.deltaYearsP50 == -4 && p.deltaYearsP90 == -4 && p.pEarlier == 1)
        #expect(rows.first { $0.scenario == "base" }!.deltaYearsP50 == 0)
        let csv = ComparisonReport.table(rows).text
        #expect(
            csv.hasPrefix(
                "district,scenario,year_p50,delta_years_p50,delta_years_p10,delta_years_p90,p_advanced_by_horizon,delta_p_advanced,p_earlier\n"
            ))
        #expect(csv.contains("North,push,2024,-4.0,-4.0,-4.0,1.0000,0.0000,1.0000\n"))
    }

    @Test func differentHorizonsAreRefused() {
        let a = run(.init(district: 0, effects: [], stickingPoints: []))
        var b = a
        b.horizon = 2030
        #expect(throws: ScenarioComparison.ComparisonError.self) {
            try ScenarioComparison.compare(baseline: a, alternatives: [b])
        }
    }
}
