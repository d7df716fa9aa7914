import Forecasting
import Policy
import RatingsData
import Reports

extension ScenarioRun {
    /// `ProjectionBudget.check` for this run, located at `--draws` when given there, else at the scenario's `"draws"`.
    package func checkBudget(draws: Int?, threads: Int?, trajectories: Projection.Trajectories, attribution: Bool)
        throws(Diagnostic)
    {
        let location =
            draws != nil
            ? SourceLocation(file: "command line", path: "--draws") : SourceLocation(file: scenario.file, path: "draws")
        let measures = trajectories == .all ? panel.framework.components.count + 1 : (trajectories == .district ? 1 : 0)
        try ProjectionBudget.check(
            districts: plan.districts.count, draws: draws ?? scenario.draws,
            years: max(1, plan.horizon - (panel.years.first ?? plan.horizon)), measures: measures,
            threads: threads ?? Parallel.defaultThreads, attribution: attribution, at: location)
    }
}

extension ScenarioRun {
    /// The first year any projected district is projected into (its latest snapshot + 1).
    package var firstProjectedYear: Int {
        (plan.districts.map { panel.latestSnapshot(ofDistrict: $0.district).year }.min() ?? plan.horizon) + 1
    }
}
