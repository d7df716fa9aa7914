import RatingsData

/// One district's integer projection in progress: the per-draw scratch state and what is kept
/// across draws (measure values for percentiles, advanced years, the decisive components).
struct IntegerProjectionState {
    /// A background event's effect that happened in this draw.
    struct Happened {
        var rule: EffectRule
        var onset: Int
        var size: Double
    }

    let s: IntegerProjectionSetup
    let draws: Int
    let keepComponents: Bool
    let keepDistrict: Bool
    let measureCount: Int
    /// The components' scores, counted by rating sum per year (nil: components not kept, or a
    /// scale too wide to count, when they are kept per draw in `values`).
    let sumCounts: ComponentSumCounts?
    /// `values.pointer[(row * years + yearIndex) * draws + draw]`: the measures kept per draw —
    /// the district score (row `districtRow`) and, when not counted, the components (row = component).
    let values: KeptValues
    let districtRow: Int
    var advancedCount: [Int]
    var advancedYear: [Int?]
    /// Bit `draw` of row `yearIndex` (rows of `wordsPerYear` words): advanced in that year.
    var advancedBits: [UInt64]
    let wordsPerYear: Int
    /// Per component, its summed share of the draws its crossing made advanced (a draw shared
    /// equally among the components crossing in the deciding year), and how many draws were
    /// decided — added in draw order on every path, so the shares do not depend on the path.
    var decisiveWeight: [Double]
    var decisiveDraws = 0
    /// When kept (`keepProgress`): `progress[draw * years + yearIndex]` has bit k set when
    /// component k is in progress that year — what attribution assembles coalitions from.
    let keepProgress: Bool
    var progress: [UInt64]

    // Per-draw scratch.
    var pace: [Double]
    let buffers: ProjectionScratch
    var effectSize: [Double]
    var imposedCap: [[Double]?]
    var happened: [Happened] = []
    var liftYear: [Int]
    var inProgressBefore: [Bool]
    var crossed: [Bool]
    /// No effect and no ceiling acts this year: every element moves by its component's pace alone.
    var plain = true

    init(_ setup: IntegerProjectionSetup, draws: Int, trajectories: Projection.Trajectories, keepProgress: Bool = false)
    {
        s = setup
        self.draws = draws
        self.keepProgress = keepProgress && setup.componentCount <= UInt64.bitWidth
        progress = [UInt64](repeating: 0, count: self.keepProgress ? draws * setup.years.count : 0)
        keepComponents = trajectories == .all
        keepDistrict = trajectories != .none
        measureCount = keepComponents ? setup.componentCount + 1 : (keepDistrict ? 1 : 0)
        let yearCount = setup.years.count
        sumCounts =
            keepComponents
            ? ComponentSumCounts(
                sizes: (0..<setup.componentCount).map { setup.componentStart[$0 + 1] - setup.componentStart[$0] },
                levels: setup.forecaster.framework.levels.map(\.value), years: yearCount)
            : nil
        let rows = sumCounts == nil ? measureCount : (keepDistrict ? 1 : 0)
        districtRow = rows - 1
        values = KeptValues(count: rows * yearCount * draws)
        advancedCount = [Int](repeating: 0, count: yearCount)
        advancedYear = [Int?](repeating: nil, count: draws)
        wordsPerYear = (draws + 63) / 64
        advancedBits = [UInt64](repeating: 0, count: yearCount * wordsPerYear)
        decisiveWeight = [Double](repeating: 0, count: setup.componentCount)
        let e = setup.elementCount
        pace = [Double](repeating: 0, count: setup.componentCount)
        buffers = ProjectionScratch(count: e)
        effectSize = [Double](repeating: 0, count: setup.plan.effects.count)
        imposedCap = [[Double]?](repeating: nil, count: setup.plan.effects.count)
        liftYear = setup.ceilings.map(\.liftYear)
        inProgressBefore = [Bool](repeating: false, count: setup.componentCount)
        crossed = [Bool](repeating: false, count: setup.componentCount)
    }

    /// Simulate draw `r` from its three streams: the district's own (`key`), the background
    /// events' (`backgroundKey`), and the lever effect sizes' (`effectKey`, mixed with each
    /// effect's key so the same lever draws the same size in every scenario).
    mutating func simulate(draw r: Int, key: UInt64, backgroundKey: UInt64, effectKey: UInt64, recorder: PathRecorder?)
    {
        var rng = SeededGenerator(seed: key)
        var background = SeededGenerator(seed: backgroundKey)
        start(&rng, effectKey: effectKey)
        if s.advancedNow { advancedYear[r] = s.startYear }
        for yi in s.years.indices {
            let t = s.years[yi]
            changePaces(&rng)
            drawBackground(year: t, &background)
            applyEffects(year: t)
            step(draw: r, yearIndex: yi, year: t, recorder: recorder)
        }
    }

