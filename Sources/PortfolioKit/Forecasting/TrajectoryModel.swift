import Foundation
import LinearAlgebra

/// The pooled growth-curve model of element ratings.
///
/// For series s = (district d, element e in component k), observed in years t:
///
///     y(s,t) = αₛ + βᵈₖ · (t − t̄ₛ) + ε,   ε ~ N(0, σ²)
///     βᵈₖ   = μₖ + mᵈ + uᵈₖ,              uᵈₖ ~ N(0, τ²)
///
/// αₛ is a free level per series, μₖ a component slope, mᵈ a district momentum
/// (sum zero over districts), uᵈₖ a district×component deviation shrunk toward
/// zero. Equivalently: penalised least squares with penalty λ = σ²/τ² on u.
///
/// Estimation. Eliminating the free levels centres each series on its own mean;
/// what remains splits exactly into (a) the residuals within district×component
/// cells, which carry only σ², and (b) one pooled OLS slope b̂ᵈₖ = Sxy/Sxx per cell,
/// with b̂ᵈₖ ~ N(μₖ + mᵈ, τ² + σ²/Sxxᵈₖ) independently. The fixed effects are the
/// GLS solution of (b); σ² and τ² maximise the restricted (REML) likelihood of
/// (a) and (b). The slopes are the BLUPs β̃ = Xβ̂ + g(b̂ − Xβ̂), g = τ²/(τ² + σ²/Sxx),
/// with prediction-error variance (1/τ² + Sxx/σ²)⁻¹ + (1 − g)² xᵀ Cov(β̂) x.
public enum TrajectoryModel {
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Too few ratings to separate noise from trend.
        case noResidualDegreesOfFreedom
        /// A component never varies in time in any district: its slope is not identified.
        case componentWithoutTimeVariation(String)
        /// No district has two ratings of an element in different years.
        case noTimeVariation
        case linearAlgebra(LinearAlgebraError)

        public var description: String {
            switch self {
            case .noResidualDegreesOfFreedom:
                return "too few ratings to estimate year-to-year noise: every series needs more years than the model has slopes"
            case .componentWithoutTimeVariation(let name):
                return "component \(name) has no series rated in two different years; its trend cannot be estimated"
            case .noTimeVariation:
                return "no series is rated in two different years; trends cannot be estimated"
            case .linearAlgebra(let e):
                return "numerical failure in the fit: \(e)"
            }
        }
    }

    /// Fit the model to `panel`.
    /// - Parameter variance: fixed variance components; nil (default) estimates them by REML.
    public static func fit(_ panel: Panel, variance: VarianceComponents? = nil) throws(FitError) -> TrajectoryFit {
        do {
            return try CellProblem(panel).solve(variance: variance)
        } catch let e as FitError {
            throw e
        } catch let e as LinearAlgebraError {
            throw .linearAlgebra(e)
        } catch {
            throw .noTimeVariation
        }
    }
}

/// The reduced problem on district×component cells.
struct CellProblem {
    let panel: Panel
    let stats: SeriesStatistics
    let districtCount: Int
    let componentCount: Int
    /// Per cell (d·K + k): Σ Sxy and Σ Sxx over the cell's series.
    var cellSxy: [Double]
    var cellSxx: [Double]
    /// Cells with time variation, and their pooled OLS slopes.
    var cells: [Int] = []
    var withinRSS = 0.0
    var withinDF = 0
    var identified: [Bool]
    /// Identified districts in order; the last one's momentum is minus the sum of the others.
    var identifiedDistricts: [Int] = []

