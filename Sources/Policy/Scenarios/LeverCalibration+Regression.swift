import Forecasting
import LinearAlgebra
import RatingsData

extension LeverCalibration {
    /// A candidate regressor: one lever's level or slope effects, the elements they target and the
    /// catalogue's mean size.
    struct Column {
        var lever: String
        var kind: Estimate.Kind
        var elements: Set<Int>
        var assumed: Double?
        /// An event study's column: the yearly steps this many years after the event year's step
        /// (`EventStudy.bins`; the last bin takes every later year too). Nil: `kind`'s J or S.
        var eventTime: Int? = nil

        /// Per lever in catalogue order, a level column when it has level effects and a slope
        /// column when it has slope or stall effects (the assumed slope is the mean of its slope
        /// effects; nil when it has only stalls).
        static func candidates(_ levers: LeverCatalogue, framework fw: Framework) -> [Column] {
            var columns: [Column] = []
            for lever in levers.levers {
                let all = lever.effects(provisions: nil)
                let level = all.filter { $0.effect(is: .level) }
                let slope = all.filter { $0.effect(is: .slope) || $0.effect(is: .stall) }
                if !level.isEmpty {
                    columns.append(
                        Column(
                            lever: lever.id, kind: .level,
                            elements: Set(level.flatMap { $0.targets.elementIndices(in: fw) }),
                            assumed: level.map(\.size.mean).reduce(0, +) / Double(level.count)))
                }
                if !slope.isEmpty {
                    let slopes = slope.filter { $0.kind == .slope }
                    columns.append(
                        Column(
                            lever: lever.id, kind: .slope,
                            elements: Set(slope.flatMap { $0.targets.elementIndices(in: fw) }),
                            assumed: slopes.isEmpty ? nil : slopes.map(\.size.mean).reduce(0, +) / Double(slopes.count)
                        ))
                }
            }
            return columns
        }
    }

    /// The first-difference regression: one row per consecutive pair of a series' ratings. Its
    /// first `fixedCount` columns are the component drifts and the district momenta (none for the
    /// first district), then one per candidate `Column`.
    struct Regression {
        let columns: [Column]
        let componentCount: Int
        let districtCount: Int
        /// The drift and momentum columns before the lever columns.
        let fixedCount: Int
        /// The events file, where a failure of the fit is reported.
        let file: String
        private(set) var rows: [[Double]] = []
        /// Δy of each row.
        private(set) var response: [Double] = []
        /// The district of each row (the clusters of the standard errors).
        private(set) var cluster: [Int] = []

        init(panel: Panel, events: EventTable, columns: [Column]) {
            let fw = panel.framework
            self.columns = columns
            componentCount = fw.components.count
            districtCount = panel.districts.count
            fixedCount = componentCount + max(0, districtCount - 1)
            file = events.file
            var eventYears: [String: [String: [Int]]] = [:]  // district → lever → years
            for e in events.events { eventYears[e.district, default: [:]][e.lever, default: []].append(e.year) }
            for d in panel.districts.indices {
                let snaps = Array(panel.snapshots(ofDistrict: d))
                let years = eventYears[panel.districts[d].name] ?? [:]
                for e in fw.elements.indices {
                    appendSteps(
                        snaps, element: e, component: fw.elements[e].componentIndex, district: d, eventYears: years)
                }
            }
        }

        /// A row for each consecutive pair of ratings of element `e` in the district's snapshots.
        private mutating func appendSteps(
            _ snaps: [Snapshot], element e: Int, component k: Int, district d: Int, eventYears: [String: [Int]]
        ) {
            var previous: (year: Int, score: Double)?
            for s in snaps {
                guard let y = s.scores[e] else { continue }
                if let p = previous {
                    rows.append(
                        row(from: p.year, to: s.year, element: e, component: k, district: d, eventYears: eventYears))
                    response.append(y - p.score)
                    cluster.append(d)
                }
                previous = (s.year, y)
            }
        }

        /// The regressors of a step from `t0` to `t1`: Δt on its component's drift and its
        /// district's momentum, and for each lever column targeting the element its J (level) or
        /// S (slope) summed over the lever's events in the district (`eventYears`: lever → years).
        private func row(
            from t0: Int, to t1: Int, element e: Int, component k: Int, district d: Int,
            eventYears: [String: [Int]]
        ) -> [Double] {
            let dt = Double(t1 - t0)
            var row = [Double](repeating: 0, count: fixedCount + columns.count)
            row[k] = dt
            if d > 0 { row[componentCount + d - 1] = dt }
            for (c, column) in columns.enumerated() where column.elements.contains(e) {
                for year in eventYears[column.lever] ?? [] {
                    if let bin = column.eventTime {
                        // The yearly steps into u = t0 + 1 … t1, each at event time u − year − 1.
                        for u in (t0 + 1)...t1 where EventStudy.bin(u - year - 1) == bin { row[fixedCount + c] += 1 }
                    } else if column.kind == .level {
                        if t0 <= year && year < t1 { row[fixedCount + c] += 1 }
                    } else {
                        row[fixedCount + c] += Double(max(0, t1 - max(t0 + 1, year + 2) + 1))
                    }
                }
            }
            return row
        }

