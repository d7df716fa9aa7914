import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The fit against two independent implementations on a fixed small panel
/// (Fixtures/agreement: made by make_fixture.py with numpy and statsmodels; no Python needed here).
@Suite struct TrajectoryModelAgreementTests {
    let framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))
    var panel: Panel { try! PanelLoader.load(path: Paths.fixture("agreement/panel.csv"), framework: framework).panel }
    let expected: [String: Any] =
        try! JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Paths.fixture("agreement/expected.json")))) as! [String: Any]

    func section(_ name: String) -> [String: Any] { expected[name] as! [String: Any] }

    /// With σ² and τ² fixed, the exact penalised normal equations (series dummies, μ, m and u
    /// columns, penalty σ²/τ² on u) solved by numpy: fixed effects and fitted values to 1e-6.
    @Test func matchesPenalisedNormalEquations() throws {
        let given = section("given")
        let v = VarianceComponents(residual: given["sigma2"] as! Double, deviation: given["tau2"] as! Double)
        let fit = try TrajectoryModel.fit(panel, variance: v)
        let mu = given["componentSlope"] as! [Double]
        for k in mu.indices { #expect(fit.componentSlope[k].isApproximatelyEqual(to: mu[k], absoluteTolerance: 1e-6)) }
        let m = given["districtMomentum"] as! [Double]
        for d in m.indices { #expect(fit.districtMomentum[d].isApproximatelyEqual(to: m[d], absoluteTolerance: 1e-6)) }
        #expect(abs(fit.districtMomentum.reduce(0, +)) < 1e-12)

        let p = panel
        var checked = 0
        for row in given["fitted"] as! [[String: Any]] {
            let d = p.districtIndex(named: row["district"] as! String)!
            let e = framework.elementIndex(row["element"] as! String)!
            let s = fit.series.first { $0.district == d && $0.element == e }!
            let value = s.level + s.slope * Double((row["year"] as! Int) - s.levelYear)
            #expect(abs(value - (row["value"] as! Double)) < 1e-6)
            checked += 1
        }
        #expect(checked == 147)
    }

    /// REML variance components and fixed effects against statsmodels MixedLM (REML, random slope
    /// per district×component). Tolerances reflect statsmodels' optimiser, not ours: 1e-4 relative
    /// on the variances, 1e-5 on the slopes.
    @Test func matchesStatsmodelsMixedLMByREML() throws {
        let reml = section("reml")
        let fit = try TrajectoryModel.fit(panel)
        let sigma2 = reml["sigma2"] as! Double
        let tau2 = reml["tau2"] as! Double
        #expect(
            (fit.variance.residual / sigma2).isApproximatelyEqual(to: 1, absoluteTolerance: 1e-4),
            "σ² \(fit.variance.residual) vs \(sigma2)")
        #expect(
            (fit.variance.deviation / tau2).isApproximatelyEqual(to: 1, absoluteTolerance: 1e-4),
            "τ² \(fit.variance.deviation) vs \(tau2)")
        let mu = reml["componentSlope"] as! [Double]
        for k in mu.indices { #expect(fit.componentSlope[k].isApproximatelyEqual(to: mu[k], absoluteTolerance: 1e-5)) }
        let m = reml["districtMomentum"] as! [Double]
        for d in m.indices { #expect(fit.districtMomentum[d].isApproximatelyEqual(to: m[d], absoluteTolerance: 1e-5)) }
    }
}
