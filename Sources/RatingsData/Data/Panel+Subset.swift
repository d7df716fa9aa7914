extension Panel {
    /// The panel cut to snapshots before `year`, keeping only districts that still have one.
    /// `originalDistrict[i]` is the index in `self` of the subset's district `i`.
    public func before(year: Int) -> (panel: Panel, originalDistrict: [Int]) {
        var keep: [Int] = []
        var newIndex = [Int](repeating: -1, count: districts.count)
        for d in districts.indices where snapshots(ofDistrict: d).contains(where: { $0.year < year }) {
            newIndex[d] = keep.count
            keep.append(d)
        }
        let kept = snapshots.filter { $0.year < year && newIndex[$0.districtIndex] >= 0 }.map {
            Snapshot(districtIndex: newIndex[$0.districtIndex], year: $0.year, scores: $0.scores)
        }
        return (Panel(framework: framework, districts: keep.map { districts[$0] }, snapshots: kept), keep)
    }
}
