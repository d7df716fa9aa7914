/// `sticking-points.csv`, `sticking-points-network.csv` and their printed summary.
public enum AttributionReport {
    public static let header = ["scenario", "district", "sticking_point", "kind", "binding", "years_gained_p50",
                                "p_advanced_gain", "decisive_share"]
    public static let networkHeader = ["scenario", "sticking_point", "kind", "districts_binding", "districts_assessed",
                                       "mean_p_advanced_gain", "mean_decisive_share"]

    public static func table(_ rows: [StickingPointAttribution.Row], scenario: String) -> CSVTable {
        CSVTable(header: header, rows: rows.map {
            [scenario, $0.district, $0.stickingPoint, $0.kind, $0.binding ? "true" : "false",
             CSVTable.number($0.yearsGainedP50, decimals: 1), CSVTable.number($0.pAdvancedGain),
             $0.decisiveShare.map { CSVTable.number($0) } ?? ""]
        })
    }

    public static func network(_ rows: [StickingPointAttribution.Row], scenario: String) -> CSVTable {
        CSVTable(header: networkHeader, rows: StickingPointAttribution.network(rows).map {
            [scenario, $0.stickingPoint, $0.kind, String($0.binding), String($0.assessed),
             CSVTable.number($0.meanPAdvancedGain), $0.meanDecisiveShare.map { CSVTable.number($0) } ?? ""]
        })
    }

    public static func text(_ rows: [StickingPointAttribution.Row], horizon: Int) -> String {
        var out = "Binding sticking points (relaxing it alone makes the district advanced earlier in at least half the draws)\n"
        var t = TextTable(header: ["District", "Sticking point", "Kind", "Years gained (median)", "P(advanced by \(horizon)) gain", "Decisive share"],
                          rightAligned: [3, 4, 5])
        var districtsSeen: [String] = []
        for r in rows where !districtsSeen.contains(r.district) { districtsSeen.append(r.district) }
        for district in districtsSeen {
            let binding = rows.filter { $0.district == district && $0.binding }.sorted { $0.yearsGainedP50 > $1.yearsGainedP50 }
            if binding.isEmpty {
                t.rows.append([district, "(none)", "", "", "", ""])
            }
            for (i, r) in binding.enumerated() {
                t.rows.append([i == 0 ? district : "", r.stickingPoint, r.kind, fixed(r.yearsGainedP50, decimals: 1),
                               (r.pAdvancedGain >= 0 ? "+" : "") + fixed(r.pAdvancedGain, decimals: 2),
                               r.decisiveShare.map { fixed($0, decimals: 2) } ?? ""])
            }
        }
        out += t.rendered + "\nNetwork: for how many districts each sticking point binds\n"
        var n = TextTable(header: ["Sticking point", "Kind", "Districts binding", "Assessed", "Mean P(advanced) gain", "Mean decisive share"],
                          rightAligned: [2, 3, 4, 5])
        for row in StickingPointAttribution.network(rows) {
            n.rows.append([row.stickingPoint, row.kind, String(row.binding), String(row.assessed),
                           (row.meanPAdvancedGain >= 0 ? "+" : "") + fixed(row.meanPAdvancedGain, decimals: 3),
                           row.meanDecisiveShare.map { fixed($0, decimals: 3) } ?? ""])
        }
        return out + n.rendered
    }
}