        /// Per lever column, the districts whose rows carry it and how many rows do.
        func carriers() -> (districts: [Set<Int>], steps: [Int]) {
            var districts = [Set<Int>](repeating: [], count: columns.count)
            var steps = [Int](repeating: 0, count: columns.count)
            for (r, row) in rows.enumerated() {
                for c in columns.indices where row[fixedCount + c] != 0 {
                    districts[c].insert(cluster[r])
                    steps[c] += 1
                }
            }
            return (districts, steps)
        }

        /// The design matrix of the `kept` columns.
        func design(_ kept: [Int]) -> Matrix {
            var m = Matrix(rows: rows.count, columns: kept.count)
            for (j, col) in kept.enumerated() { for i in rows.indices { m[i, j] = rows[i][col] } }
            return m
        }

        /// The columns of the fit (the drifts, then each identified lever column in order) and every
        /// lever column's status: a column is kept when some row carries it, at least
        /// `minimumTreatedDistricts` districts do, and it raises the rank of the columns before it.
        func identify(carriers: [Set<Int>], carriedSteps: [Int]) throws(Diagnostic) -> (
            kept: [Int], status: [Estimate.Status]
        ) {
            var kept = Array(0..<fixedCount)
            var rank = try self.rank(kept)
            var status: [Estimate.Status] = []
            for c in columns.indices {
                if carriedSteps[c] == 0 {
                    status.append(.noEventBetweenRatings)
                    continue
                }
                if carriers[c].count < minimumTreatedDistricts {
                    status.append(.tooFewDistricts(carriers[c].count))
                    continue
                }
                let candidate = kept + [fixedCount + c]
                let r = try self.rank(candidate)
                if r > rank {
                    kept = candidate
                    rank = r
                    status.append(.estimated)
                } else {
                    status.append(.collinear)
                }
            }
            guard rank == kept.count, rows.count > kept.count else {
                throw .error(
                    at: SourceLocation(file: file),
                    "the panel's history is too short to estimate component and district drifts")
            }
            return (kept, status)
        }

        private func rank(_ kept: [Int]) throws(Diagnostic) -> Int {
            do { return try LeastSquares.rank(of: design(kept)) } catch {
                throw .error(at: SourceLocation(file: file), "\(error)")
            }
        }

        /// Least squares on the `kept` columns: the coefficients and their standard errors (both in
        /// `kept` order), cluster-robust by district with the usual small-sample factor; and the
        /// design and (XᵀX)⁻¹ they came from, which the bootstrap reuses.
        func fit(_ kept: [Int]) throws(Diagnostic) -> (
            beta: [Double], standardErrors: [Double], design: Matrix, inverse: Matrix
        ) {
            let x = design(kept)
            let beta: [Double]
            let inverse: Matrix
            do {
                beta = try LeastSquares.qr(x, Matrix(rows: rows.count, columns: 1, columnMajor: response)).column(0)
                inverse = try CholeskyFactor(x.gram()).inverse()
            } catch {
                throw .error(at: SourceLocation(file: file), "\(error)")
            }
            let p = kept.count
            let (meat, factor) = clusterMeat(x, beta: beta, columns: p)
            let standardErrors = (0..<p).map { j in
                var v = 0.0
                for a in 0..<p { for b in 0..<p { v += inverse[j, a] * meat[a * p + b] * inverse[b, j] } }
                return (v * factor).squareRoot()
            }
            return (beta, standardErrors, x, inverse)
        }

        /// The sandwich's meat (p × p, row-major): the sum over districts of the outer product of
        /// their score sums; and the small-sample factor G/(G − 1) · (n − 1)/(n − p).
        private func clusterMeat(_ x: Matrix, beta: [Double], columns p: Int) -> (meat: [Double], factor: Double) {
            let n = rows.count
            var meat = [Double](repeating: 0, count: p * p)
            var scores = [[Double]](repeating: [Double](repeating: 0, count: p), count: districtCount)
            for i in 0..<n {
                var fitted = 0.0
                for j in 0..<p { fitted += x[i, j] * beta[j] }
                let u = response[i] - fitted
                for j in 0..<p { scores[cluster[i]][j] += x[i, j] * u }
            }
            for g in scores { for a in 0..<p { for b in 0..<p { meat[a * p + b] += g[a] * g[b] } } }
            return (meat, smallSampleFactor(columns: p))
        }

        /// The cluster-robust variance's small-sample factor G/(G − 1) · (n − 1)/(n − p).
        func smallSampleFactor(columns p: Int) -> Double {
            let n = rows.count
            let clusters = Double(Set(cluster).count)
            return clusters / max(1, clusters - 1) * Double(n - 1) / Double(max(1, n - p))
        }
    }
}
