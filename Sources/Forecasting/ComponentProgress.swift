import RatingsData

/// Which components of one district are in progress, draw by draw and year by year, under one
/// relaxation: `bits[draw * years.count + yearIndex]` has bit k set when component k is.
public struct ComponentProgress: Sendable {
    /// The district's latest observed year.
    public var startYear: Int
    /// Projected years, `startYear + 1` on.
    public var years: [Int]
    /// Number of draws (rows of `bits` per year).
    public var draws: Int
    /// The components in progress in the latest observed year.
    public var startBits: UInt64
    /// Per draw and projected year (`draw * years.count + yearIndex`): bit k set when component k is in progress.
    public var bits: [UInt64]

    /// Bits of draw `r` in projected year index `yi`.
    @inline(__always) public func bits(draw r: Int, yearIndex yi: Int) -> UInt64 { bits[r * years.count + yi] }
}
