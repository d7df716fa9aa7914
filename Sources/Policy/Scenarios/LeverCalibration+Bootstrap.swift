import Forecasting
import LinearAlgebra
import RatingsData

extension LeverCalibration {
    /// A wild cluster bootstrap-t for the lever coefficients (Cameron, Gelbach & Miller 2008):
    /// each replicate keeps the fitted values and flips the sign of every district's residuals
    /// together (Rademacher weights), refits, and studentises the replicate's coefficient by its
    /// own cluster-robust standard error. The intervals are β̂ − t*₍₁₋α/₂₎·SE to β̂ − t*₍α/₂₎·SE,
    /// with t* the replicates' t statistics. Unlike β̂ ± 1.96·SE, they do not assume the
    /// t statistic is normal, which with few clusters it is not. With few *treated* clusters
    /// even this is optimistic (MacKinnon & Webb 2017), which is why an effect carried by fewer
    /// than `minimumTreatedDistricts` districts gets no number at all.
    struct WildClusterBootstrap {
        /// Replicates (999: the 2.5% and 97.5% order statistics are the 25th and 975th).
        static let replicates = 999
        /// The seed of the Rademacher weights: the same data gives the same intervals.
        static let seed: UInt64 = 0x0B00_75_7A_AB
        /// At most this many n × replicate values in memory at once (8 bytes each).
        static let batchValues = 4_000_000

        /// Sorted replicate t statistics of each coefficient at `positions` (indices into the fit's columns).
        let t: [[Double]]
        /// Sorted finite replicate values of each functional of the coefficients.
        let values: [[Double]]
        /// Replicates drawn.
        let count: Int

        /// A bootstrap from given replicate statistics (tests).
        init(statistics: [[Double]], values: [[Double]] = []) {
            t = statistics.map { $0.sorted() }
            self.values = values.map { $0.sorted() }
            count = statistics.first?.count ?? values.first?.count ?? 0
        }

        /// Runs the bootstrap for the coefficients at `positions` of the least-squares fit of
        /// `regression` on its `kept` columns (`beta`, `standardErrors` in `kept` order), and the
        /// replicates' values of each of `functionals` of the coefficients.
        init(
            _ regression: Regression, kept: [Int], beta: [Double], standardErrors: [Double], positions: [Int],
            functionals: [([Double]) -> Double] = [], replicates: Int = Self.replicates, design: Matrix? = nil,
            inverse: Matrix? = nil
        ) throws(LinearAlgebraError) {
            // The fit's design and (XᵀX)⁻¹ when given (`FittedRegression`), else computed here.
            let x = design ?? regression.design(kept)
            let xtxInverse: Matrix
            if let inverse { xtxInverse = inverse } else { xtxInverse = try CholeskyFactor(x.gram()).inverse() }
            let fitted = try Matrix.product(x, try Matrix(rows: beta.count, columns: 1, columnMajor: beta)).column(0)
            let residual = zip(regression.response, fitted).map { $0 - $1 }
            let rows = Self.rowsByCluster(regression.cluster)
            var statistics = [[Double]](repeating: [], count: positions.count)
            var values = [[Double]](repeating: [], count: functionals.count)
            var rng = SeededGenerator(seed: Self.seed)
            let batch = max(1, min(replicates, Self.batchValues / max(1, fitted.count)))
            var done = 0
            while done < replicates {
                let count = min(batch, replicates - done)
                let ystar = Self.responses(fitted, residual, cluster: regression.cluster, count: count, rng: &rng)
                let replicate = try Replicates(
                    x: x, inverse: xtxInverse, ystar: ystar, rows: rows, positions: positions,
                    factor: regression.smallSampleFactor(columns: kept.count))
                for (j, p) in positions.enumerated() {
                    for b in 0..<count {
                        statistics[j].append((replicate.beta[p, b] - beta[p]) / replicate.standardError[j][b])
                    }
                }
                for b in 0..<count {
                    let coefficients = replicate.beta.column(b)
                    for (f, functional) in functionals.enumerated() { values[f].append(functional(coefficients)) }
                }
                done += count
            }
            t = statistics.map { $0.filter(\.isFinite).sorted() }
            self.values = values.map { $0.filter(\.isFinite).sorted() }
            count = replicates
        }