    init(_ panel: Panel) throws {
        self.panel = panel
        stats = try SeriesStatistics(panel)
        districtCount = panel.districts.count
        componentCount = panel.framework.components.count
        cellSxy = Array(repeating: 0, count: districtCount * componentCount)
        cellSxx = cellSxy
        var syyTotal = 0.0
        for s in 0..<stats.seriesCount {
            let cell = stats.district[s] * componentCount + panel.framework.elements[stats.element[s]].componentIndex
            cellSxy[cell] += stats.sxy[s]
            cellSxx[cell] += stats.sxx[s]
            syyTotal += stats.syy[s]
        }
        identified = Array(repeating: false, count: districtCount)
        var explained = 0.0
        for cell in cellSxx.indices where cellSxx[cell] > 0 {
            cells.append(cell)
            identified[cell / componentCount] = true
            explained += cellSxy[cell] * cellSxy[cell] / cellSxx[cell]
        }
        guard !cells.isEmpty else { throw TrajectoryModel.FitError.noTimeVariation }
        for k in 0..<componentCount where !cells.contains(where: { $0 % componentCount == k }) {
            throw TrajectoryModel.FitError.componentWithoutTimeVariation(panel.framework.components[k].shortName)
        }
        identifiedDistricts = (0..<districtCount).filter { identified[$0] }
        let observations = stats.count.reduce(0, +)
        withinDF = observations - stats.seriesCount - cells.count
        withinRSS = max(0, syyTotal - explained)
        guard withinDF > 0 else { throw TrajectoryModel.FitError.noResidualDegreesOfFreedom }
    }

    var fixedCount: Int { componentCount + identifiedDistricts.count - 1 }

    /// Row of the fixed-effect design for cell (d, k): μₖ, then sum-to-zero district momenta.
    func designRow(district d: Int, component k: Int) -> [Double] {
        var row = [Double](repeating: 0, count: fixedCount)
        row[k] = 1
        guard identified[d], identifiedDistricts.count > 1 else { return row }
        let position = identifiedDistricts.firstIndex(of: d)!
        if position < identifiedDistricts.count - 1 {
            row[componentCount + position] = 1
        } else {
            for j in componentCount..<fixedCount { row[j] = -1 }
        }
        return row
    }

    struct GLS {
        var beta: [Double]
        var factor: CholeskyFactor
        var logLikelihood: Double
    }

    /// GLS of the cell slopes on the fixed design, and the restricted log-likelihood.
    func gls(_ v: VarianceComponents) throws -> GLS {
        let n = cells.count, p = fixedCount
        var xw = Matrix(rows: n, columns: p)
        var bw = Matrix(rows: n, columns: 1)
        var sumLogV = 0.0
        for (i, cell) in cells.enumerated() {
            let d = cell / componentCount, k = cell % componentCount
            let variance = v.deviation + v.residual / cellSxx[cell]
            let w = 1 / variance.squareRoot()
            sumLogV += log(variance)
            let row = designRow(district: d, component: k)
            for j in 0..<p { xw[i, j] = row[j] * w }
            bw[i, 0] = cellSxy[cell] / cellSxx[cell] * w
        }
        let factor = try CholeskyFactor(xw.gram())
        let beta = try factor.solve(try Matrix.product(xw, transposeA: true, bw)).column(0)
        let fitted = try xw * Matrix(rows: p, columns: 1, columnMajor: beta)
        var weightedRSS = 0.0
        for i in 0..<n { let r = bw[i, 0] - fitted[i, 0]; weightedRSS += r * r }
        let ll = -0.5 * (Double(withinDF) * log(v.residual) + withinRSS / v.residual
                         + sumLogV + weightedRSS + factor.logDeterminant)
        return GLS(beta: beta, factor: factor, logLikelihood: ll)
    }

