import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Projection against hand-computed answers: no noise, known linear trends.
@Suite struct ProjectionTests {
    let framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))

    /// One district, every element at 1 in 2020; Alpha rises 0.25 a year, Beta 0.125, Gamma not at all;
    /// no parameter uncertainty or pace changes, and every latent starts at the bottom of its
    /// rating's cell, so a rating of 1 becomes 2 after exactly 1/pace years. In progress at 2,
    /// advanced with 2 components in progress.
    func forecaster() -> DriftForecaster {
        var f = DriftForecaster(
            framework: framework, districts: [DistrictInfo(name: "North")], startYear: [2020],
            start: Array(repeating: 1, count: 8), drift: [0.25, 0.125, 0], driftSD: [0, 0, 0], stepVariance: 0)
        f.cellPosition = -0.5
        return f
    }

    func effect(_ kind: Effect.Kind, size: Double, onset: Int, duration: Int? = nil) -> ScenarioPlan.ActiveEffect {
        let e = Effect(
            id: "e", kind: kind, targets: .all, size: .fixed(size), lag: 0, ramp: 1, duration: duration,
            stickingPoints: [], reason: "")
        return .init(leverID: "test", effect: e, elements: Array(0..<8), onset: onset, size: .fixed(size), randomKey: 1)
    }

    func run(_ effects: [ScenarioPlan.ActiveEffect], points: [StickingPoint] = [], draws: Int = 3) -> DistrictProjection
    {
        let plan = ScenarioPlan(
            districts: [.init(district: 0, effects: effects, stickingPoints: points)], horizon: 2040)
        return Projection.run(forecaster(), plan: plan, draws: draws, seed: 1, scenario: "t").districts[0]
    }

    /// Alpha crosses 2 after (2 − 1)/0.25 = 4 years, Beta after 1/0.125 = 8: advanced in 2028, in every draw.
    @Test func advancedYearIsTheHandComputedCrossing() {
        let p = run([])
        #expect(p.advancedYear == [2028, 2028, 2028])
        #expect(p.advancedYearQuantile(0.5) == 2028)
        #expect(p.pAdvancedByHorizon == 1)
        // District score in 2024: Alpha's ratings are 2, Beta's still 1 (latent 1.0), Gamma's 1: (2 + 1 + 1)/3.
        let s = p.summaries[p.years.firstIndex(of: 2024)!][3]
        #expect(
            s.p50.isApproximatelyEqual(to: 4 / 3, absoluteTolerance: 1e-12)
                && s.p10.isApproximatelyEqual(to: s.p90, absoluteTolerance: 1e-12))
        #expect(
            p.pAdvanced[p.years.firstIndex(of: 2027)! + 1] == 0 && p.pAdvanced[p.years.firstIndex(of: 2028)! + 1] == 1)
    }

    @Test(arguments: [1, 2, 3, 5])
    func stallOfNYearsDelaysByExactlyN(_ n: Int) {
        let p = run([effect(.stall, size: Double(n), onset: 2022)])
        #expect(p.advancedYear.allSatisfy { $0 == 2028 + n })
    }

    /// A lever whose effects are all zero changes nothing.
    @Test func zeroEffectsChangeNothing() {
        let base = run([], draws: 5)
        let zero = run([effect(.level, size: 0, onset: 2022), effect(.slope, size: 0, onset: 2021)], draws: 5)
        #expect(base.advancedYear == zero.advancedYear)
        #expect(base.summaries == zero.summaries)
    }

    /// A slope effect of +0.125 on everything from 2021 makes Beta cross after 4 years, Alpha after 4 → 2024.
    @Test func slopeEffectMovesTheCrossing() {
        let p = run([effect(.slope, size: 0.125, onset: 2021)])
        // Alpha: 1 + 4 × 0.375 ≥ 2 in 2023 (after 3 years: 2.125); Beta: 1 + 0.25 t ≥ 2 at t = 4 → 2024.
        #expect(p.advancedYear.allSatisfy { $0 == 2024 })
    }

    /// A ceiling at 1.5 on every element holds the district below the in-progress threshold until lifted;
    /// progress is held at the capped level (latent 1.0) and resumes from there.
    @Test func ceilingHoldsUntilLifted() {
        let point = StickingPoint(
            id: "cap", description: "", targets: .all, maximum: 1.5, governance: [], districts: ["North"],
            exceptDistricts: [], liftedBy: [])
        #expect(run([], points: [point]).advancedYear.allSatisfy { $0 == nil })
        var lift = effect(.liftCeiling, size: 0, onset: 2030)
        lift.effect.stickingPoints = ["cap"]
        // Latent held at 1.0 through 2029; from 2030 Alpha +0.25 a year (1.5 in 2031), Beta +0.125 (1.5 in 2033).
        #expect(run([lift], points: [point]).advancedYear.allSatisfy { $0 == 2033 })
    }
}

