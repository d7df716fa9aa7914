import RatingsData

/// Mean and 10th, 50th and 90th percentiles of a sample.
public struct QuantileSummary: Equatable, Sendable {
    /// Mean of the draws.
    public var mean: Double
    /// 10th percentile of the draws (type 7, as numpy's default).
    public var p10: Double
    /// Median of the draws (type 7).
    public var p50: Double
    /// 90th percentile of the draws (type 7).
    public var p90: Double

    static let probabilities = [0.1, 0.5, 0.9]

    /// Percentiles by linear interpolation between order statistics (numpy's default, "type 7").
    public init(_ values: [Double]) {
        let s = values.sorted()
        mean = s.reduce(0, +) / Double(s.count)
        p10 = QuantileSummary.quantile(s, 0.1)
        p50 = QuantileSummary.quantile(s, 0.5)
        p90 = QuantileSummary.quantile(s, 0.9)
    }

    /// The summary of draws that all equal `x`.
    public init(constant x: Double) {
        mean = x
        p10 = x
        p50 = x
        p90 = x
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The same summary, without sorting all the values — the projection summarises millions of
    /// samples. One pass finds the sample's range; one counts the values into bins spanning it
    /// (about eight values a bin) and keeps each bin's smallest and largest value; an order
    /// statistic in a bin holding one distinct value is that value. The integer projection's
    /// measures take few distinct values (a component's score is a sum of levels over its element
    /// count), so that is the common case; otherwise a last pass collects only the bins holding
    /// the six order statistics type 7 needs, and only those (a handful of values each) are
    /// sorted. Exact: equal to `init(_:)` except for the summation order of the mean.
    static func binned(_ values: UnsafeBufferPointer<Double>, workspace w: inout QuantileWorkspace) -> QuantileSummary {
        let n = values.count
        guard n >= 64 else { return QuantileSummary(Array(values)) }
        let (lower, upper, sum) = rangeAndSum(values)
        guard upper > lower else { return QuantileSummary(mean: sum / Double(n), p10: lower, p50: lower, p90: lower) }
        w.histogram(values, within: lower, upper)
        // The order statistics needed: ⌊h⌋ and ⌊h⌋ + 1 for each probability, ascending.
        var ranks: [Int] = []
        for p in QuantileSummary.probabilities {
            let r = Int((Double(n - 1) * p).rounded(.down))
            ranks.append(r)
            ranks.append(min(r + 1, n - 1))
        }
        let statistics = w.orderStatistics(ranks, of: values, within: lower, upper)
        var q = [Double](repeating: 0, count: 3)
        for (j, p) in QuantileSummary.probabilities.enumerated() {
            let h = Double(n - 1) * p
            let lo = statistics[2 * j]
            let hi = statistics[2 * j + 1]
            q[j] = lo + (h - h.rounded(.down)) * (hi - lo)
        }
        return QuantileSummary(mean: sum / Double(n), p10: q[0], p50: q[1], p90: q[2])
    }

    /// The smallest and largest of the values (at least one), and their sum in four partial sums.
    static func rangeAndSum(_ values: UnsafeBufferPointer<Double>) -> (Double, Double, Double) {
        var low = SIMD4<Double>(repeating: values[0])
        var high = low
        var sums = SIMD4<Double>.zero
        var i = 0
        while i + 4 <= values.count {
            let v = SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3])
            sums += v
            low = low.replacing(with: v, where: v .< low)
            high = high.replacing(with: v, where: v .> high)
            i += 4
        }
        while i < values.count {
            sums[0] += values[i]
            low[0] = min(low[0], values[i])
            high[0] = max(high[0], values[i])
            i += 1
        }
        return (low.min(), high.max(), sums.sum())
    }

    init(mean: Double, p10: Double, p50: Double, p90: Double) {
        self.mean = mean
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }
}

/// Reusable buffers for `QuantileSummary`'s binned selection (one per thread).
struct QuantileWorkspace {
    var counts: [Int32]
    /// Per bin, the smallest and largest value counted in the last `histogram`.
    var low: [Double]
    var high: [Double]
    var slotOfBin: [Int]
    var gathered: [[Double]]

