import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Attribution against hand-computed answers: no noise, known paces, so every draw is the same
/// and every Shapley value is a fraction worked out on paper.
@Suite struct StickingPointAttributionTests {
    let framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))

    /// North: everything at 1 in 2020; Alpha +0.25 a year (crosses 2 in 2024), Beta +0.0625
    /// (2036), Gamma +0.125 (2028) but held at 1 by a ceiling. Advanced = 2 components at 2 or
    /// more. South (not projected) moves +0.25 a year everywhere: the network's fastest pace.
    /// Latents start at the bottom of their cells, so a rating of 1 becomes 2 after exactly 1/pace years.
    func forecaster() -> DriftForecaster {
        var f = DriftForecaster(
            framework: framework, districts: [DistrictInfo(name: "North"), DistrictInfo(name: "South")],
            startYear: [2020, 2020], start: Array(repeating: 1, count: 16),
            drift: [0.25, 0.0625, 0.125, 0.25, 0.25, 0.25], driftSD: Array(repeating: 0, count: 6),
            stepVariance: 0)
        f.cellPosition = -0.5
        return f
    }

    /// A ceiling at 1.5 on Gamma's elements.
    let gammaCap = StickingPoint(
        id: "gamma-cap", description: "", targets: .components(["Gamma"]), maximum: 1.5,
        governance: [], districts: ["North"], exceptDistricts: [], liftedBy: [])

    func attribute(
        horizon: Int, benchmark: RelaxationBenchmark = .districtMedian, target: Int? = nil,
        bundles: [RelaxationBundle] = []
    ) -> DistrictAttribution {
        let plan = ScenarioPlan.DistrictPlan(district: 0, effects: [], stickingPoints: [gammaCap])
        let f = forecaster()
        let projection = Projection.run(
            f, plan: ScenarioPlan(districts: [plan], horizon: horizon), draws: 4, seed: 1,
            scenario: "s", trajectories: .none
        ).districts[0]
        return DistrictAttribution.run(
            f, plan, projection: projection, draws: 4, seed: 1,
            options: .init(benchmark: benchmark, targetYear: target), bundles: bundles)
    }

    func value(_ a: DistrictAttribution, _ name: String) -> StickingPointValue {
        a.values.first { $0.stickingPoint == name }!
    }

    /// Horizon 2040, benchmark = North's median pace 0.125. Unrelaxed: advanced in 2036 (Beta).
    /// Relaxing Beta (to 0.125), Gamma (freed) or lifting the cap each gives 2028; Alpha changes
    /// nothing. The years game is v(S) = 8 when S holds any of Beta, Gamma, cap: Shapley 8/3 each,
    /// Alpha 0 (a null player); P(advanced by 2040) is 1 throughout, so every P share is 0.
    @Test func shapleyYearsByHand() {
        let a = attribute(horizon: 2040)
        #expect(a.values.map(\.stickingPoint) == ["Alpha", "Beta", "Gamma", "gamma-cap"])
        #expect(value(a, "Alpha").shapleyYears.mean == 0 && !value(a, "Alpha").binding)
        for name in ["Beta", "Gamma", "gamma-cap"] {
            #expect(abs(value(a, name).shapleyYears.mean - 8.0 / 3) < 1e-12)
            #expect(value(a, name).shapleyPGain.mean == 0)
            #expect(value(a, name).binding && value(a, name).yearsGained.p50 == 8 && value(a, name).pEarlier == 1)
            #expect(value(a, name).shapleyYears.standardError == 0)  // every draw the same
        }
        #expect(value(a, "gamma-cap").kind == .ceiling && value(a, "gamma-cap").decisiveShare == nil)
        #expect(value(a, "Beta").decisiveShare == 1)  // Beta's crossing decides every draw
        let all = a.bundles.first { $0.bundle == "all" }!
        #expect(all.yearsGained.mean == 8 && all.pGain.mean == 0)
    }

    /// Horizon 2030: unrelaxed, not advanced by 2030 (counted as 2031); any of Beta, Gamma, cap
    /// gives 2028. P game: 1 for such coalitions → Shapley 1/3 each; years: 3 → 1 each.
    @Test func shapleyProbabilityByHandAndEfficiency() {
        let a = attribute(horizon: 2030)
        for name in ["Beta", "Gamma", "gamma-cap"] {
            #expect(abs(value(a, name).shapleyPGain.mean - 1.0 / 3) < 1e-12)
            #expect(abs(value(a, name).shapleyYears.mean - 1) < 1e-12)
            #expect(value(a, name).pAdvanced == 0 && value(a, name).pRelaxedAlone == 1)
        }
        let all = a.bundles.first { $0.bundle == "all" }!
        #expect(abs(a.values.map(\.shapleyPGain.mean).reduce(0, +) - all.pGain.mean) < 1e-12)
        #expect(all.pAdvanced == 0 && all.pRelaxed == 1)
    }

    /// The outlook: Alpha in progress from 2024 in every draw, Beta 2036 (after 2030: never
    /// by the horizon), Gamma never (held at 1 by the ceiling).
    @Test func componentOutlookByHand() {
        let a = attribute(horizon: 2030)
        let alpha = a.outlook[0]
        let beta = a.outlook[1]
        let gamma = a.outlook[2]
        #expect(
            alpha.pInProgressByHorizon == 1 && alpha.yearP10 == 2024 && alpha.yearP50 == 2024 && alpha.yearP90 == 2024)
        #expect(beta.pInProgressByHorizon == 0 && beta.yearP50 == nil)
        #expect(gamma.pInProgressByHorizon == 0 && gamma.latest == 1)
    }

    /// What it would take by 2030: Beta needs to move 1 point in 10 years, 0.1 a year: 0.0625 +
    /// 0.04 = 0.1025 crosses in 2030 (0.5 + 10 × 0.1025 = 1.525 ≥ 1.5), 0.0625 + 0.03 does not.
    /// Gamma with its ceiling lifted already crosses in 2028: 0. Alpha cannot help, and is
    /// already at the network's fastest pace: not reachable.
    @Test func whatItWouldTakeByHand() {
        let a = attribute(horizon: 2030, target: 2030)
        func req(_ name: String) -> PaceRequirement { a.requirements.first { $0.relaxed == name }! }
        #expect(req("Beta").requiredPace == 0.04 && req("Beta").reachable && req("Beta").ownPace == 0.0625)
        #expect(req("Gamma").requiredPace == 0 && req("Gamma").reachable)
        #expect(req("Alpha").requiredPace == nil && !req("Alpha").reachable)
        #expect(req("all").requiredPace == 0)  // lifting the cap is enough
    }

    /// A bundle named in a scenario is assembled from the same runs: Alpha + Beta relaxed to the
    /// network's maximum (0.25) puts both in progress in 2024.
    @Test func namedBundleByHand() {
        let a = attribute(
            horizon: 2030, benchmark: .networkMax,
            bundles: [RelaxationBundle(name: "alpha-beta", stickingPoints: ["Alpha", "Beta"])])
        let b = a.bundles.first { $0.bundle == "alpha-beta" }!
        #expect(b.pRelaxed == 1 && b.yearsGained.mean == 2031 - 2024)
    }

    /// Exact Shapley weights against the closed form on a textbook game: the glove game
    /// (player 0 holds a left glove, 1 and 2 right gloves; a pair is worth 1): φ = (2/3, 1/6, 1/6).
    @Test func gloveGame() {
        let game: [SIMD2<Double>] = (0..<8).map { m in
            let pair = (m & 1 != 0) && (m & 6 != 0)
            return SIMD2(pair ? 1 : 0, 0)
        }
        let phi = ShapleyValues.exact(game, players: 3, weights: ShapleyValues.weights(players: 3))
        #expect(
            phi[0].x.isApproximatelyEqual(to: 2.0 / 3, absoluteTolerance: 1e-12)
                && phi[1].x.isApproximatelyEqual(to: 1.0 / 6, absoluteTolerance: 1e-12)
                && phi[2].x.isApproximatelyEqual(to: 1.0 / 6, absoluteTolerance: 1e-12))
        var rng = SeededGenerator(seed: 7)
        let sampled = ShapleyValues.sampled(players: 3, permutations: 20_000, rng: &rng) { game[$0] }
        // Each sampled value is a mean of 20,000 draws of a 0/1 contribution: SE ≤ 0.0036; allow 4 SE.
        #expect(
            sampled[0].x.isApproximatelyEqual(to: 2.0 / 3, absoluteTolerance: 0.015)
                && sampled[1].x.isApproximatelyEqual(to: 1.0 / 6, absoluteTolerance: 0.015))
        #expect(abs(sampled.map(\.x).reduce(0, +) - 1) < 1e-12)  // efficiency holds per permutation
    }
}