    /// This year's paces: each deviation from the network's pace persists by φ and takes fresh
    /// shocks (nothing is drawn when paces do not change, so such runs share streams).
    mutating func changePaces(_ rng: inout SeededGenerator) {
        guard s.persistence < 1 else { return }
        let shared = s.commonShockSD * rng.normal()
        for k in 0..<s.componentCount {
            let own = s.ownShockSD * rng.normal()
            pace[k] = s.networkPace[k] + s.persistence * (pace[k] - s.networkPace[k]) + shared + own
        }
    }

    /// The draw's paces, cell positions and effect sizes.
    mutating func start(_ rng: inout SeededGenerator, effectKey: UInt64) {
        for k in 0..<s.componentCount {
            pace[k] = s.drift[k] + s.driftSD[k] * rng.normal()
        }
        let fixedPosition = s.forecaster.cellPosition
        for e in 0..<s.elementCount {
            let u = rng.uniform() - 0.5  // drawn even when the position is fixed: streams stay aligned
            buffers.latent[e] = s.startLevel[e] + 2 * s.grid.halfCell * (fixedPosition ?? u)
        }
        for j in s.plan.effects.indices {
            var effectRNG = SeededGenerator(seed: s.plan.effects[j].randomKey ^ effectKey)
            effectSize[j] = s.plan.effects[j].size.sample(&effectRNG)
            imposedCap[j] = nil
        }
        happened.removeAll(keepingCapacity: true)
        for c in s.ceilings.indices { liftYear[c] = s.ceilings[c].liftYear }
        for k in 0..<s.componentCount { inProgressBefore[k] = s.startComponents[k] >= s.threshold }
    }

    /// Whether each background event happens this year (one uniform per event kind, every year,
    /// so the stream stays aligned whatever happens), and if so its effects' sizes.
    mutating func drawBackground(year t: Int, _ rng: inout SeededGenerator) {
        for b in s.backgroundProbability.indices {
            guard rng.uniform() < s.backgroundProbability[b] else { continue }
            for (j, rule) in s.backgroundRules[b].enumerated() {
                let onset = t + rule.onset
                for c in s.backgroundLifts[b][j] { liftYear[c] = min(liftYear[c], onset) }
                if rule.kind != .liftCeiling {
                    happened.append(
                        Happened(rule: rule, onset: onset, size: s.plan.background[b].effects[j].size.sample(&rng)))
                }
            }
        }
    }

    /// This year's slope changes, level shifts, stalls and caps from every active effect.
    mutating func applyEffects(year t: Int) {
        plain = s.effectRules.isEmpty && happened.isEmpty && s.ceilings.isEmpty
        guard !plain else { return }
        let n = s.elementCount
        buffers.slope.update(repeating: 0, count: n)
        buffers.levelShift.update(repeating: 0, count: n)
        buffers.stalled.update(repeating: false, count: n)
        buffers.cap.update(repeating: .infinity, count: n)
        s.ceilingCaps.withUnsafeBufferPointer { caps in
            for i in liftYear.indices where t < liftYear[i] {
                for e in 0..<n { buffers.cap[e] = min(buffers.cap[e], caps[i * n + e]) }
            }
        }
        for j in s.effectRules.indices {
            var imposed = imposedCap[j]
            apply(s.effectRules[j], onset: s.effectRules[j].onset, size: effectSize[j], year: t, imposed: &imposed)
            imposedCap[j] = imposed
        }
        for h in happened.indices {
            var none: [Double]? = nil
            apply(happened[h].rule, onset: happened[h].onset, size: happened[h].size, year: t, imposed: &none)
        }
    }

