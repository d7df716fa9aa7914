import RatingsData

/// How many draws had each rating sum, per component and projected year: what the integer
/// projection keeps for the components' percentiles instead of every draw's score.
///
/// A component's score is the sum of its elements' ratings over its element count, and ratings
/// are integer levels, so the score takes at most count × (highest − lowest)/g + 1 values (g: the
/// greatest common divisor of the levels' gaps; 21 values for a five-element component on a 1–5
/// scale). Counting the sums is exact: the order statistics, so the percentiles, are those of the
/// scores a draw computes (`Double(sum) / Double(count)`, as `Framework.componentScores` divides).
/// On the shipped framework it takes 12 KB a district where the scores took 11 MB at 10,000
/// draws; writing those four draws at a time into 140 rows 80 KB apart, and reading them back
/// twice for the percentiles, was about a third of the shipped benchmark's time (perf).
final class ComponentSumCounts {
    /// The most bins a district may hold (four 4-byte counters each); beyond it scores are kept per draw.
    static let maximumCounters = 1 << 20

    let years: Int
    /// Per component: its element count, its smallest possible sum, and its number of possible sums.
    let elementCount: [Int]
    let lowestSum: [Int]
    let width: [Int]
    /// The gcd of the levels' distances from the lowest: sums differ by multiples of it.
    let spacing: Int
    /// Component c's row for year index yi starts at bin `rowStart[c] + yi × width[c]`. Each bin
    /// has four counters side by side (`counts[4 × bin + i]`): lane i of the four-draw path
    /// counts into counter i, because neighbouring draws often share a bin and one counter would
    /// make each increment wait for the last (measured: the increments were a quarter of the
    /// lanes' bookkeeping). The four are added when summarised.
    let rowStart: [Int]
    let counts: UnsafeMutablePointer<Int32>
    /// Per component, its lowest sum as a double; 1/spacing.
    private let lowestSumValue: [Double]
    private let inverseSpacing: Double

    /// Counters for components of `sizes` elements on integer `levels` over `years` years; nil
    /// when that would take more than `maximumCounters` or a sum could leave the doubles' exact integers.
    init?(sizes: [Int], levels: [Int], years: Int) {
        guard let lowest = levels.min(), let highest = levels.max(), let largest = sizes.max(),
            Double(largest) * Double(max(abs(lowest), abs(highest))) < 0x1p52
        else { return nil }
        let g = levels.reduce(0) { Self.gcd($0, $1 - lowest) }
        spacing = max(1, g)
        self.years = years
        elementCount = sizes
        lowestSum = sizes.map { $0 * lowest }
        width = sizes.map { $0 * (highest - lowest) / max(1, g) + 1 }
        var start: [Int] = []
        var next = 0
        for w in width {
            start.append(next)
            next += w * years
        }
        guard Double(next) <= Double(Self.maximumCounters) else { return nil }
        rowStart = start
        lowestSumValue = lowestSum.map(Double.init)
        inverseSpacing = 1 / Double(spacing)
        counts = .allocate(capacity: 4 * max(1, next))
        counts.initialize(repeating: 0, count: 4 * max(1, next))
    }

    deinit { counts.deallocate() }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Count one draw whose component `c` summed to `sum` (an integer, as a double) in year index `yi`.
    @inline(__always)
    func add(_ sum: Double, component c: Int, yearIndex yi: Int) {
        // Exact: the sum less the lowest is a multiple of the spacing, so the quotient is an integer.
        counts[4 * (rowStart[c] + yi * width[c] + Int((sum - lowestSumValue[c]) / Double(spacing)))] &+= 1
    }

    /// Count the first `lanes` lanes of `sums`, lane i into counter i, as
    /// `add(_:component:yearIndex:)` counts one, without a division or a checked conversion per
    /// lane (those were a fifth of the lanes' bookkeeping).
    @inline(__always)
    func add(_ sums: SIMD4<Double>, lanes: Int, component c: Int, yearIndex yi: Int) {
        let row = counts + 4 * (rowStart[c] + yi * width[c])
        // (sum − lowest)/spacing is an integer in [0, 2²⁰); the product by 1/spacing is within a
        // few ulps of it, and adding 2⁵² rounds it to that integer in the double's low mantissa bits.
        let shifted = (sums - SIMD4(repeating: lowestSumValue[c])) * inverseSpacing + 0x1p52
        let bins = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) & 0xF_FFFF
        for i in 0..<lanes { row[4 * Int(truncatingIfNeeded: bins[i]) + i] &+= 1 }
    }

    /// The score of sum bin `b` of component `c`, as a draw computes it.
    @inline(__always)
    func score(bin b: Int, component c: Int) -> Double {
        Double(lowestSum[c] + b * spacing) / Double(elementCount[c])
    }

    /// Mean and type-7 percentiles of component `c`'s scores in year index `yi` over `n` draws:
    /// the percentiles equal `QuantileSummary(_:)` of the scores; the mean is their exact sum
    /// (an integer count of rating points) divided once.
    func summary(component c: Int, yearIndex yi: Int, draws n: Int) -> QuantileSummary {
        let first = counts + 4 * (rowStart[c] + yi * width[c])
        let row = (0..<width[c]).map { b in (0..<4).reduce(0) { $0 + Int(first[4 * b + $1]) } }
        var points = 0
        for b in 0..<width[c] { points += row[b] * (lowestSum[c] + b * spacing) }
        var q = [Double](repeating: 0, count: QuantileSummary.probabilities.count)
        for (j, p) in QuantileSummary.probabilities.enumerated() {
            let h = Double(n - 1) * p
            let lo = Int(h.rounded(.down))
            let low = orderStatistic(lo, row: row, component: c)
            let high = orderStatistic(min(lo + 1, n - 1), row: row, component: c)
            q[j] = low + (h - Double(lo)) * (high - low)
        }
        return QuantileSummary(
            mean: Double(points) / Double(elementCount[c] * n), p10: q[0], p50: q[1], p90: q[2])
    }

    /// The score of rank `rank` (0-based, ascending) in a row of counts.
    private func orderStatistic(_ rank: Int, row: [Int], component c: Int) -> Double {
        var below = 0
        for b in 0..<width[c] {
            below += row[b]
            if below > rank { return score(bin: b, component: c) }
        }
        return score(bin: width[c] - 1, component: c)
    }
}
