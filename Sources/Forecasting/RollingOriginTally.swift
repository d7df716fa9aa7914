import RatingsData

/// Running sums of one model's scores by horizon and measure, pooled over cut years.
struct RollingOriginTally: Sendable {
    let horizon: Int
    private var sums: [Double]
    private var counts: [Int]

    init(horizon: Int) {
        self.horizon = horizon
        sums = Array(repeating: 0, count: horizon * BacktestMeasure.allCases.count)
        counts = Array(repeating: 0, count: sums.count)
    }

    private func slot(_ h: Int, _ measure: BacktestMeasure) -> Int {
        (h - 1) * BacktestMeasure.allCases.count + BacktestMeasure.allCases.firstIndex(of: measure)!
    }

    /// Add one scored item's value at horizon `h` (1…horizon).
    mutating func add(_ value: Double, horizon h: Int, measure: BacktestMeasure) {
        let i = slot(h, measure)
        sums[i] += value
        counts[i] += 1
    }

    /// One row per horizon and measure that scored anything (a horizon with no observed year
    /// after any cut has no rows), sorted by horizon, then measure.
    func rows(model: String) -> [RollingOriginScore] {
        var out: [RollingOriginScore] = []
        for h in 1...horizon {
            for measure in BacktestMeasure.allCases {
                let i = slot(h, measure)
                guard counts[i] > 0 else { continue }
                out.append(
                    RollingOriginScore(
                        model: model, horizon: h, measure: measure,
                        score: sums[i] / Double(counts[i]), n: counts[i]))
            }
        }
        return out
    }
}
