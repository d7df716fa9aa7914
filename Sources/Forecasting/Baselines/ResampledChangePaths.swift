import RatingsData

/// The paths both last-value baselines draw: each element starts at its latest rating, moves by a
/// fixed trend, and takes one draw's resampled change (`ChangeBootstrap`); the sum is moved to
/// its nearest scale level, so ratings stay levels of the scale (clamped to its lowest and
/// highest level).
enum ResampledChangePaths {
    /// - Parameters:
    ///   - trend: points per year for each component, added h times at step h (zeros for last-value).
    ///   - seed: each district draws from its own stream of this seed (`SeededGenerator(seed:stream:)`).
    static func paths(training: Panel, horizon: Int, draws: Int, seed: UInt64, trend: [Double]) -> [PathSamples] {
        let fw = training.framework
        let bootstrap = ChangeBootstrap(training: training)
        let elementCount = fw.elements.count
        let elementTrend = fw.elements.map { trend[$0.componentIndex] }
        let values = fw.levelValues
        return training.districts.indices.map { d in
            let start = training.latestRatings(ofDistrict: d)
            let latest = training.latestSnapshot(ofDistrict: d).year
            let years = latest < horizon ? Array((latest + 1)...horizon) : []
            var generator = SeededGenerator(seed: seed, stream: d)
            var ratings: [Double] = []
            ratings.reserveCapacity(draws * years.count * elementCount)
            for _ in 0..<draws {
                for (step, change) in bootstrap.draw(steps: years.count, using: &generator).enumerated() {
                    for e in 0..<elementCount {
                        let value = start[e] + Double(step + 1) * elementTrend[e] + change[e]
                        ratings.append(values[Framework.nearestIndex(value, in: values)])
                    }
                }
            }
            return PathSamples(district: d, years: years, draws: draws, elementCount: elementCount, ratings: ratings)
        }
    }
}
