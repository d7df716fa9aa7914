import Forecasting
import Policy
import RatingsData

/// The human-readable report `simulate describe` prints: the paper's figures as tables.
public enum DescribeText {
    /// The report: Figures 1, 3, 4, 5 and 6 of the paper as tables, strongest district first.
    public static func render(_ d: PanelDescription, framework: Framework) -> String {
        let byScore = d.districts.sorted { $0.districtScore > $1.districtScore }
        return figure1(byScore, framework: framework) + figure3(byScore) + figure4(d, byScore: byScore)
            + figure5(d) + figure6(d)
    }

    /// Figure 1: the latest component scores, with who is advanced.
    static func figure1(_ byScore: [DistrictSummary], framework: Framework) -> String {
        let short = framework.components.map(\.shortName)
        var out =
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
        return out
    }

    /// Figure 3: the district score by year.
    static func figure3(_ byScore: [DistrictSummary]) -> String {
        let years = Array(Set(byScore.flatMap(\.years))).sorted()
        var history = TextTable(
            header: ["District"] + years.map(String.init), rightAligned: Set(1...max(1, years.count)))
        for s in byScore {
            history.rows.append(
                [s.district.name]
                    + years.map { y in
                        s.years.firstIndex(of: y).map { fixed(s.districtScoreHistory[$0], decimals: 2) } ?? ""
                    })
        }
        return "Figure 3 — district score by year\n" + history.rendered + "\n"
    }

    /// Figure 4: the quadrants, then every district's spread.
    static func figure4(_ d: PanelDescription, byScore: [DistrictSummary]) -> String {
        var out =
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
        return out + "\n" + spreads.rendered + "\n"
    }

    /// Figure 5: recent progress, largest first.
    static func figure5(_ d: PanelDescription) -> String {
        var progress = TextTable(header: ["Rank", "District", "Recent progress", "Snapshots"], rightAligned: [0, 2])
        for (i, s) in d.districts.sorted(by: { $0.recentProgress > $1.recentProgress }).enumerated() {
            progress.rows.append([
                String(i + 1), s.district.name, signed(s.recentProgress),
                s.years.map(String.init).joined(separator: " "),
            ])
        }
        return "Figure 5 — recent progress (latest district score − mean over all snapshots)\n" + progress.rendered
            + "\n"
    }

    /// Figure 6: components ranked by network mean, and the five lowest-rated elements.
    static func figure6(_ d: PanelDescription) -> String {
        var out = "Figure 6 — components ranked by network-wide mean (latest snapshots)\n"
        var comps = TextTable(header: ["Rank", "Component", "Network mean"], rightAligned: [0, 2])
        for r in d.componentRanking { comps.rows.append([String(r.rank), r.name, fixed(r.networkMean, decimals: 2)]) }
        out += comps.rendered + "\n"
        out += "Lowest-rated elements network-wide\n"
        var elems = TextTable(header: ["Rank", "Element", "Network mean", "Text"], rightAligned: [0, 2])
        for r in d.elementRanking.suffix(5).reversed() {
            elems.rows.append([
                String(r.rank), r.id, r.networkMean.isFinite ? fixed(r.networkMean, decimals: 2) : "", r.name,
            ])
        }
        return out + elems.rendered
    }

    static func trim(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }

    static func signed(_ x: Double) -> String { signedFixed(x, decimals: 3) }
}
