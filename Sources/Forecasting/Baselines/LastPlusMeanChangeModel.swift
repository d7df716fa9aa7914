import RatingsData

/// The `last-plus-mean-change` baseline: latest rating plus h × the network's mean yearly change
/// of the element's component, plus the same resampled-change band as `last-value`, moved to the
/// nearest scale level.
///
/// The band is added as `last-value` draws it (raw observed changes, not centred), so this
/// model's distribution is `last-value`'s shifted by h × the component's mean change before
/// rounding: with integer levels one step apart the two agree exactly while h × the mean change
/// stays below half a level.
public struct LastPlusMeanChangeModel: ForecastModel {
    /// The model's name in `--models` and in backtest.csv.
    public let name = "last-plus-mean-change"

    /// The model; it has no parameters.
    public init() {}

    /// One set of paths per district of `training` (see the type's description); `events` are not used.
    public func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws
        -> [PathSamples]
    {
        ResampledChangePaths.paths(
            training: training, horizon: horizon, draws: draws, seed: seed,
            trend: LastPlusMeanChangeModel.meanYearlyChange(training))
    }

    /// Each component's network mean yearly change, points a year: over every district's
    /// consecutive snapshots and every element of the component rated in both, the total change
    /// divided by the total years elapsed (so a two-year gap counts as two years). 0 for a
    /// component with no such pair.
    public static func meanYearlyChange(_ panel: Panel) -> [Double] {
        let fw = panel.framework
        var change = [Double](repeating: 0, count: fw.components.count)
        var years = [Double](repeating: 0, count: fw.components.count)
        for d in panel.districts.indices {
            let snaps = panel.snapshots(ofDistrict: d)
            for (a, b) in zip(snaps, snaps.dropFirst()) {
                for (e, element) in fw.elements.enumerated() {
                    guard let x = a.scores[e], let y = b.scores[e] else { continue }
                    change[element.componentIndex] += y - x
                    years[element.componentIndex] += Double(b.year - a.year)
                }
            }
        }
        return zip(change, years).map { $1 > 0 ? $0 / $1 : 0 }
    }
}