        /// The interval of coverage `level` for the coefficient at `positions[j]`; nil when too few
        /// replicates were finite to read its tails.
        func interval(_ j: Int, estimate: Double, standardError: Double, level: Double) -> ClosedRange<Double>? {
            let sorted = t[j]
            let tail = (1 - level) / 2
            let lowIndex = Int((Double(sorted.count + 1) * tail).rounded()) - 1
            let highIndex = Int((Double(sorted.count + 1) * (1 - tail)).rounded()) - 1
            guard lowIndex >= 0, highIndex < sorted.count, lowIndex < highIndex else { return nil }
            return (estimate - sorted[highIndex] * standardError)...(estimate - sorted[lowIndex] * standardError)
        }

        /// The percentile interval of coverage `level` of functional `f`; nil when fewer than 90% of
        /// its replicates were finite (a stall's pace not positive in too many of them).
        func percentile(_ f: Int, level: Double) -> ClosedRange<Double>? {
            let sorted = values[f]
            guard Double(sorted.count) >= 0.9 * Double(count), !sorted.isEmpty else { return nil }
            let tail = (1 - level) / 2
            let low = max(0, Int((Double(sorted.count + 1) * tail).rounded()) - 1)
            let high = min(sorted.count - 1, Int((Double(sorted.count + 1) * (1 - tail)).rounded()) - 1)
            return low <= high ? sorted[low]...sorted[high] : nil
        }

        /// Each cluster's row indices, clusters in order of first appearance.
        static func rowsByCluster(_ cluster: [Int]) -> [[Int]] {
            var index: [Int: Int] = [:]
            var rows: [[Int]] = []
            for (i, g) in cluster.enumerated() {
                if let k = index[g] {
                    rows[k].append(i)
                } else {
                    index[g] = rows.count
                    rows.append([i])
                }
            }
            return rows
        }

        /// `count` bootstrap responses (n × count, column-major): fitted + w_g · residual, one
        /// Rademacher weight per cluster and replicate.
        static func responses(
            _ fitted: [Double], _ residual: [Double], cluster: [Int], count: Int, rng: inout SeededGenerator
        ) -> Matrix {
            let n = fitted.count
            let clusters = (cluster.max() ?? 0) + 1
            var values = [Double](repeating: 0, count: n * count)
            for b in 0..<count {
                let weight = (0..<clusters).map { _ in rng.uniform() < 0.5 ? -1.0 : 1.0 }
                for i in 0..<n { values[b * n + i] = fitted[i] + weight[cluster[i]] * residual[i] }
            }
            // The sizes match by construction.
            return (try? Matrix(rows: n, columns: count, columnMajor: values)) ?? Matrix(rows: 0, columns: 0)
        }
    }

    /// One batch of replicates: coefficients (p × count) and, for each coefficient at
    /// `positions`, the replicates' cluster-robust standard errors.
    struct Replicates {
        let beta: Matrix
        let standardError: [[Double]]

        init(x: Matrix, inverse: Matrix, ystar: Matrix, rows: [[Int]], positions: [Int], factor: Double)
            throws(LinearAlgebraError)
        {
            beta = try Matrix.product(inverse, try Matrix.product(x, transposeA: true, ystar))
            let residual = try Self.difference(ystar, try Matrix.product(x, beta))
            let count = ystar.columns
            let selected = try Matrix(
                rows: positions.count, columns: x.columns,
                columnMajor: (0..<x.columns).flatMap { c in positions.map { inverse[$0, c] } })
            var sumSquares = [[Double]](repeating: [Double](repeating: 0, count: count), count: positions.count)
            for members in rows {
                // The cluster's score sums X_gᵀ u*_g (p × count), then inverse-weighted (positions × count).
                let scores = try Matrix.product(
                    Self.rows(members, of: x), transposeA: true, Self.rows(members, of: residual))
                let weighted = try Matrix.product(selected, scores)
                for j in positions.indices {
                    for b in 0..<count { sumSquares[j][b] += weighted[j, b] * weighted[j, b] }
                }
            }
            standardError = sumSquares.map { $0.map { ($0 * factor).squareRoot() } }
        }

        /// `a − b`, same shape.
        static func difference(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
            try Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.storage, b.storage).map { $0 - $1 })
        }

        /// The rows `members` of `m`, in order.
        static func rows(_ members: [Int], of m: Matrix) throws(LinearAlgebraError) -> Matrix {
            var values = [Double](repeating: 0, count: members.count * m.columns)
            for c in 0..<m.columns { for (r, i) in members.enumerated() { values[c * members.count + r] = m[i, c] } }
            return try Matrix(rows: members.count, columns: m.columns, columnMajor: values)
        }
    }
}
