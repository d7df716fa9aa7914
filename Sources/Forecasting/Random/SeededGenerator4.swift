import RatingsData

/// Four `SeededGenerator` streams advanced together in SIMD lanes.
///
/// Lane i produces exactly the numbers a `SeededGenerator` with lane i's seed would: the
/// xoshiro256** step is the same integer arithmetic lane-wise, the ziggurat's fast path is
/// the same floating-point arithmetic, and a lane whose candidate is rejected (about 1% of
/// draws) finishes with the scalar generator's slow path on that lane's state. The projection
/// runs four draws at once this way; results do not depend on how draws are grouped.
struct SeededGenerator4 {
    var s0: SIMD4<UInt64>, s1: SIMD4<UInt64>, s2: SIMD4<UInt64>, s3: SIMD4<UInt64>

    init(seeds: SIMD4<UInt64>) {
        s0 = .zero
        s1 = .zero
        s2 = .zero
        s3 = .zero
        for i in 0..<4 { setLane(i, SeededGenerator(seed: seeds[i])) }
    }

    func lane(_ i: Int) -> SeededGenerator { SeededGenerator(state: s0[i], s1[i], s2[i], s3[i]) }

    mutating func setLane(_ i: Int, _ g: SeededGenerator) {
        s0[i] = g.s0
        s1[i] = g.s1
        s2[i] = g.s2
        s3[i] = g.s3
    }

    @inline(__always)
    static func rotate(_ x: SIMD4<UInt64>, _ k: UInt64) -> SIMD4<UInt64> { (x &<< k) | (x &>> (64 &- k)) }

    @inline(__always)
    mutating func next() -> SIMD4<UInt64> {
        let times5 = (s1 &<< 2) &+ s1
        let rotated = SeededGenerator4.rotate(times5, 7)
        let result = (rotated &<< 3) &+ rotated  // × 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SeededGenerator4.rotate(s3, 45)
        return result
    }

    /// Four standard normals, one per lane (see `SeededGenerator.normal`).
    @inline(__always)
    mutating func normal(_ table: ZigguratTable) -> SIMD4<Double> {
        let bits = next()
        let layer = SIMD4<Int>(truncatingIfNeeded: bits & 0xFF)
        let u = unsafeBitCast((bits &>> 12) | 0x4000_0000_0000_0000, to: SIMD4<Double>.self) - 3
        let width = SIMD4(table.x[layer[0]], table.x[layer[1]], table.x[layer[2]], table.x[layer[3]])
        let inner = SIMD4(table.x[layer[0] + 1], table.x[layer[1] + 1], table.x[layer[2] + 1], table.x[layer[3] + 1])
        var x = u * width
        let accepted = abs(x) .< inner
        if _fastPath(all(accepted)) { return x }
        for i in 0..<4 where !accepted[i] {
            var g = lane(i)
            x[i] = g.normal(table, rejected: bits[i])
            setLane(i, g)
        }
        return x
    }
}

@inline(__always)
private func abs(_ v: SIMD4<Double>) -> SIMD4<Double> { v.replacing(with: -v, where: v .< 0) }
