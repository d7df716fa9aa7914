import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Known truth: panels drawn from known parameters (SyntheticPanel), fitted back.
@Suite struct TrajectoryRecoveryTests {
    /// 200 districts × CRPE's 36 elements × 10 years, exact model values (no rounding):
    /// component slopes within 3 standard errors, variances within 10%/25%, and pooled
    /// slopes closer to the truth than free per-cell OLS slopes.
    @Test func recoversKnownParameters() throws {
        let synthetic = SyntheticPanel.generate(
            framework: Shipped.framework, districts: 200, years: 2010...2019,
            seed: 7, rounded: false)
        let fit = try TrajectoryModel.fit(synthetic.panel)
        let truth = synthetic.truth
        for k in truth.componentSlope.indices {
            #expect(
                fit.componentSlope[k].isApproximatelyEqual(
                    to: truth.componentSlope[k], absoluteTolerance: 3 * fit.componentSlopeSD[k]),
                "component \(k): \(fit.componentSlope[k]) vs \(truth.componentSlope[k])")
        }
        #expect((fit.variance.residual / truth.variance.residual).isApproximatelyEqual(to: 1, absoluteTolerance: 0.10))
        #expect(
            (fit.variance.deviation / truth.variance.deviation).isApproximatelyEqual(to: 1, absoluteTolerance: 0.25))

        // RMSE of the pooled slopes, against a free OLS slope per district×component cell.
        let stats = SeriesStatistics(synthetic.panel)
        let k = Shipped.framework.components.count
        var sxy = [Double](repeating: 0, count: 200 * k)
        var sxx = sxy
        for s in 0..<stats.seriesCount {
            let cell = stats.district[s] * k + Shipped.framework.elements[stats.element[s]].componentIndex
            sxy[cell] += stats.sxy[s]
            sxx[cell] += stats.sxx[s]
        }
        var pooled = 0.0
        var free = 0.0
        for d in 0..<200 {
            for c in 0..<k {
                pooled += pow2(fit.slope[d][c] - truth.slope[d][c])
                free += pow2(sxy[d * k + c] / sxx[d * k + c] - truth.slope[d][c])
            }
        }
        let pooledRMSE = (pooled / Double(200 * k)).squareRoot()
        let freeRMSE = (free / Double(200 * k)).squareRoot()
        #expect(pooledRMSE < freeRMSE)
        #expect(pooledRMSE < 0.02, "pooled slope RMSE \(pooledRMSE), free \(freeRMSE)")
    }

    /// Nominal ±1 sd slope intervals should cover about 68% of true slopes (here over 1,400 cells).
    @Test func slopeUncertaintyIsCalibrated() throws {
        let synthetic = SyntheticPanel.generate(
            framework: Shipped.framework, districts: 200, years: 2010...2013,
            seed: 11, rounded: false)
        let fit = try TrajectoryModel.fit(synthetic.panel)
        var inside = 0
        var total = 0
        for d in 0..<200 {
            for c in 0..<Shipped.framework.components.count {
                if abs(fit.slope[d][c] - synthetic.truth.slope[d][c]) <= fit.slopeSD[d][c] { inside += 1 }
                total += 1
            }
        }
        let coverage = Double(inside) / Double(total)
        #expect(coverage > 0.63 && coverage < 0.73, "coverage \(coverage)")
    }

    @Test func sameSeedSamePanel() {
        let a = SyntheticPanel.generate(framework: Shipped.framework, districts: 3, years: 2013...2016, seed: 5)
        let b = SyntheticPanel.generate(framework: Shipped.framework, districts: 3, years: 2013...2016, seed: 5)
        #expect(a.csv == b.csv)
        #expect(a.csv.rows.allSatisfy { Int($0[3]).map { (1...5).contains($0) } ?? false })
    }

    func pow2(_ x: Double) -> Double { x * x }
}
