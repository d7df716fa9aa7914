/// Mean and 10th, 50th and 90th percentiles of a sample.
public struct QuantileSummary: Equatable, Sendable {
    public var mean: Double
    public var p10: Double
    public var p50: Double
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

    public init(constant x: Double) { mean = x; p10 = x; p50 = x; p90 = x }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The same summary of values known to lie in [lower, upper], without sorting them all —
    /// the projection summarises millions of samples. One pass counts the values into bins;
    /// a second collects only the few bins holding the six order statistics type 7 needs, and
    /// only those are sorted. Exact: equal to `init(_:)` except for the summation order of the mean.
    static func binned(_ values: UnsafeBufferPointer<Double>, within lower: Double, _ upper: Double,
                       workspace w: inout QuantileWorkspace) -> QuantileSummary {
        let n = values.count
        guard n >= 64, upper > lower else { return QuantileSummary(Array(values)) }
        let bins = w.counts.count / 4
        let scale = Double(bins) / (upper - lower)
        @inline(__always) func bin(_ v: Double) -> Int { min(max(Int((v - lower) * scale), 0), bins - 1) }
        // Four interleaved histograms and four partial sums: neighbouring values often share a
        // bin, and one counter (or one running sum) would make every step wait for the last.
        var sums = SIMD4<Double>.zero
        w.counts.withUnsafeMutableBufferPointer { counts in
            for b in 0..<(4 * bins) { counts[b] = 0 }
            var i = 0
            while i + 4 <= n {
                let v = SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3])
                sums += v
                counts[bin(v[0])] &+= 1
                counts[bins + bin(v[1])] &+= 1
                counts[2 * bins + bin(v[2])] &+= 1
                counts[3 * bins + bin(v[3])] &+= 1
                i += 4
            }
            while i < n { sums[0] += values[i]; counts[bin(values[i])] &+= 1; i += 1 }
            for b in 0..<bins { counts[b] &+= counts[bins + b] &+ counts[2 * bins + b] &+ counts[3 * bins + b] }
        }
        let sum = sums.sum()
        // The order statistics needed: ⌊h⌋ and ⌊h⌋ + 1 for each probability, ascending.
        var ranks: [Int] = []
        for p in QuantileSummary.probabilities {
            let r = Int((Double(n - 1) * p).rounded(.down))
            ranks.append(r); ranks.append(min(r + 1, n - 1))
        }
        // Locate each rank's bin and the number of values in the bins below it.
        var rankBin = [Int](repeating: 0, count: ranks.count)
        var below = [Int](repeating: 0, count: ranks.count)
        var cumulative = 0, b = 0
        for (i, r) in ranks.enumerated() {
            while cumulative + Int(w.counts[b]) <= r { cumulative += Int(w.counts[b]); b += 1 }
            rankBin[i] = b; below[i] = cumulative
        }
        var slots = 0
        for b in rankBin where w.slotOfBin[b] < 0 {
            w.slotOfBin[b] = slots
            w.gathered[slots].removeAll(keepingCapacity: true)
            slots += 1
        }
        w.slotOfBin.withUnsafeBufferPointer { slotOfBin in
            for v in values {
                let s = slotOfBin[bin(v)]
                if s >= 0 { w.gathered[s].append(v) }
            }
        }
        for s in 0..<slots { w.gathered[s].sort() }
        func order(_ i: Int) -> Double { w.gathered[w.slotOfBin[rankBin[i]]][ranks[i] - below[i]] }
        var q = [Double](repeating: 0, count: 3)
        for (j, p) in QuantileSummary.probabilities.enumerated() {
            let h = Double(n - 1) * p
            let lo = order(2 * j), hi = order(2 * j + 1)
            q[j] = lo + (h - h.rounded(.down)) * (hi - lo)
        }
        for b in rankBin { w.slotOfBin[b] = -1 }
        return QuantileSummary(mean: sum / Double(n), p10: q[0], p50: q[1], p90: q[2])
    }

    init(mean: Double, p10: Double, p50: Double, p90: Double) {
        self.mean = mean; self.p10 = p10; self.p50 = p50; self.p90 = p90
    }
}

/// Reusable buffers for `QuantileSummary`'s binned selection (one per thread).
struct QuantileWorkspace {
    var counts: [Int32]
    var slotOfBin: [Int]
    var gathered: [[Double]]

    /// About eight values per bin, between 64 and 1,024 bins.
    init(sampleSize: Int) {
        let bins = min(1024, max(64, sampleSize / 8))
        counts = [Int32](repeating: 0, count: 4 * bins)
        slotOfBin = [Int](repeating: -1, count: bins)
        gathered = [[Double]](repeating: [], count: 2 * QuantileSummary.probabilities.count)
    }
}
