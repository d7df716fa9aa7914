import Forecasting
import LinearAlgebra
import RatingsData

/// Estimates each lever's level shift and slope change from the panel's own history
/// (an interrupted time series in first differences), to set beside the catalogue's
/// assumed sizes.
///
/// For consecutive ratings of a series (district d, element e in component k) in years
/// t₀ < t₁, with Δy = y(t₁) − y(t₀) and Δt = t₁ − t₀:
///
///     Δy = Δt·(cₖ + m_d) + Σ_L jump_L · J + Σ_L change_L · S + ε
///
/// cₖ a component drift, m_d a district momentum (first district 0); for each lever L with an
/// event in district d in year Y, J = 1 when t₀ ≤ Y < t₁ (the rating step across the event)
/// and S = the number of yearly steps in (t₀, t₁] that start after Y (u − 1 ≥ Y + 1); J only
/// for the elements the lever's level effects target, S only for those its slope and stall
/// effects target. Least squares by QR; standard errors cluster-robust by district (ratings
/// of one district are not independent). An effect is reported only when identified: some
/// event of the lever falls inside the panel's years, its column is not collinear with the
/// drifts (an event before the data whose effect spans every element is absorbed by the
/// district's momentum), and at least `minimumTreatedDistricts` districts carry it: with fewer
/// clusters, cluster-robust standard errors are far too small (Cameron, Gelbach & Miller 2008,
/// "Bootstrap-based improvements for inference with clustered errors"), so no number is given.
public enum LeverCalibration {
    /// The fewest districts whose events must inform an effect before it is estimated.
    public static let minimumTreatedDistricts = 5

    public struct Estimate: Equatable, Sendable {
        public var lever: String
        /// "level" (points) or "slope" (points per year).
        public var kind: String
        /// nil when not identified.
        public var estimate: Double?
        public var standardError: Double?
        /// Districts whose events inform it.
        public var districts: Int
        /// Ratings steps that carry it.
        public var observations: Int
        /// Mean size the catalogue assumes (mean over the lever's effects of this kind); nil when it has none (stall).
        public var assumed: Double?
        /// "estimated", or why not.
        public var status: String
    }