    /// One effect's contribution this year (`since` = 0 in the onset year).
    mutating func apply(_ a: EffectRule, onset: Int, size: Double, year t: Int, imposed: inout [Double]?) {
        let since = t - onset
        guard since >= 0 else { return }
        let active = a.duration.map { since < $0 } ?? true
        s.ruleElements.withUnsafeBufferPointer { all in
            let elements = UnsafeBufferPointer(rebasing: all[a.elements])
            switch a.kind {
            case .level:
                let ramp = Double(max(1, a.ramp))
                if since < a.ramp { for e in elements { buffers.levelShift[e] += size / ramp } }
                if let duration = a.duration, since == duration {
                    for e in elements { buffers.levelShift[e] -= size }
                }
            case .slope:
                if active { for e in elements { buffers.slope[e] += size } }
            case .stall:
                if since < Int(max(0, size).rounded()) { for e in elements { buffers.stalled[e] = true } }
            case .ceiling:
                guard active else { return }
                if imposed == nil {
                    var caps = [Double](repeating: .infinity, count: s.elementCount)
                    for e in elements { caps[e] = s.grid.levelAtOrBelow(max(size, s.grid.level(buffers.latent[e]))) }
                    imposed = caps
                }
                for e in elements { buffers.cap[e] = min(buffers.cap[e], imposed![e]) }
            case .liftCeiling:
                break
            }
        }
    }

    /// Move every latent, rate it, and score the year.
    mutating func step(draw r: Int, yearIndex yi: Int, year t: Int, recorder: PathRecorder?) {
        let yearCount = s.years.count
        var inProgress = 0
        var total = 0.0
        for k in 0..<s.componentCount {
            let count = s.componentStart[k + 1] - s.componentStart[k]
            // Divide, as Framework.componentScores does.
            let sum = componentRatingSum(k, draw: r, yearIndex: yi, recorder: recorder)
            let score = sum / Double(count)
            if let sumCounts {
                sumCounts.add(sum, component: k, yearIndex: yi)
            } else if keepComponents {
                values.pointer[(k * yearCount + yi) * draws + r] = score
            }
            total += score
            let now = score >= s.threshold
            crossed[k] = now && !inProgressBefore[k]
            inProgressBefore[k] = now
            if now {
                inProgress += 1
                if keepProgress { progress[r * yearCount + yi] |= 1 << UInt64(k) }
            }
        }
        if keepDistrict {
            values.pointer[(districtRow * yearCount + yi) * draws + r] = total / Double(s.componentCount)
        }
        guard inProgress >= s.needed else { return }
        advancedCount[yi] += 1
        advancedBits[yi * wordsPerYear + r / 64] |= 1 << UInt64(r % 64)
        guard advancedYear[r] == nil else { return }
        advancedYear[r] = t
        // Decisive: the components whose crossing this year made the district advanced, sharing the draw.
        let crossedNow = crossed
        addDecisive { crossedNow[$0] }
    }

    /// Add a newly advanced draw's decisive components (`crossed(k)`: component k crossed in the deciding year).
    @inline(__always)
    mutating func addDecisive(_ crossed: (Int) -> Bool) {
        var n = 0
        for k in 0..<s.componentCount where crossed(k) { n += 1 }
        decisiveDraws += 1
        for k in 0..<s.componentCount where crossed(k) { decisiveWeight[k] += 1 / Double(n) }
    }

    /// Move component k's latents one year and return the sum of their ratings: the fast loops
    /// on an equally spaced scale with nothing recorded, else the general one.
    @inline(__always)
    func componentRatingSum(_ k: Int, draw r: Int, yearIndex yi: Int, recorder: PathRecorder?) -> Double {
        let grid = s.grid
        let bottom = grid.lowest - grid.halfCell
        let top = grid.cellTop(grid.highest)
        let slots = s.componentStart[k]..<s.componentStart[k + 1]
        // A relaxation acts on the year's pace and leaves the pace's own evolution alone.
        let effective = s.relaxesPace ? max(pace[k] + s.extraPace[k], s.paceFloor[k]) : pace[k]
        var move = effective
        if move > 0 { move *= s.unstalledBoost }
        if recorder == nil, let unit = grid.step {
            let topIndex = Double(grid.values.count - 1)
            if plain {
                return Self.movePlain(
                    buffers.latent, order: s.order, slots, by: move, bottom: bottom, top: top,
                    lowest: grid.lowest, unit: unit, topIndex: topIndex)
            }
            return Self.moveWithEffects(
                buffers, order: s.order, slots, pace: effective, boost: s.unstalledBoost, bottom: bottom,
                top: top, lowest: grid.lowest, unit: unit, topIndex: topIndex)
        }
        return moveRated(
            slots, pace: effective, move: move, bottom: bottom, top: top, draw: r, yearIndex: yi, recorder: recorder)
    }

