import Foundation
import LinearAlgebra
import RatingsData

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
/// `CellProblem` says how this is computed without dense matrices of the district count.
public enum TrajectoryModel {
    /// Why a panel cannot be fitted.
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Too few ratings to separate noise from trend.
        case noResidualDegreesOfFreedom
        /// A component never varies in time in any district: its slope is not identified.
        case componentWithoutTimeVariation(String)
        /// No district has two ratings of an element in different years.
        case noTimeVariation
        case linearAlgebra(LinearAlgebraError)

        /// The reason in words, with what to change in the panel.
        public var description: String {
            switch self {
            case .noResidualDegreesOfFreedom:
                return
                    "too few ratings to estimate year-to-year noise: every series needs more years than the model has slopes"
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
        let problem = try CellProblem(panel)
        do {
            return try problem.solve(variance: variance)
        } catch {
            throw .linearAlgebra(error)
        }
    }
}

/// Disjoint regions of `gls`'s per-district outputs, written by the chunk that owns them.
private struct GLSBuffers: @unchecked Sendable {
    let weight: UnsafeMutablePointer<Double>
    let districtWeight: UnsafeMutablePointer<Double>
    let districtRHS: UnsafeMutablePointer<Double>
    let u: UnsafeMutablePointer<Double>?
}

private struct SeriesOutput: @unchecked Sendable {
    let base: UnsafeMutablePointer<SeriesFit>?
}

private struct MomentumBuffer: @unchecked Sendable {
    let momentum: UnsafeMutablePointer<Double>
    let weight: UnsafePointer<Double>
}

/// The reduced problem on district×component cells, solved in O(cells · K) per likelihood evaluation.
///
/// Two facts keep it cheap at national scale (13,000 districts):
/// - With θ = τ²/σ², a cell slope's variance is σ²(θ + 1/Sxx), so σ² profiles out of the
///   restricted likelihood in closed form and REML is a one-dimensional search over θ.
/// - The fixed effects form a two-way additive model (component + district) whose district
///   block of the normal equations is diagonal: each district's momentum is eliminated on its
///   own, leaving a K × K Schur complement (one `dsyrk` and one Cholesky), never a dense
///   cells × (K + D − 1) design.
/// Internally the last identified district is the reference (momentum 0). The reported
/// sum-to-zero momenta are a shift of these; fitted slopes are unchanged, and the shift's
/// Jacobian (det = 1/D′) enters the log-determinant as the constant 2 log D′.
struct CellProblem {
    let panel: Panel
    let stats: SeriesStatistics
    let districtCount: Int
    let componentCount: Int
    /// Per cell (d·K + k): Σ Sxy and Σ Sxx over the cell's series.
    var cellSxy: [Double]
    var cellSxx: [Double]
    var withinRSS = 0.0
    var withinDF = 0
    var identified: [Bool]
    /// Identified districts in order; the last is the internal reference.
    var identifiedDistricts: [Int] = []
    /// Position of district d in `identifiedDistricts` (−1 when not identified).
    var position: [Int]
    /// The cells with time variation, grouped by district in `identifiedDistricts` order.
    var cellComponent: [Int] = []
    var cellSlope: [Double] = []
    var cellInformation: [Double] = []
    /// 1/Sxx per cell, so a likelihood evaluation divides once per cell.
    var cellInverseInformation: [Double] = []
    /// Cells of identified district at position i: `districtCellStart[i] ..< districtCellStart[i + 1]`.
    var districtCellStart: [Int] = [0]
    /// Distinct Sxx values with how many cells share each: Σ log(θ + 1/Sxx) needs one log per value.
    var informationGroups: [(sxx: Double, cells: Int)] = []

    var cellCount: Int { cellSlope.count }
    var fixedCount: Int { componentCount + identifiedDistricts.count - 1 }
    /// Degrees of freedom of the profiled σ²: within-cell residual df plus cells minus fixed effects.
    var totalDF: Int { withinDF + cellCount - fixedCount }