/// Runs of the shipped scenarios through the library.
@Suite struct ScenarioRunTests {
    func prepared(_ name: String) throws -> ScenarioRun {
        try ScenarioRun.prepare(Paths.repository + "/Scenarios/\(name).json")
    }

    /// Common random numbers: a lever with zero-sized effects gives exactly the baseline's numbers,
    /// draw by draw, even with parameter and year-to-year noise.
    @Test func zeroSizedLeverLeavesEveryDrawUnchanged() throws {
        var base = try prepared("baseline")
        base.scenario.districts = ["Oakland", "Chicago"]
        base.plan.districts = base.plan.districts.filter {
            ["Oakland", "Chicago"].contains(base.panel.districts[$0.district].name)
        }
        var alt = base
        let zero = Effect(
            id: "z", kind: .level, targets: .all, size: .normal(mean: 0, sd: 0), lag: 0, ramp: 2, duration: nil,
            stickingPoints: [], reason: "")
        alt.plan.districts[0].effects = [
            .init(
                leverID: "zero", effect: zero, elements: Array(0..<36), onset: 2018,
                size: zero.size, randomKey: 7)
        ]
        let a = base.project(draws: 200)
        let b = alt.project(draws: 200)
        #expect(a.districts.map(\.advancedYear) == b.districts.map(\.advancedYear))
        #expect(a.districts.map(\.summaries) == b.districts.map(\.summaries))
    }

    /// Draws run four at a time in SIMD lanes and districts run in parallel; neither may show:
    /// draw r is the same whatever the number of draws around it, and one thread equals two.
    @Test func drawsDoNotDependOnGroupingOrThreads() throws {
        let run = try prepared("combined-package")
        let five = run.project(draws: 5, threads: 1)
        let nine = run.project(draws: 9, threads: 2)
        for (a, b) in zip(five.districts, nine.districts) {
            #expect(a.advancedYear == Array(b.advancedYear.prefix(5)), "\(a.district.name)")
        }
        let one = run.project(draws: 64, threads: 1)
        let two = run.project(draws: 64, threads: 2)
        #expect(one.districts.map(\.advancedYear) == two.districts.map(\.advancedYear))
        #expect(one.districts.map(\.summaries) == two.districts.map(\.summaries))
        #expect(one.districts.map(\.decisiveShare) == two.districts.map(\.decisiveShare))
    }

    /// Only the kept trajectory percentiles are computed; advanced years do not depend on which.
    @Test func trajectoryChoiceKeepsAdvancedYears() throws {
        let run = try prepared("baseline")
        let all = run.project(draws: 40)
        let district = run.project(draws: 40, trajectories: .district)
        let none = run.project(draws: 40, trajectories: .none)
        #expect(
            all.measures.count == run.panel.framework.components.count + 1 && district.measures == ["district"]
                && none.measures.isEmpty)
        #expect(all.districts.map(\.advancedYear) == none.districts.map(\.advancedYear))
        #expect(
            all.districts.map { $0.summaries.map { $0.last! } }
                == district.districts.map { $0.summaries.map { $0.last! } })
    }

    /// A contract change in Oakland never makes it advanced later than the baseline, draw by draw.
    @Test func contractChangeIsPairedWithTheBaseline() throws {
        let base = try prepared("baseline").project(draws: 200)
        let alt = try prepared("oakland-contract").project(draws: 200)
        let b = base.districts.first { $0.district.name == "Oakland" }!
        let o = alt.districts.first { $0.district.name == "Oakland" }!
        for (x, y) in zip(b.advancedYear, o.advancedYear) {
            #expect((y ?? Int.max) <= (x ?? Int.max))
        }
        // Other districts are untouched.
        let bc = base.districts.first { $0.district.name == "Chicago" }!
        let oc = alt.districts.first { $0.district.name == "Chicago" }!
        #expect(bc.advancedYear == oc.advancedYear)
    }

    @Test func everyExampleScenarioResolves() throws {
        for name in [
            "baseline", "oakland-contract", "california-legislation", "denver-turnover", "baltimore-restructuring",
            "detroit-takeover", "indianapolis-advocacy", "combined-package",
        ] {
            let run = try prepared(name)
            #expect(run.scenario.name == name)
            #expect(!run.scenario.description.isEmpty)
        }
    }
}