    /// The general move of one component's latents (any scale; each rating recorded when asked):
    /// `movePlain`'s or `moveWithEffects`'s arithmetic, rated through `LevelGrid.level`.
    func moveRated(
        _ slots: Range<Int>, pace effective: Double, move: Double, bottom: Double, top: Double,
        draw r: Int, yearIndex yi: Int, recorder: PathRecorder?
    ) -> Double {
        let b = buffers
        var sum = 0.0
        for j in slots {
            let e = s.order[j]
            if plain {
                b.latent[e] = min(max(b.latent[e] + move, bottom), top)
            } else {
                var m = effective + b.slope[e]
                if b.stalled[e] { m = min(m, 0) } else if m > 0 { m *= s.unstalledBoost }
                b.latent[e] = min(max(b.latent[e] + m + b.levelShift[e], bottom), min(top, b.cap[e]))
            }
            let rating = s.grid.level(b.latent[e])
            sum += rating
            if let recorder { recorder.set(rating, draw: r, yearIndex: yi, element: e) }
        }
        return sum
    }

    /// The common case — no effect, no ceiling, nothing recorded, equally spaced levels: move
    /// each latent of one component by the same amount and return the sum of their ratings.
    @inline(__always)
    static func movePlain(
        _ latent: UnsafeMutablePointer<Double>, order: [Int], _ slots: Range<Int>, by move: Double,
        bottom: Double, top: Double, lowest: Double, unit: Double, topIndex: Double
    ) -> Double {
        let inverse = 1 / unit
        var sum = 0.0
        order.withUnsafeBufferPointer { order in
            for j in slots {
                let e = order[j]
                let x = min(max(latent[e] + move, bottom), top)
                latent[e] = x
                // x ≥ bottom, so the argument is ≥ 0 and truncation is the floor.
                sum += lowest + unit * min(Double(Int((x - lowest) * inverse + 0.5)), topIndex)
            }
        }
        return sum
    }

    /// Per component, the share of the draws becoming advanced during the projection in which its
    /// crossing was decisive (a draw shared equally among the components crossing that year).
    func decisiveShare() -> [Double]? {
        decisiveDraws > 0 ? decisiveWeight.map { $0 / Double(decisiveDraws) } : nil
    }

    /// As `movePlain`, with this year's slopes, level shifts, stalls and caps per element.
    @inline(__always)
    static func moveWithEffects(
        _ b: ProjectionScratch, order: [Int], _ slots: Range<Int>, pace: Double, boost: Double,
        bottom: Double, top: Double, lowest: Double, unit: Double, topIndex: Double
    ) -> Double {
        let inverse = 1 / unit
        let latent = b.latent
        let slope = b.slope
        let levelShift = b.levelShift
        let cap = b.cap
        let stalled = b.stalled
        var sum = 0.0
        order.withUnsafeBufferPointer { order in
            for j in slots {
                let e = order[j]
                var m = pace + slope[e]
                if stalled[e] { m = min(m, 0) } else if m > 0 { m *= boost }
                let x = min(max(latent[e] + m + levelShift[e], bottom), min(top, cap[e]))
                latent[e] = x
                sum += lowest + unit * min(Double(Int((x - lowest) * inverse + 0.5)), topIndex)
            }
        }
        return sum
    }

    /// The kept summaries.
    func summary() -> DistrictProjection {
        let f = s.forecaster
        let yearCount = s.years.count
        var workspace = QuantileWorkspace(sampleSize: draws)
        let summaries: [[QuantileSummary]] = (0..<yearCount).map { yi in
            (0..<measureCount).map { m in
                let isDistrict = keepDistrict && m == measureCount - 1
                if !isDistrict, let sumCounts { return sumCounts.summary(component: m, yearIndex: yi, draws: draws) }
                let row = isDistrict ? districtRow : m
                return QuantileSummary.binned(
                    values.slice(from: (row * yearCount + yi) * draws, count: draws), workspace: &workspace)
            }
        }
        let pNow = s.advancedNow ? 1.0 : 0.0
        return DistrictProjection(
            district: f.districts[s.plan.district], latestYear: s.startYear,
            currentScore: f.framework.districtScore(componentScores: s.startComponents), advancedNow: s.advancedNow,
            years: s.years, summaries: summaries,
            pAdvanced: [pNow] + advancedCount.map { Double($0) / Double(draws) },
            advancedYear: advancedYear,
            decisiveShare: decisiveShare(),
            advancedBits: advancedBits)
    }
}
