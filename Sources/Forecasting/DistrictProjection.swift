import RatingsData

/// One district's projection under one scenario.
public struct DistrictProjection: Sendable {
    /// The district projected.
    public var district: DistrictInfo
    /// Latest observed year; projected years are `latestYear + 1 … horizon`.
    public var latestYear: Int
    /// District score in `latestYear` (mean of its component scores).
    public var currentScore: Double
    /// Whether the district is advanced in `latestYear`.
    public var advancedNow: Bool
    /// Projected years.
    public var years: [Int]
    /// `summaries[yearIndex][measure]`: measures are the components in framework order, then the district score.
    public var summaries: [[QuantileSummary]]
    /// P(advanced in that year), for `latestYear … horizon`.
    public var pAdvanced: [Double]
    /// The year each draw first counts as advanced (`latestYear` if advanced now), nil if not by the horizon.
    public var advancedYear: [Int?]
    /// Per component: the share of the draws that become advanced during the projection in
    /// which this component's crossing of the threshold was decisive (a draw where several cross
    /// in the deciding year is split equally); nil when no draw becomes advanced during it.
    public var decisiveShare: [Double]?
    /// Bit `draw % 64` of word `yearIndex * ⌈draws/64⌉ + draw / 64`: whether that draw is advanced in
    /// that projected year (for network counts per draw); empty when the projection did not keep it.
    public var advancedBits: [UInt64] = []

    /// P(advanced in the horizon year) — not the same as P(ever advanced by it): a district can
    /// become advanced and fall back.
    public var pAdvancedAtHorizon: Double { pAdvanced.last ?? 0 }

    /// Whether draw `r` is advanced in year `year` (the latest observed status up to `latestYear`).
    public func isAdvanced(draw r: Int, year: Int) -> Bool {
        guard year > latestYear else { return advancedNow }
        guard let yi = years.firstIndex(of: year), !advancedBits.isEmpty else { return false }
        let words = (advancedYear.count + 63) / 64
        return advancedBits[yi * words + r / 64] & (1 << UInt64(r % 64)) != 0
    }

    /// P(advanced in some projected year by the horizon), counting a district advanced now.
    public var pAdvancedByHorizon: Double {
        Double(advancedYear.filter { $0 != nil }.count) / Double(advancedYear.count)
    }

    /// The smallest year by which at least a share `p` of draws are advanced; nil if not reached by the horizon.
    public func advancedYearQuantile(_ p: Double) -> Int? { yearQuantile(advancedYear, p) }
}

/// A scenario's projection of every selected district.
public struct ProjectionResult: Sendable {
    /// The scenario's name, as reports title it.
    public var scenario: String
    /// Last projected year (calendar year).
    public var horizon: Int
    /// Monte Carlo draws per district.
    public var draws: Int
    /// The seed every random stream derives from: the same seed gives the same result.
    public var seed: UInt64
    /// Names of the summarised measures: component short names, then the district score.
    public var measures: [String]
    /// One projection per projected district, in plan order.
    public var districts: [DistrictProjection]
}