    /// About eight values per bin, between 64 and 1,024 bins.
    init(sampleSize: Int) {
        let bins = min(1024, max(64, sampleSize / 8))
        counts = [Int32](repeating: 0, count: 4 * bins)
        low = [Double](repeating: .infinity, count: bins)
        high = [Double](repeating: -.infinity, count: bins)
        slotOfBin = [Int](repeating: -1, count: bins)
        gathered = [[Double]](repeating: [], count: 2 * QuantileSummary.probabilities.count)
    }

    var bins: Int { low.count }

    /// The bin of `v`: bins of width 1/`scale` from `lower`, the outermost taking what lies beyond.
    @inline(__always)
    static func bin(_ v: Double, lower: Double, scale: Double, bins: Int) -> Int {
        min(max(Int((v - lower) * scale), 0), bins - 1)
    }

    /// Count `values` (within [lower, upper]) into the bins (`counts[0..<bins]`) and keep each bin's extremes.
    mutating func histogram(_ values: UnsafeBufferPointer<Double>, within lower: Double, _ upper: Double) {
        let bins = self.bins
        let n = values.count
        let scale = Double(bins) / (upper - lower)
        counts.withUnsafeMutableBufferPointer { counts in
            low.withUnsafeMutableBufferPointer { low in
                high.withUnsafeMutableBufferPointer { high in
                    for b in 0..<(4 * bins) { counts[b] = 0 }
                    for b in 0..<bins {
                        low[b] = .infinity
                        high[b] = -.infinity
                    }
                    // Four interleaved histograms: neighbouring values often share a bin, and
                    // one counter would make every step wait for the last.
                    for i in 0..<n {
                        let v = values[i]
                        let b = Self.bin(v, lower: lower, scale: scale, bins: bins)
                        counts[(i & 3) * bins + b] &+= 1
                        if v < low[b] { low[b] = v }
                        if v > high[b] { high[b] = v }
                    }
                    for b in 0..<bins { counts[b] &+= counts[bins + b] &+ counts[2 * bins + b] &+ counts[3 * bins + b] }
                }
            }
        }
    }

    /// The order statistics of the given ascending ranks (0-based) of the values last counted by
    /// `histogram`: read off a bin holding one distinct value, else found by sorting that bin's values.
    mutating func orderStatistics(
        _ ranks: [Int], of values: UnsafeBufferPointer<Double>,
        within lower: Double, _ upper: Double
    ) -> [Double] {
        // Locate each rank's bin and the number of values in the bins below it.
        var rankBin = [Int](repeating: 0, count: ranks.count)
        var below = [Int](repeating: 0, count: ranks.count)
        var cumulative = 0
        var b = 0
        for (i, r) in ranks.enumerated() {
            while cumulative + Int(counts[b]) <= r {
                cumulative += Int(counts[b])
                b += 1
            }
            rankBin[i] = b
            below[i] = cumulative
        }
        var slots = 0
        for b in rankBin where low[b] != high[b] && slotOfBin[b] < 0 {
            slotOfBin[b] = slots
            gathered[slots].removeAll(keepingCapacity: true)
            slots += 1
        }
        if slots > 0 { gather(values, scale: Double(bins) / (upper - lower), lower: lower) }
        for s in 0..<slots { gathered[s].sort() }
        let statistics = ranks.indices.map { i in
            low[rankBin[i]] == high[rankBin[i]] ? low[rankBin[i]] : gathered[slotOfBin[rankBin[i]]][ranks[i] - below[i]]
        }
        for b in rankBin { slotOfBin[b] = -1 }
        return statistics
    }

    /// Collect the values of the bins that have a slot.
    private mutating func gather(_ values: UnsafeBufferPointer<Double>, scale: Double, lower: Double) {
        let bins = self.bins
        slotOfBin.withUnsafeBufferPointer { slotOfBin in
            for v in values {
                let s = slotOfBin[Self.bin(v, lower: lower, scale: scale, bins: bins)]
                if s >= 0 { gathered[s].append(v) }
            }
        }
    }
}

/// The smallest year by which a share p of the draws has arrived (nil: not by the horizon);
/// also `DistrictProjection.advancedYearQuantile`.
package func yearQuantile(_ years: [Int?], _ p: Double) -> Int? {
    guard !years.isEmpty else { return nil }
    let sorted = years.map { $0 ?? Int.max }.sorted()
    let y = sorted[min(max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1), sorted.count - 1)]
    return y == Int.max ? nil : y
}
