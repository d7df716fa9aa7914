import ProjectionKernel
import RatingsData

/// The integer projection's element step for four draws in SIMD lanes: move every latent of a
/// district by its component's move, clamp it to the scale's outer cells, rate it, and sum
/// each component's ratings (the caller divides by the element count, as
/// `Framework.componentScores` does, and counts the sums for the percentiles).
///
/// Two implementations with the same arithmetic: the AVX kernel in `ProjectionKernel` (one
/// instruction per operation on four lanes) where the CPU has AVX, and this file's SSE2 Swift
/// (two). Both give the scalar path's doubles bit for bit — `LaneStepTests` checks the two
/// against each other and `IntegerProjectionTests` the lanes against the scalar path. The AVX
/// kernel made the national benchmark (13,000 districts × 1,000 draws × 20 years) about a fifth
/// faster; `Benchmarks/README.md` has the figures.
struct LaneStep {
    typealias Lanes = SIMD4<Double>

    /// The latent's bounds, lane-wide.
    let bottom: Double, top: Double
    /// The scale's first level, its spacing and the spacing's inverse; the highest level's index.
    let lowest: Double, unit: Double, inverse: Double, topIndex: Double
    /// Component k's slots are `componentStart[k] ..< componentStart[k + 1]`.
    let componentStart: [Int]
    /// Whether to run the AVX kernel (the CPU has AVX, and the caller did not ask for Swift).
    let vector: Bool

    static let cpuHasAVX = projection_kernel_has_avx()

    init(grid: LevelGrid, unit: Double, componentStart: [Int], allowVector: Bool = true) {
        bottom = grid.lowest - grid.halfCell
        top = grid.cellTop(grid.highest)
        lowest = grid.lowest
        self.unit = unit
        inverse = 1 / unit
        topIndex = Double(grid.values.count - 1)
        self.componentStart = componentStart
        vector = allowVector && Self.cpuHasAVX
    }

    /// One year: `latent` (one `Lanes` per slot) moves in place by `move[k]` for component k's
    /// slots; `sums[k]` receives the sum of component k's ratings.
    func year(latent: UnsafeMutablePointer<Lanes>, move: UnsafePointer<Lanes>, sums: UnsafeMutablePointer<Lanes>) {
        let k = componentStart.count - 1
        if vector {
            componentStart.withUnsafeBufferPointer { start in
                projection_kernel_year_avx(
                    UnsafeMutableRawPointer(latent).assumingMemoryBound(to: Double.self),
                    start.baseAddress!, k, UnsafeRawPointer(move).assumingMemoryBound(to: Double.self),
                    bottom, top, lowest, unit, inverse, topIndex,
                    UnsafeMutableRawPointer(sums).assumingMemoryBound(to: Double.self))
            }
            return
        }
        for c in 0..<k { sums[c] = component(c, latent: latent, move: move[c]) }
    }

    /// One component's year in SSE2 Swift.
    @inline(__always)
    func component(_ c: Int, latent: UnsafeMutablePointer<Lanes>, move: Lanes) -> Lanes {
        let bottom = Lanes(repeating: bottom)
        let top = Lanes(repeating: top)
        let topIndex = Lanes(repeating: topIndex)
        var sum = Lanes.zero
        for j in componentStart[c]..<componentStart[c + 1] {
            let y = Self.lanesMin(Self.lanesMax(latent[j] + move, bottom), top)
            latent[j] = y
            sum += lowest + unit * Self.levelIndex((y - lowest) * inverse + 0.5, top: topIndex)
        }
        return sum
    }

    /// min(⌊v⌋, top) lane-wise, the floor the AVX kernel takes in one instruction: adding and
    /// subtracting 2⁵² rounds to the nearest integer (ties to even), and one step down where that
    /// went above v gives the floor — no per-lane conversion to Int (SSE2 has none without a
    /// range check). Here v ≥ 0: levels are integers (`RatingLevel.value`), so the bottom
    /// lowest − step/2 and (y − lowest)/step + 0.5 at it are exact, and the result is the scalar
    /// path's min(Double(Int(v)), top).
    @inline(__always)
    static func levelIndex(_ v: Lanes, top: Lanes) -> Lanes {
        let magic = Lanes(repeating: 0x1p52)
        let nearest = (v + magic) - magic
        return lanesMin(nearest - lanesOne(where: nearest, above: v), top)
    }

    // Lane-wise min, max and a 0/1 comparison written as per-lane selects: LLVM turns these into
    // one minpd/maxpd/cmppd+andpd each, where `replacing(with:where:)` costs a four-instruction
    // blend (measured: the element step went from about 19 to 11 instructions per element-year).
    // They agree with Swift's `min`/`max` on Doubles here (no NaN reaches them; equal values are
    // equal), and with the AVX kernel's vminpd/vmaxpd, which select the same way.

    @inline(__always)
    static func lanesMin(_ a: Lanes, _ b: Lanes) -> Lanes {
        Lanes(
            a[0] < b[0] ? a[0] : b[0], a[1] < b[1] ? a[1] : b[1], a[2] < b[2] ? a[2] : b[2], a[3] < b[3] ? a[3] : b[3])
    }

    @inline(__always)
    static func lanesMax(_ a: Lanes, _ b: Lanes) -> Lanes {
        Lanes(
            a[0] > b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1], a[2] > b[2] ? a[2] : b[2], a[3] > b[3] ? a[3] : b[3])
    }

    /// 1 in the lanes where a > b, else 0.
    @inline(__always)
    static func lanesOne(where a: Lanes, above b: Lanes) -> Lanes {
        Lanes(a[0] > b[0] ? 1 : 0, a[1] > b[1] ? 1 : 0, a[2] > b[2] ? 1 : 0, a[3] > b[3] ? 1 : 0)
    }
}
