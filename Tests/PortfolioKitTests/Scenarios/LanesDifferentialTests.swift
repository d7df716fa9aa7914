import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData

/// A randomized differential test of the integer projection's four-lane path against its
/// one-draw path: many random district plans — lever effects of every kind but `ceiling`
/// (levels, slopes, stalls, lifts; negative sizes, ramps, durations, onsets before and after the
/// start), ceilings, background events at high rates that lift ceilings, relaxations — on the
/// shipped panel and on made-up frameworks with other equally spaced scales, with draw counts
/// that leave padding lanes, pace persistence 1 and below, and fixed cell positions. Every path
/// must keep the same advanced years, bits, summaries, decisive shares, progress bits and kept
/// values, bit for bit.
@Suite struct LanesDifferentialTests {
    /// Seeded dice for the random plans (the test is the same on every run).
    struct Dice {
        var rng: SeededGenerator

        init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(rng.next() % UInt64(range.count))
        }

        mutating func double(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * rng.uniform() }

        mutating func chance(_ p: Double) -> Bool { rng.uniform() < p }

        mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

        /// A value on a half-level grid (cut-points and levels exactly) or anywhere in [lo, hi].
        mutating func value(_ lo: Double, _ hi: Double, unit: Double) -> Double {
            chance(0.4) ? (double(lo, hi) / (unit / 2)).rounded() * (unit / 2) : double(lo, hi)
        }
    }

    /// Everything a projection keeps, as bit patterns (so that NaNs compare too).
    struct Outcome: Equatable {
        var advancedYear: [Int?]
        var pAdvanced: [UInt64]
        var advancedBits: [UInt64]
        var summaries: [UInt64]
        var decisiveShare: [UInt64]?
        var progress: [UInt64]
        var values: [UInt64]

        init(_ state: IntegerProjectionState) {
            let p = state.summary()
            advancedYear = p.advancedYear
            pAdvanced = p.pAdvanced.map(\.bitPattern)
            advancedBits = p.advancedBits
            summaries = p.summaries.joined().flatMap { [$0.mean, $0.p10, $0.p50, $0.p90].map(\.bitPattern) }
            decisiveShare = p.decisiveShare?.map(\.bitPattern)
            progress = state.progress
            values = Array(state.values.slice(from: 0, count: state.values.count)).map(\.bitPattern)
        }

        /// The first field that differs from `other`'s, with the first index where it does (nil: none).
        func difference(from other: Outcome) -> String? {
            func first<T: Equatable>(_ name: String, _ a: [T], _ b: [T]) -> String? {
                guard a != b else { return nil }
                let i = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? b.count
                return "\(name)[\(i)] of \(a.count) vs \(b.count)"
            }
            return first("advancedYear", advancedYear, other.advancedYear)
                ?? first("pAdvanced", pAdvanced, other.pAdvanced)
                ?? first("advancedBits", advancedBits, other.advancedBits)
                ?? first("summaries", summaries, other.summaries)
                ?? first("decisiveShare", decisiveShare ?? [], other.decisiveShare ?? [])
                ?? ((decisiveShare == nil) != (other.decisiveShare == nil) ? "decisiveShare nil" : nil)
                ?? first("progress", progress, other.progress) ?? first("values", values, other.values)
        }
    }

    /// One random projection: the forecaster, the plan and how it is run.
    struct Case {
        var forecaster: DriftForecaster
        var plan: ScenarioPlan.DistrictPlan
        var horizon: Int
        var draws: Int
        var seed: UInt64
        var relaxation: Relaxation
        var trajectories: Projection.Trajectories
        var keepProgress: Bool
    }

    /// The one-draw path with nothing recorded (the fast scalar loops), as `simulated` runs it
    /// when the lanes do not apply.
    static func scalar(_ c: Case) -> IntegerProjectionState {
        let f = c.forecaster
        let setup = IntegerProjectionSetup(f, c.plan, horizon: c.horizon, relaxation: c.relaxation)
        var state = IntegerProjectionState(
            setup, draws: c.draws, trajectories: c.trajectories, keepProgress: c.keepProgress)
        let name = f.districts[c.plan.district].name
        let key = Projection.districtKey(seed: c.seed, name: name)
        let backgroundKey = mixKey([String(c.seed), "background", name])
        let effectKey = mixKey([String(c.seed), "draw"])
        for r in 0..<c.draws {
            state.simulate(
                draw: r, key: Projection.drawSeed(key, r), backgroundKey: Projection.drawSeed(backgroundKey, r),
                effectKey: Projection.drawSeed(effectKey, r), recorder: nil)
        }
        return state
    }

    /// The case's outcomes on every path: lanes (AVX kernel where the CPU has it, then Swift
    /// SIMD), the scalar loops, and the scalar path with every rating recorded.
    static func outcomes(_ c: Case) -> (lanes: [Outcome], scalar: Outcome, recorded: Outcome, lanesApply: Bool) {
        let lanes = [true, false].map { vector in
            Outcome(
                IntegerProjection.simulated(
                    c.forecaster, c.plan, horizon: c.horizon, draws: c.draws, seed: c.seed,
                    relaxation: c.relaxation, trajectories: c.trajectories, keepProgress: c.keepProgress,
                    allowVector: vector))
        }
        let setup = IntegerProjectionSetup(c.forecaster, c.plan, horizon: c.horizon, relaxation: c.relaxation)
        let recorder = PathRecorder(
            yearCount: setup.years.count, draws: c.draws, elementCount: c.forecaster.framework.elements.count)
        let recorded = Outcome(
            IntegerProjection.simulated(
                c.forecaster, c.plan, horizon: c.horizon, draws: c.draws, seed: c.seed, relaxation: c.relaxation,
                trajectories: c.trajectories, recorder: recorder, keepProgress: c.keepProgress))
        let state = IntegerProjectionState(setup, draws: 1, trajectories: .none)
        return (lanes, Outcome(scalar(c)), recorded, state.lanesApply)
    }

    /// A random size for an effect of `kind` on a scale of spacing `unit` (negative sizes too).
    static func size(_ kind: Effect.Kind, unit: Double, _ dice: inout Dice) -> Distribution {
        let scale: Double
        switch kind {
        case .stall:
            return dice.pick([.fixed(Double(dice.int(0...4))), .normal(mean: 2, sd: 1.5), .uniform(min: -1, max: 4.6)])
        case .slope: scale = 0.4 * unit
        default: scale = 1.5 * unit
        }
        switch dice.int(0...3) {
        case 0: return .fixed(dice.value(-scale, scale, unit: unit))
        case 1: return .normal(mean: dice.double(-scale, scale), sd: dice.double(0, scale))
        case 2:
            let a = dice.double(-scale, scale)
            return .uniform(min: a, max: a + dice.double(0, scale))
        default:
            let p10 = dice.double(-scale, scale)
            let p50 = p10 + dice.double(0, scale)
            return .elicited(p10: p10, p50: p50, p90: p50 + dice.double(0, scale))
        }
    }

    /// A random effect: kind (never `ceiling`), elements (repeats allowed), timing and size.
    static func effect(
        _ fw: Framework, onset: Int, points: [String], unit: Double, _ dice: inout Dice
    ) -> ScenarioPlan.ActiveEffect {
        let kind = dice.pick([Effect.Kind.level, .level, .slope, .slope, .stall, .liftCeiling])
        let n = fw.elements.count
        let elements: [Int]
        switch dice.int(0...3) {
        case 0: elements = Array(0..<n)
        case 1:
            let k = dice.int(0...(fw.components.count - 1))
            elements = fw.elementsByComponent[k]
        default: elements = (0..<dice.int(0...6)).map { _ in dice.int(0...(n - 1)) }
        }
        let lifted = kind == .liftCeiling ? (0..<dice.int(1...2)).map { _ in dice.pick(points + ["unknown"]) } : []
        let effect = Effect(
            id: "e", kind: kind, targets: .all, size: size(kind, unit: unit, &dice), lag: 0,
            ramp: dice.pick([1, 1, 2, 3, 5, 0, -1]), duration: dice.pick([nil, nil, 0, 1, 2, 4, -1]),
            stickingPoints: lifted, reason: "random")
        return ScenarioPlan.ActiveEffect(
            leverID: "lever", effect: effect, elements: elements, onset: onset, size: effect.size,
            randomKey: dice.rng.next())
    }

    /// A random plan for district `d` of `f`: effects, ceilings, background events and a relaxation.
    static func plan(
        _ f: DriftForecaster, district d: Int, unit: Double, _ dice: inout Dice
    ) -> ScenarioPlan.DistrictPlan {
        let fw = f.framework
        let start = f.startYear[d]
        let lowest = Double(fw.minimumScore)
        let highest = Double(fw.maximumScore)
        let ids = ["p0", "p1", "p2"]
        let points = (0..<dice.int(0...3)).map { i in
            let targets: Effect.Targets =
                dice.chance(0.3)
                ? .all : .elements((0..<dice.int(1...8)).map { _ in dice.pick(fw.elements).id })
            return StickingPoint(
                id: ids[i], description: "", targets: targets,
                maximum: dice.value(lowest - unit, highest + unit, unit: unit), governance: [], districts: [],
                exceptDistricts: [], liftedBy: [])
        }
        let pointIDs = points.map(\.id)
        let effects = (0..<dice.int(0...4)).map { _ in
            effect(fw, onset: start + dice.int(-3...8), points: pointIDs, unit: unit, &dice)
        }
        let background = (0..<dice.int(0...3)).map { _ in
            BackgroundEvent(
                leverID: "event", rate: dice.pick([0.05, 0.3, 1, 3, 0]), source: .overridden,
                effects: (0..<dice.int(0...3)).map { _ in
                    effect(fw, onset: dice.int(-1...3), points: pointIDs, unit: unit, &dice)
                })
        }
        return ScenarioPlan.DistrictPlan(
            district: d, effects: effects, stickingPoints: points, background: background,
            relaxation: dice.chance(0.3) ? relaxation(fw, points: pointIDs, unit: unit, &dice) : .none)
    }

    /// A random relaxation: freed components, pace floors, extra paces (negative too), lifted ceilings.
    static func relaxation(_ fw: Framework, points: [String], unit: Double, _ dice: inout Dice) -> Relaxation {
        let k = fw.components.count
        var r = Relaxation()
        for _ in 0..<dice.int(0...2) { r.freedComponents.insert(dice.int(0...(k - 1))) }
        for _ in 0..<dice.int(0...2) { r.paceFloor[dice.int(0...(k - 1))] = dice.double(-0.2, 0.3) * unit }
        for _ in 0..<dice.int(0...2) { r.extraPace[dice.int(0...(k - 1))] = dice.double(-0.2, 0.3) * unit }
        if !points.isEmpty, dice.chance(0.5) { r.liftedCeilings.insert(dice.pick(points)) }
        return r
    }

    /// `f` with a random cell position and pace persistence (1, or below with its shocks).
    static func varied(_ f: DriftForecaster, _ dice: inout Dice) -> DriftForecaster {
        var f = f
        f.cellPosition = dice.pick([nil, nil, -0.5, 0, 0.25, 0.5])
        f.paceChange.persistence = dice.pick([1, 1, 0.58, 0, 0.95])
        return f
    }

    /// The spacing of equally spaced `levels`, and the size of a move on them (a quarter of a
    /// wide scale's span, so that effects and paces cross levels there too).
    static func units(_ levels: [Int]) -> (step: Double, move: Double) {
        let span = Double(levels.max()! - levels.min()!)
        let step = levels.count > 1 ? span / Double(levels.count - 1) : 1
        return (step, max(step, span / 4))
    }

    /// A made-up framework on `levels` (equally spaced) with random components, threshold and
    /// rule, and three districts with random starts (on and off the scale) and paces.
    static func synthetic(levels: [Int], _ dice: inout Dice) -> DriftForecaster {
        let k = dice.int(1...4)
        let components = (0..<k).map { Component(id: "c\($0)", shortName: "C\($0)", name: "C\($0)") }
        var elements: [Element] = []
        for c in 0..<k {
            for j in 0..<dice.int(1...5) { elements.append(Element(id: "c\(c)e\(j)", componentIndex: c, text: "")) }
        }
        elements.shuffle(using: &dice.rng)
        let lowest = Double(levels.min()!)
        let highest = Double(levels.max()!)
        let (step, unit) = units(levels)
        let fw = Framework(
            name: "made up", components: components, elements: elements,
            levels: levels.map { RatingLevel(value: $0, label: "\($0)", colour: "#000") },
            inProgressThreshold: dice.value(lowest, highest, unit: step),
            advancedRule: dice.pick([.moreThanFraction(0.5), .atLeast(dice.int(0...(k + 1)))]))
        let districts = (0..<3).map { DistrictInfo(name: "D\($0)") }
        let start = (0..<(3 * elements.count)).map { _ in
            dice.chance(0.8) ? Double(dice.pick(levels)) : dice.double(lowest - step, highest + step)
        }
        var f = DriftForecaster(
            framework: fw, districts: districts, startYear: (0..<3).map { _ in dice.int(2015...2019) }, start: start,
            drift: (0..<(3 * k)).map { _ in dice.double(-0.3, 0.5) * unit },
            driftSD: (0..<(3 * k)).map { _ in dice.double(0, 0.2) * unit }, stepVariance: 0)
        f.networkPace = (0..<k).map { _ in dice.double(-0.1, 0.3) * unit }
        f.paceChange = PaceChange(
            persistence: 1, commonSD: dice.double(0, 0.2) * unit, ownSD: dice.double(0, 0.2) * unit)
        return varied(f, &dice)
    }

    /// Check one case on every path; returns whether the lanes applied.
    @discardableResult
    static func check(_ c: Case, label: String) -> Bool {
        let o = outcomes(c)
        #expect(o.scalar.difference(from: o.recorded) == nil, "scalar loops vs recorded: \(label)")
        #expect(o.lanes[0].difference(from: o.scalar) == nil, "lanes (AVX) vs scalar: \(label)")
        #expect(o.lanes[1].difference(from: o.scalar) == nil, "lanes (Swift SIMD) vs scalar: \(label)")
        return o.lanesApply
    }

    static let run = try! ScenarioRun.prepare(Paths.repository + "/Scenarios/baseline.json")
    static let draws = [1, 2, 3, 4, 5, 7, 8, 13, 67, 130]

    /// Random plans on the shipped panel (its forecaster from the baseline scenario, with its
    /// pace shocks scaled at random, and its background events kept in some plans), each run on
    /// all four paths.
    @Test func randomPlansOnTheShippedPanel() {
        var dice = Dice(seed: 20_240_601)
        var lanes = 0
        for i in 0..<400 {
            var f = Self.varied(Self.run.forecaster, &dice)
            f.paceChange.commonSD *= dice.pick([1, 1, 0, 4])
            f.paceChange.ownSD *= dice.pick([1, 1, 0, 4])
            let d = dice.int(0...(f.districts.count - 1))
            var plan = Self.plan(f, district: d, unit: dice.pick([1, 1, 0.5, 2]), &dice)
            if dice.chance(0.3) { plan.background += Self.run.plan.districts[d].background }
            let relaxation =
                dice.chance(0.2)
                ? Self.relaxation(f.framework, points: plan.stickingPoints.map(\.id), unit: 1, &dice) : .none
            let c = Case(
                forecaster: f, plan: plan, horizon: f.startYear[d] + dice.int(-1...16), draws: dice.pick(Self.draws),
                seed: dice.rng.next(), relaxation: relaxation, trajectories: dice.pick([.all, .all, .district, .none]),
                keepProgress: dice.chance(0.3))
            if Self.check(c, label: "shipped #\(i)") { lanes += 1 }
        }
        #expect(lanes == 400)
    }

    /// Random plans on made-up frameworks with other equally spaced scales: 0–3, 0/2/4/6, 1–10
    /// by 3, −2–2, 0–14 by 7, a single level, 1–5, −7–2 by 3, and levels 2⁵⁰ apart (where rating
    /// sums are too large to count, so the components' scores are kept per draw).
    @Test func randomPlansOnOtherScales() {
        var dice = Dice(seed: 77)
        let scales = [
            [0, 1, 2, 3], [0, 2, 4, 6], [1, 4, 7, 10], [-2, -1, 0, 1, 2], [0, 7, 14], [3], [1, 2, 3, 4, 5],
            [-7, -4, -1, 2], (0...3).map { $0 << 50 },
        ]
        var perDraw = 0
        for i in 0..<500 {
            let levels = scales[i % scales.count]
            let f = Self.synthetic(levels: levels, &dice)
            let unit = Self.units(levels).move
            let d = dice.int(0...2)
            let plan = Self.plan(f, district: d, unit: unit, &dice)
            let relaxation =
                dice.chance(0.2)
                ? Self.relaxation(f.framework, points: plan.stickingPoints.map(\.id), unit: unit, &dice) : .none
            let c = Case(
                forecaster: f, plan: plan, horizon: f.startYear[d] + dice.int(-1...12), draws: dice.pick(Self.draws),
                seed: dice.rng.next(), relaxation: relaxation, trajectories: dice.pick([.all, .district, .none]),
                keepProgress: dice.chance(0.3))
            Self.check(c, label: "scale \(levels) #\(i)")
            let setup = IntegerProjectionSetup(f, plan, horizon: c.horizon, relaxation: relaxation)
            if IntegerProjectionState(setup, draws: 1, trajectories: .all).sumCounts == nil { perDraw += 1 }
        }
        #expect(perDraw > 10)
    }

    /// A plan with an imposed `ceiling` effect takes the scalar path on purpose: it still runs,
    /// and the unrecorded projection equals the recorded one.
    @Test func ceilingEffectTakesTheScalarPath() {
        var dice = Dice(seed: 5)
        let f = Self.run.forecaster
        let d = 3
        var plan = Self.plan(f, district: d, unit: 1, &dice)
        let effect = Effect(
            id: "cap", kind: .ceiling, targets: .all, size: .fixed(3), lag: 0, ramp: 1, duration: 3,
            stickingPoints: [], reason: "test")
        plan.effects.append(
            ScenarioPlan.ActiveEffect(
                leverID: "cap", effect: effect, elements: Array(0..<10), onset: f.startYear[d] + 1, size: .fixed(3),
                randomKey: 11))
        let c = Case(
            forecaster: f, plan: plan, horizon: 2030, draws: 13, seed: 1, relaxation: .none, trajectories: .all,
            keepProgress: true)
        #expect(!Self.check(c, label: "ceiling"))
    }
}
