import RatingsData

/// The `markov` baseline: per component, a first-order Markov chain over the scale's levels,
/// estimated from the training panel's consecutive-year element transitions and simulated
/// forward, element by element, from each element's latest rating.
///
/// Estimation: for every district, every pair of snapshots exactly one year apart and every
/// element of the component rated in both, the transition from the earlier rating's level to the
/// later one's is counted (ratings off the scale count at their nearest level; pairs further
/// apart than a year are not used, since they mix several steps). Each row is smoothed by adding
/// ½ to every cell (a Jeffreys-style prior, so no transition seen in no district has probability
/// 0 and a level never left from still has a distribution) and normalised to sum to 1.
/// Elements move independently given their level; nothing ties a district's elements together.
public struct MarkovModel: ForecastModel {
    /// The model's name in `--models` and in backtest.csv.
    public let name = "markov"
    /// Added to every count before each row is normalised.
    public static let smoothing = 0.5

    /// The model; its only parameter is `smoothing`.
    public init() {}

    /// One set of paths per district of `training` (see the type's description); `events` are not used.
    public func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws
        -> [PathSamples]
    {
        let fw = training.framework
        let cumulative = MarkovModel.transitionMatrices(training).map { $0.map(MarkovModel.cumulativeSums) }
        let componentOf = fw.elements.map(\.componentIndex)
        let values = fw.levels.map { Double($0.value) }
        return training.districts.indices.map { d in
            let start = training.latestRatings(ofDistrict: d).map(fw.levelIndex(for:))
            let latest = training.latestSnapshot(ofDistrict: d).year
            let years = latest < horizon ? Array((latest + 1)...horizon) : []
            var generator = SeededGenerator(seed: seed, stream: d)
            var ratings = [Double](repeating: 0, count: draws * years.count * fw.elements.count)
            for draw in 0..<draws {
                for e in fw.elements.indices {
                    var level = start[e]
                    for step in years.indices {
                        level = MarkovModel.next(cumulative[componentOf[e]][level], generator.uniform())
                        ratings[(draw * years.count + step) * fw.elements.count + e] = values[level]
                    }
                }
            }
            return PathSamples(
                district: d, years: years, draws: draws, elementCount: fw.elements.count, ratings: ratings)
        }
    }

    /// `counts[component][from][to]`: consecutive-year element transitions between level indices.
    public static func transitionCounts(_ panel: Panel) -> [[[Int]]] {
        let fw = panel.framework
        let k = fw.levels.count
        var counts = Array(
            repeating: Array(repeating: [Int](repeating: 0, count: k), count: k), count: fw.components.count)
        for d in panel.districts.indices {
            let snaps = panel.snapshots(ofDistrict: d)
            for (a, b) in zip(snaps, snaps.dropFirst()) where b.year == a.year + 1 {
                for (e, element) in fw.elements.enumerated() {
                    guard let x = a.scores[e], let y = b.scores[e] else { continue }
                    counts[element.componentIndex][fw.levelIndex(for: x)][fw.levelIndex(for: y)] += 1
                }
            }
        }
        return counts
    }

    /// `matrices[component][from][to]`: the smoothed transition probabilities,
    /// (count + ½) / (row total + ½K) for K levels.
    public static func transitionMatrices(_ panel: Panel) -> [[[Double]]] {
        transitionCounts(panel).map { rows in
            rows.map { row in
                let total = Double(row.reduce(0, +)) + smoothing * Double(row.count)
                return row.map { (Double($0) + smoothing) / total }
            }
        }
    }

    static func cumulativeSums(_ row: [Double]) -> [Double] {
        var sum = 0.0
        return row.map {
            sum += $0
            return sum
        }
    }

    /// The level a uniform u in [0, 1) falls in, given a row's cumulative probabilities.
    static func next(_ cumulative: [Double], _ u: Double) -> Int {
        cumulative.firstIndex { u < $0 } ?? cumulative.count - 1
    }
}
