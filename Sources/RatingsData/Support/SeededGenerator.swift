/// A small, fast, seedable random number generator (xoshiro256**, seeded by SplitMix64),
/// so that the same seed gives the same numbers on every machine and Swift version
/// (the standard library's generator is neither seedable nor stable).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    package var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator for `seed`; any value is fine (SplitMix64 spreads it over the 256-bit state).
    public init(seed: UInt64) {
        var s = seed
        func splitmix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix()
        s1 = splitmix()
        s2 = splitmix()
        s3 = splitmix()
    }

    package init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        self.s0 = s0
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    @inline(__always) func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 &- k)) }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal by the ziggurat method (Marsaglia & Tsang 2000, with Doornik's 2005
    /// correction of using separate bits for the layer and the coordinate): one 64-bit draw
    /// per normal in 99% of calls. Exact, not an approximation: rejections fall back to the density.
    public mutating func normal() -> Double { normal(ZigguratTable.normal) }

    /// The same, with the table passed in: hot loops fetch it once (the projection draws one
    /// normal per element-year, and a global's lazy-initialisation check each call costs more
    /// than the draw).
    @inline(__always)
    package mutating func normal(_ table: ZigguratTable) -> Double {
        let bits = next()
        let (x, accepted) = table.candidate(bits)
        return accepted ? x : normal(table, rejected: bits)
    }

    /// The ziggurat's slow path for a first draw `bits` that fell outside its layer's rectangle:
    /// the tail, the wedge test, and fresh draws until one is accepted. Shared with
    /// `SeededGenerator4`, so a lane gives exactly the numbers this generator would.
    package mutating func normal(_ table: ZigguratTable, rejected first: UInt64) -> Double {
        var bits = first
        while true {
            let (x, accepted) = table.candidate(bits)
            if accepted { return x }
            let layer = Int(bits & 0xFF)
            if layer == 0 { return tail(negative: x < 0, start: table.x[1]) }
            let y = table.f[layer + 1] + (table.f[layer] - table.f[layer + 1]) * uniform()
            if y < exp(-0.5 * x * x) { return x }
            bits = next()
        }
    }

    /// A draw from the normal tail beyond `start` (Marsaglia 1964).
    mutating func tail(negative: Bool, start r: Double) -> Double {
        while true {
            let x = log(1 - uniform()) / r
            let y = log(1 - uniform())
            if -2 * y >= x * x { return negative ? x - r : r - x }
        }
    }
}

/// The 256 layers of the normal ziggurat: `x[i]` are the layers' right edges from the
/// base strip (x[0] = v/f(r), wider than r so the base layer's area matches) down to x[256] = 0,
/// `f[i] = exp(−x[i]²/2)`. r and v for 256 layers are Marsaglia & Tsang's.
package struct ZigguratTable: @unchecked Sendable {
    /// Immutable after creation and never freed (the table lives as long as the process), so
    /// plain pointers: no reference counting or bounds checks in the inner loop.
    package let x: UnsafePointer<Double>
    package let f: UnsafePointer<Double>

    package static let normal: ZigguratTable = {
        let layers = 256
        let r = 3.6541528853610088
        let v = 0.00492867323399
        let x = UnsafeMutablePointer<Double>.allocate(capacity: layers + 1)
        let f = UnsafeMutablePointer<Double>.allocate(capacity: layers + 1)
        x[0] = v / exp(-0.5 * r * r)
        x[1] = r
        for i in 2..<layers {
            x[i] = (-2 * log(v / x[i - 1] + exp(-0.5 * x[i - 1] * x[i - 1]))).squareRoot()
        }
        x[layers] = 0
        for i in 0...layers { f[i] = exp(-0.5 * x[i] * x[i]) }
        return ZigguratTable(x: x, f: f)
    }()

    /// The candidate point of a 64-bit draw: layer from the low 8 bits, a uniform on [−1, 1)
    /// from the top 52, scaled to the layer's width; accepted when inside the layer's rectangle.
    @inline(__always)
    package func candidate(_ bits: UInt64) -> (x: Double, accepted: Bool) {
        let layer = Int(bits & 0xFF)
        let u = Double(bitPattern: (bits &>> 12) | 0x4000_0000_0000_0000) - 3
        let x = u * self.x[layer]
        return (x, abs(x) < self.x[layer + 1])
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