    public static func run(panel: Panel, events: EventTable, levers: LeverCatalogue) throws(Diagnostic) -> [Estimate] {
        let fw = panel.framework
        for event in events.events where levers.lever(event.lever) == nil {
            throw .error(
                at: event.location,
                "unknown lever \"\(event.lever)\"; \(Suggestion.expectedOneOf(levers.levers.map(\.id)))")
        }
        // Candidate columns: per lever, level and slope.
        struct Column {
            var lever: String
            var kind: String
            var elements: Set<Int>
            var assumed: Double?
        }
        var columns: [Column] = []
        for lever in levers.levers {
            let all = lever.effects(provisions: nil)
            let level = all.filter { $0.effect(is: .level) }
            let slope = all.filter { $0.effect(is: .slope) || $0.effect(is: .stall) }
            if !level.isEmpty {
                columns.append(
                    Column(
                        lever: lever.id, kind: "level",
                        elements: Set(level.flatMap { $0.targets.elementIndices(in: fw) }),
                        assumed: level.map(\.size.mean).reduce(0, +) / Double(level.count)))
            }
            if !slope.isEmpty {
                let slopes = slope.filter { $0.kind == .slope }
                columns.append(
                    Column(
                        lever: lever.id, kind: "slope",
                        elements: Set(slope.flatMap { $0.targets.elementIndices(in: fw) }),
                        assumed: slopes.isEmpty ? nil : slopes.map(\.size.mean).reduce(0, +) / Double(slopes.count)))
            }
        }
        var eventYears: [String: [String: [Int]]] = [:]  // district → lever → years
        for e in events.events { eventYears[e.district, default: [:]][e.lever, default: []].append(e.year) }

        // Rows: consecutive rating steps.
        let k = fw.components.count
        let dCount = panel.districts.count
        let fixedCount = k + max(0, dCount - 1)
        var rows: [[Double]] = []
        var response: [Double] = []
        var cluster: [Int] = []
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            let name = panel.districts[d].name
            for e in fw.elements.indices {
                var previous: (year: Int, score: Double)?
                for s in snaps {
                    guard let y = s.scores[e] else { continue }
                    if let p = previous {
                        let dt = Double(s.year - p.year)
                        var row = [Double](repeating: 0, count: fixedCount + columns.count)
                        row[fw.elements[e].componentIndex] = dt
                        if d > 0 { row[k + d - 1] = dt }
                        for (c, column) in columns.enumerated() where column.elements.contains(e) {
                            for year in eventYears[name]?[column.lever] ?? [] {
                                if column.kind == "level" {
                                    if p.year <= year && year < s.year { row[fixedCount + c] += 1 }
                                } else {
                                    row[fixedCount + c] += Double(max(0, s.year - max(p.year + 1, year + 2) + 1))
                                }
                            }
                        }
                        rows.append(row)
                        response.append(y - p.score)
                        cluster.append(d)
                    }
                    previous = (s.year, y)
                }
            }
        }
        // Which lever columns are present, carried by ≥ 2 districts, and not collinear with what came before.
        var status = [String](repeating: "", count: columns.count)
        var carriers = [Set<Int>](repeating: [], count: columns.count)
        var carriedRows = [Int](repeating: 0, count: columns.count)
        for (r, row) in rows.enumerated() {
            for c in columns.indices where row[fixedCount + c] != 0 {
                carriers[c].insert(cluster[r])
                carriedRows[c] += 1
            }
        }
        func design(_ kept: [Int]) -> Matrix {
            var m = Matrix(rows: rows.count, columns: kept.count)
            for (j, col) in kept.enumerated() { for i in rows.indices { m[i, j] = rows[i][col] } }
            return m
        }
        var kept = Array(0..<fixedCount)
        var rank: Int
        do { rank = try LeastSquares.rank(of: design(kept)) } catch {
            throw .error(at: SourceLocation(file: events.file), "\(error)")
        }
        for c in columns.indices {
            if carriedRows[c] == 0 {
                status[c] = "not identified: no event of this lever falls between two ratings"
                continue
            }
            if carriers[c].count < minimumTreatedDistricts {
                let n = carriers[c].count
                status[c] =
                    "not identified: \(n == 1 ? "only one district's events inform" : "only \(n) districts' events inform") it (fewer than \(minimumTreatedDistricts); too few clusters for its standard error)"
                continue
            }
            let candidate = kept + [fixedCount + c]
            let r: Int
            do { r = try LeastSquares.rank(of: design(candidate)) } catch {
                throw .error(at: SourceLocation(file: events.file), "\(error)")
            }
            if r > rank {
                kept = candidate
                rank = r
                status[c] = "estimated"
            } else {
                status[c] = "not identified: collinear with the drifts and other levers"
            }
        }
        guard rank == kept.count, rows.count > kept.count else {
            throw .error(
                at: SourceLocation(file: panel.districts.isEmpty ? events.file : events.file),
                "the panel's history is too short to estimate component and district drifts")
        }
        let x = design(kept)
        let beta: [Double]
        let inverse: Matrix
        do {
            beta = try LeastSquares.qr(x, Matrix(rows: rows.count, columns: 1, columnMajor: response)).column(0)
            inverse = try CholeskyFactor(x.gram()).inverse()
        } catch {
            throw .error(at: SourceLocation(file: events.file), "\(error)")
        }
        // Cluster-robust (by district) covariance with the usual small-sample factor.
        let p = kept.count
        let n = rows.count
        var meat = [Double](repeating: 0, count: p * p)
        var scores = [[Double]](repeating: [Double](repeating: 0, count: p), count: dCount)
        for i in 0..<n {
            var fitted = 0.0
            for j in 0..<p { fitted += x[i, j] * beta[j] }
            let u = response[i] - fitted
            for j in 0..<p { scores[cluster[i]][j] += x[i, j] * u }
        }
        for g in scores { for a in 0..<p { for b in 0..<p { meat[a * p + b] += g[a] * g[b] } } }
        let clusters = Double(Set(cluster).count)
        let factor = clusters / max(1, clusters - 1) * Double(n - 1) / Double(max(1, n - p))
        func variance(_ j: Int) -> Double {
            var v = 0.0
            for a in 0..<p { for b in 0..<p { v += inverse[j, a] * meat[a * p + b] * inverse[b, j] } }
            return v * factor
        }
        return columns.indices.map { c in
            let position = kept.firstIndex(of: fixedCount + c)
            return Estimate(
                lever: columns[c].lever, kind: columns[c].kind,
                estimate: position.map { beta[$0] }, standardError: position.map { variance($0).squareRoot() },
                districts: carriers[c].count, observations: carriedRows[c], assumed: columns[c].assumed,
                status: status[c])
        }
    }
}

extension Effect {
    func effect(is kind: Kind) -> Bool { self.kind == kind }
}
