import RatingsData

/// The measure values a district's projection keeps for its percentiles, as one flat buffer:
/// `pointer[(measure * years + yearIndex) * draws + draw]`. The lanes write four values per
/// measure, year and group of draws; through an array each write cost a uniqueness and a bounds
/// check, about 30% of the shipped benchmark's simulation (measured with perf).
final class KeptValues {
    let count: Int
    let pointer: UnsafeMutablePointer<Double>

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    /// `length` values from `start`.
    func slice(from start: Int, count length: Int) -> UnsafeBufferPointer<Double> {
        precondition(start >= 0 && start + length <= count)
        return UnsafeBufferPointer(start: pointer + start, count: length)
    }

    deinit { pointer.deallocate() }
}
