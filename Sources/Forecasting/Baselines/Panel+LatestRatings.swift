import RatingsData

/// Where the baselines start a district's paths.
extension Panel {
    /// Every element's most recent rating of district `d`, as a level of the scale.
    ///
    /// An element not rated on the latest snapshot keeps its latest earlier rating; one never
    /// rated takes its component's score on the latest snapshot (the paper's component score,
    /// the mean of the rated elements). Each is moved to its nearest level, so integer models
    /// start on the scale even when the training panel holds non-level values.
    func latestRatings(ofDistrict d: Int) -> [Double] {
        let snaps = snapshots(ofDistrict: d)
        let latest = snaps.last!
        let components = framework.componentScores(latest.scores)
        return framework.elements.indices.map { e in
            let value =
                snaps.reversed().lazy.compactMap { $0.scores[e] }.first
                ?? components[framework.elements[e].componentIndex]
            return framework.snappedToLevel(value)
        }
    }
}
