/// How fast a rising pace lifts a rating, by the level it stands at, estimated from the panel:
/// progress comes faster from "nothing in place yet" than from "in progress", and slowest near
/// the top of the scale.
///
/// For a rating with a rising pace β a year and an unknown position in its cell, the integer
/// projection expects β level steps up a year. Over the panel's consecutive-year pairs that
/// start at level L, the factor is (steps up observed + 1) / (Σ max(β, 0) + 1), β the pooled
/// slope of the pair's district × component (the +1s keep a level with few pairs near 1),
/// divided by the same ratio over all levels: the factors change where progress happens, not
/// how much there is (steps up that no pace explains are ratings that go up and come back).
/// On the shipped panel they are about 2.1, 1.3, 0.6 and 0.35 from levels 1 to 4 (the top level
/// cannot rise); on the episodic synthetic panel 2.1, 1.2, 0.8, 0.3.
public enum LevelPace {
    /// One factor per level of the framework's scale, ascending (1 where nothing is known).
    public static func estimate(_ panel: Panel, fit: TrajectoryFit) -> [Double] {
        let fw = panel.framework
        let levels = fw.levels.map { Double($0.value) }.sorted()
        var steps = [Double](repeating: 0, count: levels.count), expected = steps
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for i in snaps.indices.dropFirst() where snaps[i].year == snaps[i - 1].year + 1 {
                for e in fw.elements.indices {
                    guard let a = snaps[i - 1].scores[e], let b = snaps[i].scores[e],
                          let level = levels.firstIndex(of: a) else { continue }
                    let up = levels.filter { $0 > a && $0 <= b }.count
                    steps[level] += Double(up)
                    expected[level] += max(0, fit.slope[d][fw.elements[e].componentIndex])
                }
            }
        }
        // The shape only: normalised so that the panel's expected steps are unchanged overall
        // (steps up that no pace explains — ratings that go up and come back — are not progress).
        let overall = (steps.reduce(0, +) + 1) / (expected.reduce(0, +) + 1)
        return zip(steps, expected).map { ($0 + 1) / ($1 + 1) / overall }
    }
}
