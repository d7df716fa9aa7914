import Foundation
import RatingsData

/// Events of one lever per district-year in an events file, with an exact 95% interval.
///
/// Exposure: the events file is taken to cover every panel district in every year from its
/// first to its last dated event (any lever); the count is that lever's events in those
/// district-years. The interval is Garwood's exact Poisson interval for the count, divided by
/// the exposure. On the shipped events file: 34 leadership turnovers in 25 districts × 12 years
/// (2008–2019), 0.113 a district-year (95%: 0.079–0.158).
public struct EventRate: Sendable, Equatable {
    /// The lever counted (the events file's `lever` column).
    public var leverID: String
    /// Its events among the panel's districts in `firstYear...lastYear`.
    public var events: Int
    /// District-years observed.
    public var exposure: Int
    /// The first and last years of any event (any lever) of a panel district: the window the
    /// exposure covers.
    public var firstYear: Int
    /// See `firstYear`.
    public var lastYear: Int

    /// Events per district-year.
    public var rate: Double { Double(events) / Double(exposure) }
    /// Exact (Garwood) 95% interval for the rate.
    public var interval95: (lower: Double, upper: Double) {
        let (lo, hi) = EventRate.poissonInterval(count: events, level: 0.95)
        return (lo / Double(exposure), hi / Double(exposure))
    }

    /// The rate of each of `levers` among `districts` (names) in `table`; nil when the table has no
    /// event of any panel district.
    public static func estimate(_ table: EventTable, districts: [String], levers: [String]) -> [EventRate]? {
        let names = Set(districts)
        let relevant = table.events.filter { names.contains($0.district) }
        guard let first = relevant.map(\.year).min(), let last = relevant.map(\.year).max() else { return nil }
        let exposure = districts.count * (last - first + 1)
        return levers.map { lever in
            EventRate(
                leverID: lever, events: relevant.filter { $0.lever == lever }.count, exposure: exposure,
                firstYear: first, lastYear: last)
        }
    }

    /// Garwood's exact interval for a Poisson mean given `count` events: the means at which
    /// P(X ≥ count) and P(X ≤ count) are (1 − level)/2, found by bisection.
    static func poissonInterval(count k: Int, level: Double) -> (Double, Double) {
        let tail = (1 - level) / 2
        let upper = bisect { cdf(k, $0) - tail }  // cdf falls with the mean
        let lower = k == 0 ? 0 : bisect { tail - (1 - cdf(k - 1, $0)) }
        return (lower, upper)
    }

    /// P(X ≤ k) for X ~ Poisson(mean), each term e^(i ln mean − mean − ln i!) in log space so that
    /// large counts neither overflow nor underflow.
    static func cdf(_ k: Int, _ mean: Double) -> Double {
        guard mean > 0 else { return 1 }
        var sum = 0.0
        for i in 0...k { sum += exp(Double(i) * log(mean) - mean - lgamma(Double(i) + 1)) }
        return min(sum, 1)
    }

    /// The root of a function that is positive below it and negative above it, on (0, 10⁴).
    private static func bisect(_ f: (Double) -> Double) -> Double {
        var a = 0.0
        var b = 1e4
        for _ in 0..<200 {
            let m = (a + b) / 2
            if f(m) > 0 { a = m } else { b = m }
        }
        return (a + b) / 2
    }
}
