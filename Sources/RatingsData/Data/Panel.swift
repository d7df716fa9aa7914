/// Yearly element ratings of a set of districts under one framework.
///
/// Snapshots are stored sorted by district (in order of first appearance in
/// the source) and then by year.
public struct Panel: Sendable {
    /// The framework every snapshot is rated against.
    public let framework: Framework
    /// Districts in panel order; `Snapshot.districtIndex` indexes this.
    public let districts: [DistrictInfo]
    /// Every snapshot, grouped by district (in `districts` order), each district's oldest first.
    public let snapshots: [Snapshot]
    /// `snapshots[snapshotRanges[d]]` are district `d`'s snapshots, oldest first.
    public let snapshotRanges: [Range<Int>]
    /// District index by name (the first, should a name repeat): lookups inside per-district
    /// loops stay linear in the number of districts.
    private let indexByName: [String: Int]

    /// Build a panel; snapshots may come in any order. Every district must have at least one snapshot.
    public init(framework: Framework, districts: [DistrictInfo], snapshots: [Snapshot]) {
        self.framework = framework
        self.districts = districts
        let sorted = snapshots.sorted { ($0.districtIndex, $0.year) < ($1.districtIndex, $1.year) }
        self.snapshots = sorted
        var ranges = [Range<Int>](repeating: 0..<0, count: districts.count)
        var start = 0
        while start < sorted.count {
            var end = start
            while end < sorted.count, sorted[end].districtIndex == sorted[start].districtIndex { end += 1 }
            ranges[sorted[start].districtIndex] = start..<end
            start = end
        }
        self.snapshotRanges = ranges
        self.indexByName = Dictionary(
            districts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// District `d`'s snapshots, oldest first.
    public func snapshots(ofDistrict d: Int) -> ArraySlice<Snapshot> { snapshots[snapshotRanges[d]] }

    /// District `d`'s most recent snapshot.
    public func latestSnapshot(ofDistrict d: Int) -> Snapshot { snapshots[snapshotRanges[d].upperBound - 1] }

    /// Index of the district called `name`.
    public func districtIndex(named name: String) -> Int? { indexByName[name] }

    /// Every year that appears in the panel, ascending.
    public var years: [Int] { Array(Set(snapshots.map(\.year))).sorted() }
}