    init(_ panel: Panel) throws(TrajectoryModel.FitError) {
        self.panel = panel
        stats = SeriesStatistics(panel)
        districtCount = panel.districts.count
        componentCount = panel.framework.components.count
        cellSxy = Array(repeating: 0, count: districtCount * componentCount)
        cellSxx = cellSxy
        var syyTotal = 0.0
        let componentOf = panel.framework.elements.map(\.componentIndex)
        for s in 0..<stats.seriesCount {
            let cell = stats.district[s] * componentCount + componentOf[stats.element[s]]
            cellSxy[cell] += stats.sxy[s]
            cellSxx[cell] += stats.sxx[s]
            syyTotal += stats.syy[s]
        }
        identified = Array(repeating: false, count: districtCount)
        position = Array(repeating: -1, count: districtCount)
        var explained = 0.0
        var componentSeen = [Bool](repeating: false, count: componentCount)
        var groups: [Double: Int] = [:]
        for d in 0..<districtCount {
            for k in 0..<componentCount {
                let cell = d * componentCount + k
                guard cellSxx[cell] > 0 else { continue }
                if !identified[d] {
                    identified[d] = true
                    position[d] = identifiedDistricts.count
                    identifiedDistricts.append(d)
                    if identifiedDistricts.count > 1 { districtCellStart.append(cellSlope.count) }
                }
                componentSeen[k] = true
                cellComponent.append(k)
                cellSlope.append(cellSxy[cell] / cellSxx[cell])
                cellInformation.append(cellSxx[cell])
                groups[cellSxx[cell], default: 0] += 1
                explained += cellSxy[cell] * cellSxy[cell] / cellSxx[cell]
            }
        }
        districtCellStart.append(cellSlope.count)
        cellInverseInformation = cellInformation.map { 1 / $0 }
        guard !cellSlope.isEmpty else { throw TrajectoryModel.FitError.noTimeVariation }
        if let k = componentSeen.firstIndex(of: false) {
            throw TrajectoryModel.FitError.componentWithoutTimeVariation(panel.framework.components[k].shortName)
        }
        informationGroups = groups.map { (sxx: $0.key, cells: $0.value) }.sorted { $0.sxx < $1.sxx }
        let observations = stats.count.reduce(0, +)
        withinDF = observations - stats.seriesCount - cellSlope.count
        withinRSS = max(0, syyTotal - explained)
        guard withinDF > 0 else { throw TrajectoryModel.FitError.noResidualDegreesOfFreedom }
    }

    /// The GLS of the cell slopes at variance ratio θ, with weights w = 1/(θ + 1/Sxx) (σ² factored out).
    struct GLS {
        var theta: Double
        /// μₖ and the momenta in the reference parameterisation (reference district's momentum 0).
        var componentSlope: [Double]
        var momentum: [Double]
        /// Cholesky factor of the Schur complement S = diag(Σ_d w_dk) − Σ_{d≠ref} w_d w_dᵀ / W_d.
        var schur: CholeskyFactor
        /// w_dk by identified-district position (row-major, K per district) and W_d = Σ_k w_dk.
        var cellWeight: [Double]
        var districtWeight: [Double]
        /// Σ w (b − fitted)².
        var quadratic: Double
        /// log det of the weighted normal equations in the sum-to-zero parameterisation.
        var logDeterminant: Double
        /// Σ log(θ + 1/Sxx) over cells.
        var sumLogScale: Double
    }

    /// Fixed chunks of identified districts for the parallel passes of `gls`: partial sums are
    /// combined in chunk order, so results do not depend on the thread count.
    var districtChunks: [Range<Int>] {
        let D = identifiedDistricts.count
        let chunks = min(16, max(1, D / 512))
        return (0..<chunks).map { ($0 * D / chunks)..<(($0 + 1) * D / chunks) }
    }

