import Forecasting
import Policy
import RatingsData

/// The human-readable report `simulate describe` prints: the paper's figures as tables.
public enum DescribeText {
    public static func render(_ d: PanelDescription, framework: Framework) -> String {
        var out = ""
        let byScore = d.districts.sorted { $0.districtScore > $1.districtScore }
        let short = framework.components.map(\.shortName)

        out +=
            "Figure 1 — latest component scores, strongest district first (* = in progress or better, ≥ \(trim(framework.inProgressThreshold)))\n"
        var heat = TextTable(
            header: ["District", "Year"] + short + ["District score", "Advanced"],
            rightAligned: Set(1..<(short.count + 3)))
        for s in byScore {
            heat.rows.append(
                [s.district.name, String(s.latestYear)]
                    + s.componentScores.map {
                        fixed($0, decimals: 2) + ($0 >= framework.inProgressThreshold ? "*" : " ")
                    }
                    + [fixed(s.districtScore, decimals: 2), s.advanced ? "yes" : ""])
        }
        out += heat.rendered
        let advanced = byScore.filter(\.advanced).map(\.district.name)
        out +=
            "Advanced (\(framework.advancedRule)): \(advanced.count) — \(advanced.isEmpty ? "none" : advanced.joined(separator: ", "))\n\n"

        let years = Array(Set(d.districts.flatMap(\.years))).sorted()
        out += "Figure 3 — district score by year\n"
        var history = TextTable(
            header: ["District"] + years.map(String.init), rightAligned: Set(1...max(1, years.count)))
        for s in byScore {
            history.rows.append(
                [s.district.name]
                    + years.map { y in
                        s.years.firstIndex(of: y).map { fixed(s.districtScoreHistory[$0], decimals: 2) } ?? ""
                    })
        }
        out += history.rendered + "\n"

        out +=
            "Figure 4 — quadrants (strong: district score ≥ \(trim(d.cutoffs.strongAtLeast)); piecemeal: spread > \(trim(d.cutoffs.piecemealAbove)); cut-offs from \(d.cutoffSource); spread on \(d.spreadBasis == .latest ? "the latest snapshot" : "over-time element means"))\n"
        var quadrants = TextTable(header: ["Quadrant", "Districts"])
        for q in Quadrant.allCases {
            let members = byScore.filter { $0.quadrant == q }
            let names = members.prefix(12).map(\.district.name).joined(separator: ", ")
            quadrants.rows.append([
                "\(q.label) (\(members.count))",
                names + (members.count > 12 ? ", … and \(members.count - 12) more" : ""),
            ])
        }
        out += quadrants.rendered
        var spreads = TextTable(header: ["District", "District score", "Spread", "Quadrant"], rightAligned: [1, 2])
        for s in d.districts.sorted(by: { $0.spread > $1.spread }) {
            spreads.rows.append([
                s.district.name, fixed(s.districtScore, decimals: 2), fixed(s.spread, decimals: 3), s.quadrant.label,
            ])
        }
        out += "\n" + spreads.rendered + "\n"

        out += "Figure 5 — recent progress (latest district score − mean over all snapshots)\n"
        var progress = TextTable(header: ["Rank", "District", "Recent progress", "Snapshots"], rightAligned: [0, 2])
        for (i, s) in d.districts.sorted(by: { $0.recentProgress > $1.recentProgress }).enumerated() {
            progress.rows.append([
                String(i + 1), s.district.name, signed(s.recentProgress),
                s.years.map(String.init).joined(separator: " "),
            ])
        }
        out += progress.rendered + "\n"

        out += "Figure 6 — components ranked by network-wide mean (latest snapshots)\n"
        var comps = TextTable(header: ["Rank", "Component", "Network mean"], rightAligned: [0, 2])
        for r in d.componentRanking { comps.rows.append([String(r.rank), r.name, fixed(r.networkMean, decimals: 2)]) }
        out += comps.rendered + "\n"

        let lowest = d.elementRanking.suffix(5).reversed()
        out += "Lowest-rated elements network-wide\n"
        var elems = TextTable(header: ["Rank", "Element", "Network mean", "Text"], rightAligned: [0, 2])
        for r in lowest {
            elems.rows.append([
                String(r.rank), r.id, r.networkMean.isFinite ? fixed(r.networkMean, decimals: 2) : "", r.name,
            ])
        }
        out += elems.rendered
        return out
    }

    static func trim(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }

    static func signed(_ x: Double) -> String { signedFixed(x, decimals: 3) }
}