    /// Maximise the restricted likelihood over log σ² and log τ² by alternating golden-section searches.
    func estimateVariance() throws -> VarianceComponents {
        var logSigma = log(max(withinRSS / Double(withinDF), 1e-8))
        let slopes = cells.map { cellSxy[$0] / cellSxx[$0] }
        let mean = slopes.reduce(0, +) / Double(slopes.count)
        let spread = slopes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, slopes.count - 1))
        var logTau = log(max(spread * 0.5, 1e-6))
        func ll(_ ls: Double, _ lt: Double) throws -> Double {
            try gls(VarianceComponents(residual: exp(ls), deviation: exp(lt))).logLikelihood
        }
        var previous = -Double.infinity
        for _ in 0..<50 {
            logTau = try goldenMaximum(lower: log(1e-12), upper: log(100.0)) { try ll(logSigma, $0) }
            logSigma = try goldenMaximum(lower: log(1e-10), upper: log(100.0)) { try ll($0, logTau) }
            let current = try ll(logSigma, logTau)
            if abs(current - previous) < 1e-12 * max(1, abs(current)) { break }
            previous = current
        }
        return VarianceComponents(residual: exp(logSigma), deviation: exp(logTau))
    }

    func solve(variance given: VarianceComponents?) throws -> TrajectoryFit {
        let v = try given ?? estimateVariance()
        let g = try gls(v)
        let covariance = try g.factor.inverse()
        let p = fixedCount
        let mu = Array(g.beta[0..<componentCount])
        var momentum = [Double](repeating: 0, count: districtCount)
        if identifiedDistricts.count > 1 {
            let free = Array(g.beta[componentCount..<p])
            for (i, d) in identifiedDistricts.dropLast().enumerated() { momentum[d] = free[i] }
            momentum[identifiedDistricts.last!] = -free.reduce(0, +)
        }
        // Between-district spread of momentum, for districts without time variation of their own.
        let idMomenta = identifiedDistricts.map { momentum[$0] }
        let momentumVariance = idMomenta.count > 1
            ? idMomenta.reduce(0) { $0 + $1 * $1 } / Double(idMomenta.count - 1) : 0

        var slope = [[Double]](repeating: [Double](repeating: 0, count: componentCount), count: districtCount)
        var slopeSD = slope
        for d in 0..<districtCount {
            for k in 0..<componentCount {
                let x = designRow(district: d, component: k)
                var fixedPart = 0.0, xcx = 0.0
                for i in 0..<p {
                    fixedPart += x[i] * g.beta[i]
                    for j in 0..<p { xcx += x[i] * covariance[i, j] * x[j] }
                }
                let cell = d * componentCount + k
                if cellSxx[cell] > 0 {
                    let b = cellSxy[cell] / cellSxx[cell]
                    let shrink = v.deviation / (v.deviation + v.residual / cellSxx[cell])
                    slope[d][k] = fixedPart + shrink * (b - fixedPart)
                    let conditional = 1 / (1 / v.deviation + cellSxx[cell] / v.residual)
                    slopeSD[d][k] = (conditional + (1 - shrink) * (1 - shrink) * xcx).squareRoot()
                } else {
                    slope[d][k] = fixedPart
                    slopeSD[d][k] = (v.deviation + xcx + (identified[d] ? 0 : momentumVariance)).squareRoot()
                }
            }
        }

        let framework = panel.framework
        var series: [SeriesFit] = []
        series.reserveCapacity(stats.seriesCount)
        for s in 0..<stats.seriesCount {
            let d = stats.district[s], e = stats.element[s]
            let k = framework.elements[e].componentIndex
            let latestYear = panel.latestSnapshot(ofDistrict: d).year
            series.append(SeriesFit(district: d, element: e,
                                    level: stats.meanScore[s] + slope[d][k] * (Double(latestYear) - stats.meanYear[s]),
                                    levelYear: latestYear, slope: slope[d][k], slopeSD: slopeSD[d][k],
                                    observations: stats.count[s], meanYear: stats.meanYear[s],
                                    meanScore: stats.meanScore[s]))
        }
        return TrajectoryFit(
            variance: v, varianceSource: given == nil ? "REML" : "given",
            componentSlope: mu, componentSlopeSD: (0..<componentCount).map { covariance[$0, $0].squareRoot() },
            districtMomentum: momentum, districtIdentified: identified,
            slope: slope, slopeSD: slopeSD, series: series, fixedCovariance: covariance,
            restrictedLogLikelihood: g.logLikelihood, observations: stats.count.reduce(0, +),
            residualDegreesOfFreedom: withinDF)
    }
}

/// The maximiser of a unimodal `f` on [lower, upper] by golden-section search (to ~1e-9 of the interval).
func goldenMaximum(lower: Double, upper: Double, _ f: (Double) throws -> Double) rethrows -> Double {
    let ratio = (5.0.squareRoot() - 1) / 2
    var a = lower, b = upper
    var c = b - ratio * (b - a), d = a + ratio * (b - a)
    var fc = try f(c), fd = try f(d)
    while b - a > 1e-10 * max(1, abs(a) + abs(b)) {
        if fc > fd {
            b = d; d = c; fd = fc
            c = b - ratio * (b - a); fc = try f(c)
        } else {
            a = c; c = d; fc = fd
            d = a + ratio * (b - a); fd = try f(d)
        }
    }
    return (a + b) / 2
}