    /// Buffers one likelihood evaluation fills, kept across the ~20 evaluations of the REML
    /// search: fresh megabyte-sized arrays each time cost more in page faults than the arithmetic.
    final class Workspace {
        var weight: [Double], districtWeight: [Double], districtRHS: [Double], u: [Double]
        init(districts D: Int, components K: Int) {
            weight = [Double](repeating: 0, count: D * K)
            districtWeight = [Double](repeating: 0, count: D)
            districtRHS = districtWeight
            // U ((D − 1) × K, column-major): row d is w_d/√W_d; S = diag(A) − UᵀU eliminates
            // every non-reference district's momentum.
            u = [Double](repeating: 0, count: max(0, D - 1) * K)
        }
    }

    func makeWorkspace() -> Workspace { Workspace(districts: identifiedDistricts.count, components: componentCount) }

    /// The GLS at θ. With a `workspace`, its buffers are reused (and hold this evaluation's
    /// outputs afterwards); without one, fresh buffers are made.
    func gls(theta: Double, workspace: Workspace? = nil) throws(LinearAlgebraError) -> GLS {
        let K = componentCount
        let D = identifiedDistricts.count
        let work = workspace ?? makeWorkspace()
        // Every entry the evaluation reads is rewritten below (absent cells keep weight 0).
        var weight = work.weight
        var districtWeight = work.districtWeight
        var districtRHS = work.districtRHS
        var u = work.u
        work.weight = []
        work.districtWeight = []
        work.districtRHS = []
        work.u = []  // unique: no copy on write
        defer {
            work.weight = weight
            work.districtWeight = districtWeight
            work.districtRHS = districtRHS
            work.u = u
        }
        let chunks = districtChunks
        let partials = weightPass(
            theta: theta, chunks: chunks, weight: &weight, districtWeight: &districtWeight,
            districtRHS: &districtRHS, u: &u)
        var componentWeight = [Double](repeating: 0, count: K)
        var rhs = componentWeight
        var logDistrictWeights = 0.0
        for part in partials {
            for k in 0..<K {
                componentWeight[k] += part.componentWeight[k]
                rhs[k] += part.rhs[k]
            }
            logDistrictWeights += part.logWeights
        }
        var schur = try Matrix(rows: max(0, D - 1), columns: K, columnMajor: u).gram()
        for k in 0..<K { schur[k, k] = componentWeight[k] - schur[k, k] }
        for j in 0..<K { for i in 0..<K where i != j { schur[i, j] = -schur[i, j] } }
        let factor = try CholeskyFactor(schur)
        let mu = try factor.solve(Matrix(rows: K, columns: 1, columnMajor: rhs)).column(0)
        var momentum = [Double](repeating: 0, count: D)
        let quadratics = momentumPass(
            mu: mu, chunks: chunks, weight: weight, districtWeight: districtWeight, districtRHS: districtRHS,
            momentum: &momentum)
        var sumLogScale = 0.0
        for g in informationGroups { sumLogScale += Double(g.cells) * log(theta + 1 / g.sxx) }
        return GLS(
            theta: theta, componentSlope: mu, momentum: momentum, schur: factor,
            cellWeight: weight, districtWeight: districtWeight, quadratic: quadratics.reduce(0, +),
            logDeterminant: logDistrictWeights + factor.logDeterminant + 2 * log(Double(D)),
            sumLogScale: sumLogScale)
    }

    /// One chunk's sums in the first pass of `gls`, combined in chunk order.
    private struct GLSPartial {
        var componentWeight: [Double]
        var rhs: [Double]
        var logWeights = 0.0
    }

