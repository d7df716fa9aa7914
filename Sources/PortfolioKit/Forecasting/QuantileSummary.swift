/// Mean and 10th, 50th and 90th percentiles of a sample.
public struct QuantileSummary: Equatable, Sendable {
    public var mean: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double

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
}
