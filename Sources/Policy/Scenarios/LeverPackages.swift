import Forecasting
import RatingsData

/// Every combination of up to K levers, pulled together, against the baseline on paired draws:
/// which package gets a district advanced by a target year, and the smallest one that does.
public enum LeverPackages {
    /// `packages.csv`'s header.
    public static let header = [
        "district", "package", "size", "p_advanced_by_horizon", "delta_p_advanced", "delta_years_mean", "p_earlier",
    ]

    /// One district under one package. "By the horizon" is by the target year when one is given.
    public struct Row: Equatable, Sendable {
        /// The district's name.
        public var district: String
        /// Lever ids in catalogue order.
        public var package: [String]
        /// P(advanced by the horizon) under the package.
        public var pAdvancedByHorizon: Double
        /// `pAdvancedByHorizon` minus the baseline's.
        public var deltaPAdvanced: Double
        /// Mean over paired draws of (package's advanced year − baseline's), a year after the
        /// horizon standing for "not by the horizon".
        public var deltaYearsMean: Double
        /// Share of paired draws in which the package makes the district advanced earlier.
        public var pEarlier: Double

        /// Levers in the package.
        public var size: Int { package.count }
        /// The package as written in packages.csv: ids joined by `+`.
        public var name: String { package.joined(separator: "+") }
    }

    /// The non-empty combinations of `count` items of at most `maxSize`, each ascending, by size
    /// and then in lexicographic order.
    public static func combinations(of count: Int, maxSize: Int) -> [[Int]] {
        var out: [[Int]] = []
        func extend(_ prefix: [Int], from start: Int, size: Int) {
            if prefix.count == size {
                out.append(prefix)
                return
            }
            guard start < count else { return }
            for i in start..<count { extend(prefix + [i], from: i + 1, size: size) }
        }
        for size in 1...max(1, min(maxSize, count)) { extend([], from: 0, size: size) }
        return out
    }

    /// The rows of every district (the baseline's order) under every package, ranked within the
    /// district: highest P(advanced by the horizon) first, then fewer levers, then the given order.
    public static func rows(
        baseline: ProjectionResult, packages: [(levers: [String], result: ProjectionResult)], horizon: Int
    ) -> [Row] {
        var rows: [Row] = []
        for (d, base) in baseline.districts.enumerated() {
            let baseYears = base.advancedYear.map { min($0 ?? horizon + 1, horizon + 1) }
            let pBase = Double(baseYears.filter { $0 <= horizon }.count) / Double(max(1, baseYears.count))
            var district: [Row] = []
            for (levers, result) in packages {
                let years = result.districts[d].advancedYear.map { min($0 ?? horizon + 1, horizon + 1) }
                let n = Double(max(1, years.count))
                let p = Double(years.filter { $0 <= horizon }.count) / n
                let deltas = zip(years, baseYears).map { Double($0 - $1) }
                district.append(
                    Row(
                        district: base.district.name, package: levers, pAdvancedByHorizon: p, deltaPAdvanced: p - pBase,
                        deltaYearsMean: deltas.reduce(0, +) / n,
                        pEarlier: Double(zip(years, baseYears).filter { $0 < $1 }.count) / n))
            }
            rows += district.enumerated().sorted { a, b in
                (-a.element.pAdvancedByHorizon, a.element.size, a.offset)
                    < (-b.element.pAdvancedByHorizon, b.element.size, b.offset)
            }.map(\.element)
        }
        return rows
    }

    /// A district's smallest package with P(advanced by the horizon) ≥ `target`: the fewest
    /// levers, then the highest probability, then the first in the rows' order; nil if none.
    public static func smallest(_ rows: [Row], district: String, target: Double) -> Row? {
        rows.filter { $0.district == district && $0.pAdvancedByHorizon >= target }
            .enumerated()
            .min { a, b in
                (a.element.size, -a.element.pAdvancedByHorizon, a.offset) < (
                    b.element.size, -b.element.pAdvancedByHorizon, b.offset
                )
            }?.element
    }

    /// `packages.csv`: one row per district and package, districts in the panel's order and
    /// packages ranked within each (see `rows`).
    public static func table(_ rows: [Row]) -> CSVTable {
        var t = CSVTable(header: header)
        for r in rows {
            t.append([
                r.district, r.name, String(r.size), fixed(r.pAdvancedByHorizon, decimals: 4),
                fixed(r.deltaPAdvanced, decimals: 4), fixed(r.deltaYearsMean, decimals: 3),
                fixed(r.pEarlier, decimals: 4),
            ])
        }
        return t
    }
}
