import Forecasting
import Policy
import RatingsData

/// The files `simulate describe` writes, as tables.
public enum DescribeReport {
    /// describe.csv's columns.
    public static let districtHeader = [
        "district", "latest_year", "district_score", "spread", "recent_progress",
        "quadrant", "advanced", "components_in_progress",
    ]

    /// `describe.csv`: one row a district, measures to 4 decimals.
    public static func districts(_ d: PanelDescription) -> CSVTable {
        var t = CSVTable(header: districtHeader)
        for s in d.districts {
            t.append([
                s.district.name, String(s.latestYear), CSVTable.number(s.districtScore),
                CSVTable.number(s.spread), CSVTable.number(s.recentProgress), s.quadrant.rawValue,
                s.advanced ? "true" : "false", String(s.componentsInProgress),
            ])
        }
        return t
    }

    /// `components.csv`: Figure 6's component ranking.
    public static func components(_ d: PanelDescription) -> CSVTable {
        CSVTable(
            header: ["component", "network_mean", "rank"],
            rows: d.componentRanking.map { [$0.name, CSVTable.number($0.networkMean), String($0.rank)] })
    }

    /// `elements.csv`: every element ranked by its network mean.
    public static func elements(_ d: PanelDescription) -> CSVTable {
        CSVTable(
            header: ["element", "network_mean", "rank"],
            rows: d.elementRanking.map { [$0.id, CSVTable.number($0.networkMean), String($0.rank)] })
    }

    /// All files by name.
    public static func files(_ d: PanelDescription) -> [(name: String, contents: String)] {
        [
            ("describe.csv", districts(d).text), ("components.csv", components(d).text),
            ("elements.csv", elements(d).text),
        ]
    }
}
