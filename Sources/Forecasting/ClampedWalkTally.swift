/// What the clamped walk (`ClampedWalkState`) counts across draws: how many draws are advanced
/// each projected year, the year each draw first is, and the components that decided it.
struct ClampedWalkTally {
    /// Per projected year: draws advanced that year.
    var advancedCount: [Int]
    /// Per draw: the first year it is advanced (the start year if advanced now); nil: not by the horizon.
    var advancedYear: [Int?]
    /// Per component: its summed share of the draws its crossing made advanced (equal split
    /// among the components crossing in the deciding year), and how many draws were decided.
    var decisiveWeight: [Double]
    var decisiveDraws = 0

    init(years: Int, draws: Int, components: Int) {
        advancedCount = [Int](repeating: 0, count: years)
        advancedYear = [Int?](repeating: nil, count: draws)
        decisiveWeight = [Double](repeating: 0, count: components)
    }

    /// Counts the lanes of group `r0` with at least `needed` components in progress in year `t`;
    /// a lane advanced for the first time records the year and its decisive components — those
    /// whose crossing this year (`crossedThisYear`) made the district advanced, sharing the draw equally.
    @inline(__always)
    mutating func count(
        _ inProgress: SIMD4<Int64>, needed: Int, crossedThisYear: UnsafeMutablePointer<SIMDMask<SIMD4<Int64>>>,
        componentCount: Int, yearIndex yi: Int, year t: Int, group r0: Int, lanes: Int
    ) {
        for i in 0..<lanes where inProgress[i] >= needed {
            advancedCount[yi] += 1
            if advancedYear[r0 + i] == nil {
                advancedYear[r0 + i] = t
                decisiveDraws += 1
                let crossed = (0..<componentCount).filter { crossedThisYear[$0][i] }
                for k in crossed { decisiveWeight[k] += 1 / Double(crossed.count) }
            }
        }
    }
}
