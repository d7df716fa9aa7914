import Forecasting
import RatingsData

/// Which sticking points hold each district back, and what it would take (the attribute stage).
///
/// A district's sticking points are its components below "in progress" in the latest year and
/// the ceilings that hold in some projected year. Relaxing a component lets it move at least at
/// a stated benchmark pace (`RelaxationBenchmark`, by default the network's top-quartile pace
/// for that component) with no ceiling on its elements; relaxing a ceiling lifts it.
///
/// The advanced rule needs several components at once (4 of 7 in the paper's framework), so
/// one-at-a-time relaxation rarely moves the year: the answer is the Shapley value of each
/// sticking point in the game "relax this coalition, measure the gain in P(advanced by the
/// horizon) and the expected years gained" — every coalition on the same draws (exact up to 12
/// sticking points, sampled permutations beyond), each figure with its Monte Carlo SE. The values
/// of a district add up to its `all` bundle's gain. Everything runs on common random numbers, so
/// a difference is the relaxation, never noise (`CoalitionBank`).
public enum StickingPointAttribution {
    /// How the attribution runs (`simulate`'s attribution options).
    public struct Options: Sendable {
        /// The pace a relaxed component moves at least at.
        public var benchmark: RelaxationBenchmark
        /// The year "what it would take" aims at (nil: the horizon).
        public var targetYear: Int?
        /// Whether to search "what it would take" (most of the attribution's cost: one projection per pace tried).
        public var whatItWouldTake: Bool

        /// By default: the top-quartile benchmark, aiming at the horizon, with the search.
        public init(benchmark: RelaxationBenchmark = .topQuartile, targetYear: Int? = nil, whatItWouldTake: Bool = true)
        {
            self.benchmark = benchmark
            self.targetYear = targetYear
            self.whatItWouldTake = whatItWouldTake
        }
    }

    /// Every district's attribution in plan order, with the options it ran under.
    public struct Result: Sendable {
        /// The options it ran under (the reports state its benchmark and target year).
        public var options: Options
        /// The projection's last year, the horizon of every P(advanced by the horizon).
        public var horizon: Int
        /// Monte Carlo draws per district, paired with the baseline projection's.
        public var draws: Int
        /// One per projected district, in plan order.
        public var districts: [DistrictAttribution]
        /// The benchmark pace of each component (framework order, points a year) when it is the
        /// same in every district (top-quartile, network-max); empty for district-median.
        public var benchmarkPaces: [(component: String, pace: Double)] = []

        /// Every district's component outlook, district by district (`component-outlook.csv`).
        public var outlook: [ComponentOutlook] { districts.flatMap(\.outlook) }
        /// Every district's sticking-point values, district by district (`sticking-points.csv`).
        public var values: [StickingPointValue] { districts.flatMap(\.values) }
        /// Every district's bundle gains, district by district (`relaxation-bundles.csv`).
        public var bundles: [BundleGain] { districts.flatMap(\.bundles) }
        /// Every district's "what it would take" rows, district by district (`what-it-would-take.csv`).
        public var requirements: [PaceRequirement] { districts.flatMap(\.requirements) }
    }

    /// Attribute every projected district of `run` against its projection `baseline` (same draws
    /// and seed). Districts run in parallel; results come back in district order whatever the thread count.
    public static func run(
        _ run: ScenarioRun, baseline: ProjectionResult, options: Options = Options(),
        threads: Int? = nil, progress: ((Double) -> Void)? = nil
    ) -> Result {
        let bundles = run.stickingPoints.bundles + run.scenario.bundles
        let districts = Parallel.map(run.plan.districts.count, threads: threads, progress: progress) { i in
            DistrictAttribution.run(
                run.forecaster, run.plan.districts[i], projection: baseline.districts[i],
                draws: baseline.draws, seed: baseline.seed, options: options, bundles: bundles)
        }
        var result = Result(options: options, horizon: baseline.horizon, draws: baseline.draws, districts: districts)
        let fw = run.forecaster.framework
        if options.benchmark != .districtMedian {
            result.benchmarkPaces = fw.components.indices.map {
                (fw.components[$0].shortName, options.benchmark.pace(run.forecaster, district: 0, component: $0))
            }
        }
        return result
    }

    /// The network view of one sticking point: means over the districts not advanced at the
    /// start where it holds.
    public struct NetworkRow: Equatable, Sendable {
        /// Component short name or ceiling id.
        public var stickingPoint: String
        /// Component or ceiling (as in its districts' rows).
        public var kind: StickingPointValue.Kind
        /// Districts in which it is a sticking point (not advanced at the start).
        public var assessed: Int
        /// Of those, the districts in which it is binding (`StickingPointValue.binding`).
        public var binding: Int
        /// Mean Shapley gain in P(advanced by the horizon).
        public var meanShapleyPGain: Double
        /// The mean's Monte Carlo SE, √(Σ SE²)/n (districts' draws are independent).
        public var meanShapleyPGainSE: Double
        /// Mean Shapley value of the expected years gained.
        public var meanShapleyYears: Double
        /// Components: mean P(in progress by the horizon) over the same districts; nil for ceilings.
        public var meanPInProgressByHorizon: Double?
    }

    /// One row per sticking point, by mean Shapley gain (largest first), then name.
    public static func network(_ result: Result) -> [NetworkRow] {
        let values = result.values
        // P(in progress by the horizon) by district and component; the first row should one repeat.
        var progressOf: [String: [String: Double]] = [:]
        for o in result.outlook where progressOf[o.district]?[o.component] == nil {
            progressOf[o.district, default: [:]][o.component] = o.pInProgressByHorizon
        }
        var order: [String] = []
        var byPoint: [String: [StickingPointValue]] = [:]
        for v in values {
            if byPoint[v.stickingPoint] == nil { order.append(v.stickingPoint) }
            byPoint[v.stickingPoint, default: []].append(v)
        }
        return order.map { name in
            let mine = byPoint[name]!
            let n = Double(mine.count)
            let progress = mine.compactMap { v in progressOf[v.district]?[name] }
            return NetworkRow(
                stickingPoint: name, kind: mine[0].kind, assessed: mine.count, binding: mine.filter(\.binding).count,
                meanShapleyPGain: mine.map(\.shapleyPGain.mean).reduce(0, +) / n,
                meanShapleyPGainSE: mine.map { $0.shapleyPGain.standardError * $0.shapleyPGain.standardError }.reduce(
                    0, +
                )
                .squareRoot() / n,
                meanShapleyYears: mine.map(\.shapleyYears.mean).reduce(0, +) / n,
                meanPInProgressByHorizon: mine[0].kind == .component && !progress.isEmpty
                    ? progress.reduce(0, +) / Double(progress.count) : nil)
        }.sorted { ($0.meanShapleyPGain, $1.stickingPoint) > ($1.meanShapleyPGain, $0.stickingPoint) }
    }
}