    /// The first pass of `gls`, in parallel over `chunks` of identified districts: the cell
    /// weights, each district's total weight and weighted slope, U's rows, and per chunk the
    /// component weights, the right-hand side with each district's momentum eliminated, and
    /// Σ log W_d over the non-reference districts.
    private func weightPass(
        theta: Double, chunks: [Range<Int>], weight: inout [Double], districtWeight: inout [Double],
        districtRHS: inout [Double], u: inout [Double]
    ) -> [GLSPartial] {
        let K = componentCount
        let D = identifiedDistricts.count
        return weight.withUnsafeMutableBufferPointer { weight in
            districtWeight.withUnsafeMutableBufferPointer { districtWeight in
                districtRHS.withUnsafeMutableBufferPointer { districtRHS in
                    u.withUnsafeMutableBufferPointer { u in
                        let out = GLSBuffers(
                            weight: weight.baseAddress!, districtWeight: districtWeight.baseAddress!,
                            districtRHS: districtRHS.baseAddress!, u: u.baseAddress)
                        return Parallel.map(chunks.count) { c in
                            var part = GLSPartial(
                                componentWeight: [Double](repeating: 0, count: K),
                                rhs: [Double](repeating: 0, count: K))
                            for p in chunks[c] {
                                var wSum = 0.0
                                var rSum = 0.0
                                for i in districtCellStart[p]..<districtCellStart[p + 1] {
                                    let k = cellComponent[i]
                                    let w = 1 / (theta + cellInverseInformation[i])
                                    out.weight[p * K + k] = w
                                    wSum += w
                                    rSum += w * cellSlope[i]
                                    part.componentWeight[k] += w
                                    part.rhs[k] += w * cellSlope[i]
                                }
                                out.districtWeight[p] = wSum
                                out.districtRHS[p] = rSum
                                guard p < D - 1 else { continue }
                                let scale = 1 / wSum.squareRoot()
                                for k in 0..<K {
                                    out.u![p + k * (D - 1)] = out.weight[p * K + k] * scale
                                    part.rhs[k] -= out.weight[p * K + k] * rSum / wSum
                                }
                                part.logWeights += log(wSum)
                            }
                            return part
                        }
                    }
                }
            }
        }
    }

    /// The second pass of `gls`, in parallel over `chunks`: each non-reference district's
    /// momentum given μ, and per chunk Σ w (b − fitted)² over its cells.
    private func momentumPass(
        mu: [Double], chunks: [Range<Int>], weight: [Double], districtWeight: [Double], districtRHS: [Double],
        momentum: inout [Double]
    ) -> [Double] {
        let K = componentCount
        let D = identifiedDistricts.count
        return weight.withUnsafeBufferPointer { weight in
            momentum.withUnsafeMutableBufferPointer { momentum in
                let out = MomentumBuffer(momentum: momentum.baseAddress!, weight: weight.baseAddress!)
                return Parallel.map(chunks.count) { c in
                    var quadratic = 0.0
                    for p in chunks[c] {
                        var m = 0.0
                        if p < D - 1 {
                            m = districtRHS[p]
                            for k in 0..<K { m -= out.weight[p * K + k] * mu[k] }
                            m /= districtWeight[p]
                            out.momentum[p] = m
                        }
                        for i in districtCellStart[p]..<districtCellStart[p + 1] {
                            let k = cellComponent[i]
                            let r = cellSlope[i] - mu[k] - m
                            quadratic += out.weight[p * K + k] * r * r
                        }
                    }
                    return quadratic
                }
            }
        }
    }

    /// Restricted log-likelihood (constants dropped) at θ and σ².
    func logLikelihood(_ g: GLS, residualVariance s2: Double) -> Double {
        -0.5 * (Double(totalDF) * log(s2) + (withinRSS + g.quadratic) / s2 + g.sumLogScale + g.logDeterminant)
    }

    /// σ² maximising the restricted likelihood at the GLS's θ.
    func profiledResidualVariance(_ g: GLS) -> Double {
        max((withinRSS + g.quadratic) / Double(max(1, totalDF)), 1e-300)
    }

