import Forecasting
import Policy
import RatingsData

/// Every chart of a run or a description, by file name under `charts/`.
public enum RunCharts {
    /// The Figure 1/3 heatmap, Figure 4 quadrants and Figure 5 progress bars of a panel.
    public static func panel(_ d: PanelDescription, framework: Framework, caveat: String?) -> [String: String] {
        [
            "heatmap.svg": PanelCharts.heatmap(d, framework: framework, caveat: caveat),
            "quadrants.svg": PanelCharts.quadrants(d, framework: framework, caveat: caveat),
            "recent-progress.svg": PanelCharts.recentProgress(d, caveat: caveat),
        ]
    }

    /// The panel charts plus a fan chart per projected district (when the run kept the
    /// district-score percentiles, i.e. not `--trajectories none`). A retrospective run passes
    /// its whole panel as `observed`: the fan charts then draw what was observed after the cut.
    public static func scenario(_ result: ProjectionResult, panel: Panel, observed: Panel? = nil, caveat: String?)
        -> [String: String]
    {
        var charts = self.panel(PanelDescription(panel), framework: panel.framework, caveat: caveat)
        let fw = panel.framework
        guard result.measures.last == "district" else { return charts }
        let slugs = DistrictSlugs(result.districts.map(\.district.name))
        let dots = observed ?? panel
        for p in result.districts {
            guard let d = dots.districtIndex(named: p.district.name) else { continue }
            let observed = dots.snapshots(ofDistrict: d).filter { $0.year <= result.horizon }.map {
                ($0.year, fw.districtScore(componentScores: fw.componentScores($0.scores)))
            }
            charts["fan-\(slugs[p.district.name]).svg"] = FanChart.svg(
                p, observed: observed, framework: fw, scenario: result.scenario)
        }
        return charts
    }

    /// As files under `charts/`, in a stable order.
    public static func files(_ charts: [String: String]) -> [(name: String, contents: String)] {
        charts.keys.sorted().map { ("charts/" + $0, charts[$0]!) }
    }
}
