import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The integer projection's mechanics on the shipped panel — with the pace taken as fitted (no
/// parameter draw), pace changes and background events switched off, so that what is measured
/// is the mechanics — and its structural parts.
@Suite struct IntegerProjectionTests {
    static let panel = Shipped.loaded.panel
    static let fit = try! TrajectoryModel.fit(panel)

    /// The shipped panel's forecaster with paces as fitted and no pace changes.
    static func mechanics(_ panel: Panel = panel, fit: TrajectoryFit = fit) -> DriftForecaster {
        let f = DriftForecaster(panel: panel, fit: fit)
        return DriftForecaster(
            framework: f.framework, districts: f.districts, startYear: f.startYear, start: f.start,
            drift: f.drift, driftSD: f.drift.map { _ in 0 }, stepVariance: f.stepVariance)
    }

    /// The shipped panel plus a district "Flat" rated with Denver's 2016 ratings in every year 2013–2016.
    static let withFlat: Panel = {
        let denver = panel.latestSnapshot(ofDistrict: panel.districtIndex(named: "Denver")!)
        let flat = panel.districts.count
        let snapshots =
            panel.snapshots + (2013...2016).map { Snapshot(districtIndex: flat, year: $0, scores: denver.scores) }
        return Panel(
            framework: panel.framework, districts: panel.districts + [DistrictInfo(name: "Flat")], snapshots: snapshots)
    }()

    /// Paths of district `name` to `horizon` with no interventions, no background, the given ceilings.
    static func paths(
        _ f: DriftForecaster, _ name: String, horizon: Int, draws: Int = 2000,
        points: [StickingPoint] = []
    ) -> (PathRecorder, DistrictProjection) {
        let d = f.districts.firstIndex { $0.name == name }!
        let years = horizon - f.startYear[d]
        let recorder = PathRecorder(yearCount: years, draws: draws, elementCount: panel.framework.elements.count)
        let plan = ScenarioPlan.DistrictPlan(district: d, effects: [], stickingPoints: points)
        let p = Projection.project(f, plan, horizon: horizon, draws: draws, seed: 11, recorder: recorder)
        return (recorder, p)
    }

    static func meanRating(_ r: PathRecorder, yearIndex: Int, element: Int) -> Double {
        (0..<r.draws).reduce(0.0) { $0 + r.ratings[($1 * r.yearCount + yearIndex) * r.elementCount + element] }
            / Double(r.draws)
    }

    @Test func everySimulatedRatingIsALevelOfTheScale() {
        let (r, _) = Self.paths(DriftForecaster(panel: Self.panel, fit: Self.fit), "Oakland", horizon: 2026, draws: 300)
        let levels = Set(Self.panel.framework.levels.map { Double($0.value) })
        #expect(r.ratings.allSatisfy { levels.contains($0) })
    }

    /// Albuquerque: every series at the floor (1) in 2016 whose component's fitted pace is ≤ 0
    /// has a mean projected rating within 0.05 of the floor ten years on (the clamped walk's
    /// noise pushed Funding to 1.50). With the pace drawn from its uncertainty the mean of such a
    /// series can rise (to about 1.10 for Choice, fitted −0.014 ± 0.042): that is doubt about
    /// the pace, not progress made up at the bound — the median stays at the floor.
    @Test func theFloorInventsNoProgress() {
        let f = Self.mechanics()
        let d = Self.panel.districtIndex(named: "Albuquerque")!
        let (r, _) = Self.paths(f, "Albuquerque", horizon: 2026)
        let fw = Self.panel.framework
        let k = fw.components.count
        let floorSeries = fw.elements.indices.filter { e in
            f.start[d * fw.elements.count + e] == 1 && f.drift[d * k + fw.elements[e].componentIndex] <= 0
        }
        #expect(floorSeries.count >= 10)
        for e in floorSeries {
            let mean = Self.meanRating(r, yearIndex: 9, element: e)
            #expect(mean <= 1.05, "element \(fw.elements[e].id): mean \(mean) in 2026")
        }
    }

