import Forecasting
import RatingsData

/// The pace a relaxed component moves at least at: a stated benchmark, so "relaxing Funding"
/// means the same thing in every district and every run.
public enum RelaxationBenchmark: String, CaseIterable, Sendable {
    /// The network's top-quartile pace for the component: the 75th percentile over districts of
    /// the fitted district × component paces (the default: fast, but seen in a quarter of districts).
    case topQuartile = "top-quartile"
    /// The fastest fitted pace any district shows for the component.
    case networkMax = "network-max"
    /// The district's own median component pace (the rule before benchmarks were stated).
    case districtMedian = "district-median"

    /// Points per year for component `k` of district `d`.
    public func pace(_ f: DriftForecaster, district d: Int, component k: Int) -> Double {
        let n = f.framework.components.count
        switch self {
        case .topQuartile: return ScoringRules.quantile(sorted: Self.networkPaces(f, component: k), 0.75)
        case .networkMax: return Self.networkPaces(f, component: k).last ?? 0
        case .districtMedian: return median(Array(f.drift[(d * n)..<((d + 1) * n)]))
        }
    }

    /// The fitted paces of component k over the forecaster's districts, sorted.
    static func networkPaces(_ f: DriftForecaster, component k: Int) -> [Double] {
        let n = f.framework.components.count
        return stride(from: k, to: f.drift.count, by: n).map { f.drift[$0] }.sorted()
    }
}
