import Forecasting
import RatingsData

/// When a component of a district first gets to "in progress" (`component-outlook.csv`).
public struct ComponentOutlook: Equatable, Sendable {
    /// The district's name.
    public var district: String
    /// The component's short name.
    public var component: String
    /// The component score in the latest observed year.
    public var latest: Double
    /// Share of draws in which it is in progress in some year up to the horizon (now included).
    public var pInProgressByHorizon: Double
    /// The smallest year by which 10%, 50% and 90% of draws have been in progress (the latest
    /// observed year when it is in progress now); nil when that share is not reached by the horizon.
    public var yearP10: Int?
    /// As `yearP10`, for half of the draws.
    public var yearP50: Int?
    /// As `yearP10`, for 90% of the draws.
    public var yearP90: Int?

    /// Every component of a district from its unrelaxed progress bits.
    static func outlooks(
        _ progress: ComponentProgress, district: String, framework fw: Framework,
        latest: [Double]
    ) -> [ComponentOutlook] {
        fw.components.indices.map { k in
            let bit = UInt64(1) << UInt64(k)
            let first: [Int?] = (0..<progress.draws).map { r in
                if progress.startBits & bit != 0 { return progress.startYear }
                return progress.years.indices.first { progress.bits(draw: r, yearIndex: $0) & bit != 0 }.map {
                    progress.years[$0]
                }
            }
            return ComponentOutlook(
                district: district, component: fw.components[k].shortName, latest: latest[k],
                pInProgressByHorizon: Double(first.filter { $0 != nil }.count) / Double(max(1, first.count)),
                yearP10: yearQuantile(first, 0.1), yearP50: yearQuantile(first, 0.5),
                yearP90: yearQuantile(first, 0.9))
        }
    }

}
