import Forecasting
import Policy
import RatingsData

/// What a retrospective run (`"from": YEAR`) writes beside the projection: every observation
/// after the cut against the projection's 10–90% band, and how many fell inside.
public enum RetrospectiveReport {
    /// retrospective.csv's columns.
    public static let header = [
        "scenario", "district", "year", "measure", "observed_value", "p10", "p50", "p90", "inside_80",
    ]

    /// One observation after the cut against the projection's band.
    public struct Row: Sendable, Equatable {
        /// The district's name.
        public var district: String
        /// The observed year (after the cut, no later than the horizon).
        public var year: Int
        /// A component's short name, or `district` for the district score.
        public var measure: String
        /// The observed score (mean of the measure's element ratings; the district score: mean of components).
        public var observed: Double
        /// The projection's 10th, 50th and 90th percentiles for that year and measure.
        public var summary: QuantileSummary
        /// Whether the observation is inside the 80% band (p10 ≤ observed ≤ p90).
        public var inside: Bool { summary.p10 <= observed && observed <= summary.p90 }
    }

    /// Every observation in `observed` (the full panel) of a projected year and a kept measure.
    public static func rows(_ result: ProjectionResult, observed: Panel) -> [Row] {
        let fw = observed.framework
        let names = fw.components.map(\.shortName) + ["district"]
        var rows: [Row] = []
        for p in result.districts {
            guard let d = observed.districtIndex(named: p.district.name) else { continue }
            for snapshot in observed.snapshots(ofDistrict: d) {
                guard let yi = p.years.firstIndex(of: snapshot.year) else { continue }
                let components = fw.componentScores(snapshot.scores)
                let values = components + [fw.districtScore(componentScores: components)]
                for (m, measure) in result.measures.enumerated() {
                    guard let k = names.firstIndex(of: measure) else { continue }
                    rows.append(
                        Row(
                            district: p.district.name, year: snapshot.year, measure: measure, observed: values[k],
                            summary: p.summaries[yi][m]))
                }
            }
        }
        return rows
    }

    /// retrospective.csv.
    public static func table(_ rows: [Row], scenario: String) -> CSVTable {
        var table = CSVTable(header: header)
        for r in rows {
            table.append([
                scenario, r.district, String(r.year), r.measure, CSVTable.number(r.observed),
                CSVTable.number(r.summary.p10), CSVTable.number(r.summary.p50), CSVTable.number(r.summary.p90),
                r.inside ? "true" : "false",
            ])
        }
        return table
    }

    /// The sentence a district's brief paragraph ends with: how its observed district scores
    /// after the cut compare with the band ("" when nothing was observed after it).
    public static func sentence(_ rows: [Row], district: String, from: Int) -> String {
        let mine = rows.filter { $0.district == district && $0.measure == "district" }
        guard !mine.isEmpty else { return "" }
        let inside = mine.filter(\.inside).count
        let years = mine.map { "\($0.year) \(fixed($0.observed, decimals: 2)) (\($0.inside ? "inside" : "outside"))" }
        return
            "Observed after \(from): \(inside) of \(mine.count) district scores inside the 80% band — \(years.joined(separator: ", "))."
    }

    /// The printed summary: coverage of the 80% band over every observation after the cut.
    public static func text(_ rows: [Row], from: Int) -> String {
        let district = rows.filter { $0.measure == "district" }
        guard !rows.isEmpty else { return "Retrospective from \(from): nothing observed after \(from) to compare.\n" }
        let covered = district.filter(\.inside).count
        return
            "Retrospective from \(from): \(covered) of \(district.count) observed district scores after \(from) inside the 80% band"
            + " (\(rows.filter(\.inside).count) of \(rows.count) over every measure kept); retrospective.csv has each.\n"
    }
}
