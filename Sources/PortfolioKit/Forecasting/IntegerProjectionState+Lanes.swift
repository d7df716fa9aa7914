/// Four draws at once in SIMD lanes, for the common case at national scale: a district with no
/// lever effect, no background event, no ceiling, nothing recorded, on an equally spaced scale.
///
/// Lane i of a group is draw r0 + i with exactly the stream and the arithmetic the scalar
/// `simulate` gives it (`SeededGenerator4` lane i is `SeededGenerator` i; uniforms and normals are
/// drawn in the same order; the rounding to a level is the same expression), so results do not
/// depend on the path taken — `IntegerProjectionTests` checks that draw by draw.
extension IntegerProjectionState {
    typealias Lanes = SIMD4<Double>

    /// Whether `simulateLanes` may run this district.
    var lanesApply: Bool {
        s.plan.effects.isEmpty && s.plan.background.isEmpty && s.ceilings.isEmpty && s.grid.step != nil
    }

    /// Simulate draws r0 ..< r0 + lanes (lanes ≤ 4; a padding lane is computed and discarded).
    mutating func simulateLanes(r0: Int, lanes: Int, seeds: SIMD4<UInt64>) {
        var rng = SeededGenerator4(seeds: seeds)
        let zig = ZigguratTable.normal
        let k = s.componentCount, unit = s.grid.step!
        var pace = [Lanes](repeating: .zero, count: k)
        for c in 0..<k {
            pace[c] = s.drift[c] + s.driftSD[c] * rng.normal(zig)
        }
        let fixed = s.forecaster.cellPosition
        // Latents in slot order (components' elements contiguous); drawn in element order, as the scalar path does.
        let latent = UnsafeMutablePointer<Lanes>.allocate(capacity: max(1, s.elementCount))
        defer { latent.deallocate() }
        for e in 0..<s.elementCount {
            let u = Lanes(rng.next() &>> 11) * 0x1p-53 - 0.5
            (latent + s.slotOf[e]).initialize(to: s.startLevel[e] + 2 * s.grid.halfCell * (fixed.map { Lanes(repeating: $0) } ?? u))
        }
        var before = (0..<k).map { SIMDMask<SIMD4<Int64>>(repeating: s.startComponents[$0] >= s.threshold) }
        if s.advancedNow { for i in 0..<lanes { advancedYear[r0 + i] = s.startYear } }
        let bottom = Lanes(repeating: s.grid.lowest - s.grid.halfCell), top = Lanes(repeating: s.grid.cellTop(s.grid.highest))
        let lowest = s.grid.lowest, inverse = 1 / unit, topIndex = Lanes(repeating: Double(s.grid.values.count - 1))
        var crossedNow = [SIMDMask<SIMD4<Int64>>](repeating: .init(repeating: false), count: k)
        for yi in s.years.indices {
            if s.persistence < 1 {
                let shared = s.commonShockSD * rng.normal(zig)
                for c in 0..<k {
                    let own = s.ownShockSD * rng.normal(zig)
                    pace[c] = s.networkPace[c] + s.persistence * (pace[c] - s.networkPace[c]) + shared + own
                }
            }
            var inProgress = SIMD4<Int64>.zero, total = Lanes.zero
            for c in 0..<k {
                var effective = pace[c]
                if s.relaxesPace {  // as the scalar path: max(pace + extra, floor), the pace's evolution untouched
                    effective += s.extraPace[c]
                    effective = effective.replacing(with: Lanes(repeating: s.paceFloor[c]), where: effective .< s.paceFloor[c])
                }
                let move = effective.replacing(with: effective * s.unstalledBoost, where: effective .> 0)
                var sum = Lanes.zero
                for j in s.componentStart[c]..<s.componentStart[c + 1] {
                    let y = Self.lanesMin(Self.lanesMax(latent[j] + move, bottom), top)
                    latent[j] = y
                    sum += lowest + unit * Self.levelIndex((y - lowest) * inverse + 0.5, top: topIndex)
                }
                let score = sum / Double(s.componentStart[c + 1] - s.componentStart[c])
                if keepComponents { store(score, measure: c, yearIndex: yi, r0: r0, lanes: lanes) }
                total += score
                let now = score .>= s.threshold
                crossedNow[c] = now .& .!before[c]
                before[c] = now
                inProgress &+= SIMD4<Int64>.zero.replacing(with: 1, where: now)
                if keepProgress {
                    for i in 0..<lanes where now[i] { progress[(r0 + i) * s.years.count + yi] |= 1 << UInt64(c) }
                }
            }
            if keepDistrict { store(total / Double(k), measure: measureCount - 1, yearIndex: yi, r0: r0, lanes: lanes) }
            for i in 0..<lanes where inProgress[i] >= s.needed {
                let first = advancedYear[r0 + i] == nil
                record(advancedDraw: r0 + i, yearIndex: yi, crossed: first ? (0..<k).filter { crossedNow[$0][i] } : [])
            }
        }
    }

    /// min(⌊v⌋, top) lane-wise for 0 ≤ v < 2⁵¹, exactly the scalar path's min(Double(Int(v)), top):
    /// adding and subtracting 2⁵² rounds to the nearest integer (ties to even), and one step down
    /// where that went above v gives the floor — no per-lane conversion to Int (SSE2 has none
    /// without a range check).
    @inline(__always)
    static func levelIndex(_ v: Lanes, top: Lanes) -> Lanes {
        let magic = Lanes(repeating: 0x1p52)
        let nearest = (v + magic) - magic
        return lanesMin(nearest - lanesOne(where: nearest, above: v), top)
    }

    // Lane-wise min, max and a 0/1 comparison written as per-lane selects: LLVM turns these into
    // one minpd/maxpd/cmppd+andpd each, where `replacing(with:where:)` costs a four-instruction
    // blend (measured: the element step went from about 19 to 11 instructions per element-year).
    // They agree with Swift's `min`/`max` on Doubles here (no NaN reaches them; equal values are equal).

    @inline(__always)
    static func lanesMin(_ a: Lanes, _ b: Lanes) -> Lanes {
        Lanes(a[0] < b[0] ? a[0] : b[0], a[1] < b[1] ? a[1] : b[1], a[2] < b[2] ? a[2] : b[2], a[3] < b[3] ? a[3] : b[3])
    }

    @inline(__always)
    static func lanesMax(_ a: Lanes, _ b: Lanes) -> Lanes {
        Lanes(a[0] > b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1], a[2] > b[2] ? a[2] : b[2], a[3] > b[3] ? a[3] : b[3])
    }

    /// 1 in the lanes where a > b, else 0.
    @inline(__always)
    static func lanesOne(where a: Lanes, above b: Lanes) -> Lanes {
        Lanes(a[0] > b[0] ? 1 : 0, a[1] > b[1] ? 1 : 0, a[2] > b[2] ? 1 : 0, a[3] > b[3] ? 1 : 0)
    }

    /// Keep the lanes' values of one measure in one year.
    mutating func store(_ v: Lanes, measure: Int, yearIndex yi: Int, r0: Int, lanes: Int) {
        let base = (measure * s.years.count + yi) * draws + r0
        for i in 0..<lanes { values[base + i] = v[i] }
    }

    /// A draw advanced in a year: counts, bits, first year and the decisive components (as `step`).
    mutating func record(advancedDraw r: Int, yearIndex yi: Int, crossed: [Int]) {
        advancedCount[yi] += 1
        advancedBits[yi * wordsPerYear + r / 64] |= 1 << UInt64(r % 64)
        guard advancedYear[r] == nil else { return }
        advancedYear[r] = s.years[yi]
        decisive[r] = crossed
    }
}
