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
    /// The most counters a district may hold (4 bytes each); beyond it scores are kept per draw.
    static let maximumCounters = 1 << 22

    let years: Int
    /// Per component: its element count, its smallest possible sum, and its number of possible sums.
    let elementCount: [Int]
    let lowestSum: [Int]
    let width: [Int]
    /// The gcd of the levels' distances from the lowest: sums differ by multiples of it.
    let spacing: Int
    /// Component c's row for year index yi starts at `rowStart[c] + yi × width[c]`.
    let rowStart: [Int]
    let counts: UnsafeMutablePointer<Int32>

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
        counts = .allocate(capacity: max(1, next))
        counts.initialize(repeating: 0, count: max(1, next))
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
        counts[rowStart[c] + yi * width[c] + Int((sum - Double(lowestSum[c])) / Double(spacing))] &+= 1
    }

    /// Count the first `lanes` lanes of `sums`, as `add(_:component:yearIndex:)` does one (one
    /// vector division instead of four integer ones: those were a fifth of the lanes' bookkeeping).
    @inline(__always)
    func add(_ sums: SIMD4<Double>, lanes: Int, component c: Int, yearIndex yi: Int) {
        let row = counts + rowStart[c] + yi * width[c]
        let bins = (sums - SIMD4(repeating: Double(lowestSum[c]))) / SIMD4(repeating: Double(spacing))
        for i in 0..<lanes { row[Int(bins[i])] &+= 1 }
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
        let row = counts + rowStart[c] + yi * width[c]
        var points = 0
        for b in 0..<width[c] { points += Int(row[b]) * (lowestSum[c] + b * spacing) }
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
    private func orderStatistic(_ rank: Int, row: UnsafeMutablePointer<Int32>, component c: Int) -> Double {
        var below = 0
        for b in 0..<width[c] {
            below += Int(row[b])
            if below > rank { return score(bin: b, component: c) }
        }
        return score(bin: width[c] - 1, component: c)
    }
}