    /// REML: Brent's search of the profiled likelihood over log θ.
    /// The REML estimate, with the GLS at it (the fit's final solve reuses it).
    func estimateVariance() throws(LinearAlgebraError) -> (VarianceComponents, GLS) {
        let workspace = makeWorkspace()
        let logTheta = try brentMaximum(lower: log(1e-14), upper: log(1e12)) {
            (lt: Double) throws(LinearAlgebraError) in
            let g = try gls(theta: exp(lt), workspace: workspace)
            return logLikelihood(g, residualVariance: profiledResidualVariance(g))
        }
        let g = try gls(theta: exp(logTheta))
        let s2 = profiledResidualVariance(g)
        return (VarianceComponents(residual: s2, deviation: exp(logTheta) * s2), g)
    }

    /// The fit at the given variance components, or at the REML estimate when none are given.
    func solve(variance given: VarianceComponents?) throws(LinearAlgebraError) -> TrajectoryFit {
        let (v, g): (VarianceComponents, GLS)
        if let given {
            (v, g) = (given, try gls(theta: given.deviation / given.residual))
        } else {
            (v, g) = try estimateVariance()
        }
        let K = componentCount
        let D = identifiedDistricts.count
        let inverseSchur = try g.schur.inverse()
        // Sum-to-zero shift c: μ' = μ + c, m'_d = m_d − c, with c the mean momentum of identified districts.
        let shift = g.momentum.reduce(0, +) / Double(D)
        let mu = g.componentSlope.map { $0 + shift }
        var momentum = [Double](repeating: 0, count: districtCount)
        for (p, d) in identifiedDistricts.enumerated() where D > 1 { momentum[d] = g.momentum[p] - shift }

        // For the shifted μₖ alone: a = Σ_{d≠ref} (w_d/W_d) / D′, extra = Σ_{d≠ref} (1/W_d) / D′².
        var meanA = [Double](repeating: 0, count: K)
        var sumInverseWeight = 0.0
        for p in 0..<(D - 1) {
            for k in 0..<K { meanA[k] += g.cellWeight[p * K + k] / g.districtWeight[p] / Double(D) }
            sumInverseWeight += 1 / g.districtWeight[p]
        }
        let componentVariance = fixedVariances(
            a: meanA, extra: sumInverseWeight / Double(D * D), inverseSchur: inverseSchur, residual: v.residual)
        let idMomenta = identifiedDistricts.map { momentum[$0] }
        let momentumVariance =
            idMomenta.count > 1
            ? idMomenta.reduce(0) { $0 + $1 * $1 } / Double(idMomenta.count - 1) : 0
        let (slope, slopeSD) = districtSlopes(
            g, variance: v, inverseSchur: inverseSchur, mu: mu, momentum: momentum,
            componentVariance: componentVariance, momentumVariance: momentumVariance)
        return TrajectoryFit(
            variance: v, varianceSource: given == nil ? "REML" : "given",
            componentSlope: mu, componentSlopeSD: componentVariance.map { $0.squareRoot() },
            districtMomentum: momentum, districtIdentified: identified,
            slope: slope, slopeSD: slopeSD, series: seriesFits(slope: slope, slopeSD: slopeSD),
            restrictedLogLikelihood: logLikelihood(g, residualVariance: v.residual),
            observations: stats.count.reduce(0, +), residualDegreesOfFreedom: withinDF)
    }

    /// Var(μ̂ₖ + m̂_d) = σ²[(e_k − a)ᵀ S⁻¹ (e_k − a) + extra], a = w_d/W_d, extra = 1/W_d
    /// (a = 0, extra = 0 for the reference district), per component k.
    private func fixedVariances(a: [Double], extra: Double, inverseSchur: Matrix, residual: Double) -> [Double] {
        let K = componentCount
        var z = [Double](repeating: 0, count: K)
        var aza = 0.0
        for i in 0..<K {
            for j in 0..<K { z[i] += inverseSchur[i, j] * a[j] }
            aza += a[i] * z[i]
        }
        return (0..<K).map { k in residual * max(0, inverseSchur[k, k] - 2 * z[k] + aza + extra) }
    }