    /// A flat series under a ceiling keeps its mean within 0.05 ten years on: Flat's Support
    /// with a pace of 0, held by a ceiling at its level (the clamped walk's noise took a flat
    /// Support under a ceiling from 2.67 to 2.08 in Baltimore). The pace is set to 0 because
    /// the pooled fit gives a flat district's Support a negative pace (its momentum is the
    /// network's mean pace below zero), which is a forecast of decline, not the bound's doing.
    @Test func aFlatSeriesUnderACeilingStaysFlat() throws {
        let fitted = Self.mechanics(Self.withFlat, fit: try TrajectoryModel.fit(Self.withFlat))
        let k = fitted.framework.components.count
        var drift = fitted.drift
        for c in 0..<k { drift[Self.panel.districts.count * k + c] = 0 }
        let f = DriftForecaster(
            framework: fitted.framework, districts: fitted.districts, startYear: fitted.startYear,
            start: fitted.start, drift: drift, driftSD: fitted.driftSD, stepVariance: 0)
        let fw = Self.panel.framework
        let support = fw.componentIndex("Support")!
        let cap = StickingPoint(
            id: "cap", description: "", targets: .components(["Support"]), maximum: 1, governance: [],
            districts: ["Flat"], exceptDistricts: [], liftedBy: [])
        let (r, _) = Self.paths(f, "Flat", horizon: 2026, points: [cap])
        let d = Self.panel.districts.count
        for e in fw.elementsByComponent[support] {
            let start = f.start[d * fw.elements.count + e]
            let mean = Self.meanRating(r, yearIndex: 9, element: e)
            #expect(
                mean.isApproximatelyEqual(to: start, absoluteTolerance: 0.05),
                "element \(fw.elements[e].id): \(start) → \(mean)")
        }
    }

    /// The share of element ratings equal to the year before: simulated one year on from every
    /// district's latest snapshot, against the panel's own consecutive-year pairs (0.886).
    @Test func oneYearRepeatRateMatchesThePanel() {
        let f = Self.mechanics()
        let fw = Self.panel.framework
        var same = 0
        var total = 0
        for d in Self.panel.districts.indices {
            let (r, _) = Self.paths(f, Self.panel.districts[d].name, horizon: f.startYear[d] + 1, draws: 400)
            for draw in 0..<r.draws {
                for e in fw.elements.indices where Self.panel.latestSnapshot(ofDistrict: d).scores[e] != nil {
                    total += 1
                    if r.ratings[draw * fw.elements.count + e] == f.start[d * fw.elements.count + e] { same += 1 }
                }
            }
        }
        let simulated = Double(same) / Double(total)
        let observed = Self.observedRepeatRate()
        #expect(
            simulated.isApproximatelyEqual(to: observed, absoluteTolerance: 0.03),
            "simulated \(simulated), panel \(observed)")
    }

    static func observedRepeatRate() -> Double {
        var same = 0
        var total = 0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for (a, b) in zip(snaps, snaps.dropFirst()) where b.year == a.year + 1 {
                for (x, y) in zip(a.scores, b.scores) {
                    guard let x, let y else { continue }
                    total += 1
                    if x == y { same += 1 }
                }
            }
        }
        return Double(same) / Double(total)
    }

    /// A district advanced on a flat history (Denver's 2016 ratings in every year 2013–2016,
    /// fitted with the rest of the panel) is still advanced the next year in ≥ 90% of draws.
    @Test func advancedOnAFlatHistoryStaysAdvanced() throws {
        let f = Self.mechanics(Self.withFlat, fit: try TrajectoryModel.fit(Self.withFlat))
        let flat = Self.panel.districts.count
        let plan = ScenarioPlan.DistrictPlan(district: flat, effects: [], stickingPoints: [])
        let p = Projection.project(f, plan, horizon: 2017, draws: 2000, seed: 5)
        #expect(p.advancedNow)
        #expect(p.pAdvanced[1] >= 0.9, "P(advanced in 2017) = \(p.pAdvanced[1])")
    }

    /// Under common random numbers, a leadership turnover in 2017 never raises any district's
    /// P(advanced) in any year — with pace changes and background events on.
    @Test func aTurnoverNeverRaisesTheChanceOfBeingAdvanced() throws {
        let base = try ScenarioRun.prepare(Paths.repository + "/Scenarios/baseline.json")
        let names = base.panel.districts.map(\.name)
        let turnover = Intervention(
            lever: "leadership-turnover", target: .districts(names), year: 2017,
            location: SourceLocation(file: "test"))
        var scenario = base.scenario.adding(turnover, name: "turnover")
        scenario.draws = 300
        let alt = try ScenarioRun.prepare(scenario: scenario)
        let a = base.project(draws: 300, trajectories: .none)
        let b = alt.project(draws: 300, trajectories: .none)
        for (x, y) in zip(a.districts, b.districts) {
            for (px, py) in zip(x.pAdvanced, y.pAdvanced) {
                #expect(py <= px, "\(x.district.name): \(px) → \(py)")
            }
            for r in 0..<300 {
                for year in x.years where y.isAdvanced(draw: r, year: year) {
                    #expect(x.isAdvanced(draw: r, year: year), "\(x.district.name) draw \(r) \(year)")
                }
            }
        }
    }

    /// With no effect, background event or ceiling, draws run four at a time in SIMD lanes; a
    /// recorder forces the one-draw-at-a-time path. Both give the same draws, bit for bit
    /// (13 draws: three groups of four and a padding group).
    @Test func lanesEqualTheScalarPath() {
        var f = DriftForecaster(panel: Self.panel, fit: Self.fit)
        f.paceChange.persistence = 0.8
        for name in ["Oakland", "Albuquerque", "New York City"] {
            let d = Self.panel.districtIndex(named: name)!
            let plan = ScenarioPlan.DistrictPlan(district: d, effects: [], stickingPoints: [])
            let lanes = Projection.project(f, plan, horizon: 2030, draws: 13, seed: 3)
            let recorder = PathRecorder(yearCount: 14, draws: 13, elementCount: Self.panel.framework.elements.count)
            let scalar = Projection.project(f, plan, horizon: 2030, draws: 13, seed: 3, recorder: recorder)
            #expect(lanes.advancedYear == scalar.advancedYear && lanes.pAdvanced == scalar.pAdvanced, "\(name)")
            #expect(lanes.summaries == scalar.summaries && lanes.decisiveShare == scalar.decisiveShare, "\(name)")
            #expect(lanes.advancedBits == scalar.advancedBits, "\(name)")
        }
    }

    /// Lever effects (levels, slopes, a stall with a lag), background events and ceilings also
    /// run in lanes; the scalar path (forced by a recorder) gives every district the same draws
    /// bit for bit — advanced years, bits, summaries, decisive shares — without and with a
    /// relaxation (extra pace, a pace floor, a freed component, a lifted ceiling), at 13 draws
    /// (a padding lane) and 8.
    @Test func lanesEqualTheScalarPathUnderEffects() throws {
        var run = try ScenarioRun.prepare(Paths.repository + "/Scenarios/combined-package.json")
        let turnover = Intervention(
            lever: "leadership-turnover", target: .districts(["Oakland", "Denver", "Chicago"]), year: 2018,
            location: SourceLocation(file: "test"))
        run = try ScenarioRun.prepare(scenario: run.scenario.adding(turnover, name: "effects"))
        let f = run.forecaster
        let e = f.framework.elements.count
        let relaxations = [
            Relaxation.none,
            Relaxation(
                freedComponents: [2], paceFloor: [1: 0.05], extraPace: [0: 0.03],
                liftedCeilings: ["central-office-holds-money"]),
        ]
        var withEffects = 0
        for plan in run.plan.districts {
            let name = f.districts[plan.district].name
            if !(plan.effects.isEmpty && plan.stickingPoints.isEmpty) { withEffects += 1 }
            for relaxation in relaxations {
                for draws in [13, 8] {
                    let lanes = Projection.project(
                        f, plan, horizon: 2030, draws: draws, seed: 9, relaxation: relaxation)
                    let years = 2030 - f.startYear[plan.district]
                    let recorder = PathRecorder(yearCount: years, draws: draws, elementCount: e)
                    let scalar = Projection.project(
                        f, plan, horizon: 2030, draws: draws, seed: 9, relaxation: relaxation, recorder: recorder)
                    #expect(lanes.advancedYear == scalar.advancedYear, "\(name) \(draws)")
                    #expect(lanes.advancedBits == scalar.advancedBits, "\(name) \(draws)")
                    #expect(lanes.summaries == scalar.summaries, "\(name) \(draws)")
                    #expect(lanes.decisiveShare == scalar.decisiveShare, "\(name) \(draws)")
                }
            }
        }
        // The scenario really exercises effects: interventions or ceilings in most districts.
        #expect(withEffects >= 20)
        #expect(!run.plan.districts[0].background.isEmpty)
    }

    /// `districtScores` (what choosing φ scores, in lanes) equals the district scores computed
    /// from the recorded ratings of the same draws (`Framework.districtScore` of
    /// `componentScores`), exactly, with background events on.
    @Test func districtScoresEqualTheRecordedPaths() throws {
        let run = try ScenarioRun.prepare(Paths.repository + "/Scenarios/baseline.json")
        let f = run.forecaster
        let fw = f.framework
        let e = fw.elements.count
        for plan in run.plan.districts.prefix(5) {
            let years = 2026 - f.startYear[plan.district]
            let scores = IntegerProjection.districtScores(f, plan, horizon: 2026, draws: 21, seed: 4)
            let recorder = PathRecorder(yearCount: years, draws: 21, elementCount: e)
            _ = IntegerProjection.project(f, plan, horizon: 2026, draws: 21, seed: 4, recorder: recorder)
            let samples = PathSamples(
                district: plan.district, years: Array((2026 - years + 1)...2026), draws: 21, elementCount: e,
                ratings: recorder.ratings)
            #expect(scores.count == years * 21)
            for yi in 0..<years {
                for r in 0..<21 {
                    let expected = fw.districtScore(
                        componentScores: samples.componentScores(draw: r, yearIndex: yi, framework: fw))
                    #expect(scores[yi * 21 + r] == expected, "\(plan.district) year \(yi) draw \(r)")
                }
            }
        }
    }

    /// The kept summaries are those of the simulated paths: each year's component and district
    /// scores computed from the recorded ratings (as `Framework.componentScores` does) give the
    /// same type-7 percentiles exactly, and the same mean to 1e-12 — components counted by rating
    /// sum, the district score from its stored values (101 draws: past the small-sample sort).
    @Test func summariesArePercentilesOfTheRecordedPaths() {
        var f = DriftForecaster(panel: Self.panel, fit: Self.fit)
        f.paceChange.persistence = 0.8
        let fw = Self.panel.framework
        let e = fw.elements.count
        for name in ["Oakland", "Albuquerque"] {
            let d = Self.panel.districtIndex(named: name)!
            let plan = ScenarioPlan.DistrictPlan(district: d, effects: [], stickingPoints: [])
            let years = 2030 - f.startYear[d]
            let recorder = PathRecorder(yearCount: years, draws: 101, elementCount: e)
            let p = Projection.project(f, plan, horizon: 2030, draws: 101, seed: 5, recorder: recorder)
            for yi in 0..<years {
                let scores = (0..<101).map { r in
                    fw.componentScores(Array(recorder.ratings[((r * years + yi) * e)..<((r * years + yi + 1) * e)]))
                }
                for m in 0...fw.components.count {
                    let values = scores.map { m < fw.components.count ? $0[m] : $0.reduce(0, +) / Double($0.count) }
                    let expected = QuantileSummary(values)
                    let kept = p.summaries[yi][m]
                    #expect(
                        kept.p10 == expected.p10 && kept.p50 == expected.p50 && kept.p90 == expected.p90,
                        "\(name) year \(yi) measure \(m)")
                    #expect(abs(kept.mean - expected.mean) <= 1e-12, "\(name) year \(yi) measure \(m)")
                }
            }
        }
    }
}
