import Testing

@testable import Forecasting
@testable import RatingsData

/// Counting the components' rating sums gives the percentiles of the scores themselves: checked
/// against the sort-based type-7 definition (`QuantileSummary(_:)`) on random sums.
@Suite struct ComponentSumCountsTests {
    /// Random ratings on `levels`, summed per component, counted one at a time and four at a
    /// time; every component's summary equals the sorted scores' exactly (the mean to 1e-12).
    @Test(arguments: [[1, 2, 3, 4, 5], [0, 2, 4, 6, 8], [-3, 0, 3], [1, 2, 3, 4, 5, 6, 7]])
    func countedSummaryEqualsSortedScores(levels: [Int]) throws {
        let sizes = [5, 1, 6, 4]
        var rng = SeededGenerator(seed: 11)
        for draws in [1, 7, 64, 1_001] {
            let counts = try #require(ComponentSumCounts(sizes: sizes, levels: levels, years: 3))
            var scores = [[Double]](repeating: [], count: sizes.count * 3)
            for yi in 0..<3 {
                var group: [SIMD4<Double>] = []
                for r in 0..<draws {
                    var sums = SIMD4<Double>.zero
                    for (c, size) in sizes.enumerated() {
                        // Skewed toward the low levels, so the percentiles are not all one value.
                        let sum = (0..<size).reduce(0) { total, _ in
                            total + levels[Int(rng.next() % UInt64(levels.count)) * Int(rng.next() % 2)]
                        }
                        sums[c] = Double(sum)
                        scores[c * 3 + yi].append(Double(sum) / Double(size))
                        if yi != 1 { counts.add(Double(sum), component: c, yearIndex: yi) }
                    }
                    if yi == 1 { group.append(sums) }
                    // Year 1 goes through the four-lane path, by component, padding the last group.
                    if yi == 1, group.count == 4 || r == draws - 1 {
                        for (c, _) in sizes.enumerated() {
                            counts.add(
                                SIMD4((0..<4).map { $0 < group.count ? group[$0][c] : group[0][c] }),
                                lanes: group.count, component: c, yearIndex: yi)
                        }
                        group.removeAll()
                    }
                }
            }
            for c in sizes.indices {
                for yi in 0..<3 {
                    let counted = counts.summary(component: c, yearIndex: yi, draws: draws)
                    let sorted = QuantileSummary(scores[c * 3 + yi])
                    #expect(
                        counted.p10 == sorted.p10 && counted.p50 == sorted.p50 && counted.p90 == sorted.p90,
                        "levels \(levels) draws \(draws) component \(c) year \(yi)")
                    #expect(abs(counted.mean - sorted.mean) <= 1e-12, "levels \(levels) draws \(draws)")
                }
            }
        }
    }

    /// A scale too wide to count is refused (the projection then keeps every draw's score).
    @Test func aScaleTooWideToCountIsRefused() {
        #expect(ComponentSumCounts(sizes: [36], levels: [0, 1, 1_000_000], years: 20) == nil)
        #expect(ComponentSumCounts(sizes: [36], levels: [0, 1 << 50], years: 20) == nil)
        // Two levels far apart have one gap: few sums, so they are counted.
        #expect(ComponentSumCounts(sizes: [36], levels: [1, 1_000_000], years: 20) != nil)
    }
}