    /// Per district and component: the BLUP slope and its prediction sd (in parallel for large
    /// panels; each district's row depends only on its own cells). A cell without time variation
    /// gets the fixed part, with the deviation's variance (and the momentum's, for a district
    /// that is not identified) in its sd.
    private func districtSlopes(
        _ g: GLS, variance v: VarianceComponents, inverseSchur: Matrix, mu: [Double], momentum: [Double],
        componentVariance: [Double], momentumVariance: Double
    ) -> (slope: [[Double]], sd: [[Double]]) {
        let K = componentCount
        let D = identifiedDistricts.count
        let rows = Parallel.map(districtCount, threads: districtCount >= 1024 ? nil : 1) {
            d -> (slope: [Double], sd: [Double]) in
            let p = position[d]
            let fixedVariance: [Double]
            if p < 0 {
                fixedVariance = componentVariance
            } else if p == D - 1 {
                fixedVariance = fixedVariances(
                    a: [Double](repeating: 0, count: K), extra: 0, inverseSchur: inverseSchur, residual: v.residual)
            } else {
                let a = (0..<K).map { g.cellWeight[p * K + $0] / g.districtWeight[p] }
                fixedVariance = fixedVariances(
                    a: a, extra: 1 / g.districtWeight[p], inverseSchur: inverseSchur, residual: v.residual)
            }
            var slope = [Double](repeating: 0, count: K)
            var sd = slope
            for k in 0..<K {
                let fixedPart = mu[k] + momentum[d]
                let cell = d * K + k
                if cellSxx[cell] > 0 {
                    let b = cellSxy[cell] / cellSxx[cell]
                    let shrink = v.deviation / (v.deviation + v.residual / cellSxx[cell])
                    slope[k] = fixedPart + shrink * (b - fixedPart)
                    let conditional = 1 / (1 / v.deviation + cellSxx[cell] / v.residual)
                    sd[k] = (conditional + (1 - shrink) * (1 - shrink) * fixedVariance[k]).squareRoot()
                } else {
                    slope[k] = fixedPart
                    sd[k] = (v.deviation + fixedVariance[k] + (p < 0 ? momentumVariance : 0)).squareRoot()
                }
            }
            return (slope, sd)
        }
        return (rows.map(\.slope), rows.map(\.sd))
    }

    /// One SeriesFit per observed series, written in fixed chunks in parallel.
    private func seriesFits(slope: [[Double]], slopeSD: [[Double]]) -> [SeriesFit] {
        let componentOf = panel.framework.elements.map(\.componentIndex)
        let latestYear = panel.districts.indices.map { panel.latestSnapshot(ofDistrict: $0).year }
        let seriesCount = stats.seriesCount
        let chunks = min(16, max(1, seriesCount / 4096))
        return [SeriesFit](unsafeUninitializedCapacity: seriesCount) { buffer, initialized in
            let out = SeriesOutput(base: buffer.baseAddress)
            _ = Parallel.map(chunks) { c in
                for s in (c * seriesCount / chunks)..<((c + 1) * seriesCount / chunks) {
                    let d = stats.district[s]
                    let e = stats.element[s]
                    let k = componentOf[e]
                    (out.base! + s).initialize(
                        to: SeriesFit(
                            district: d, element: e,
                            level: stats.meanScore[s] + slope[d][k] * (Double(latestYear[d]) - stats.meanYear[s]),
                            levelYear: latestYear[d], slope: slope[d][k], slopeSD: slopeSD[d][k],
                            observations: stats.count[s], meanYear: stats.meanYear[s], meanScore: stats.meanScore[s]))
                }
                return 0
            }
            initialized = seriesCount
        }
    }
}
