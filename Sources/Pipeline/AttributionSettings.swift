import Forecasting
import Policy
import RatingsData

/// The sticking-point attribution settings `run` and `compare` share.
public struct AttributionSettings: Sendable {
    /// Leave the attribution out (no attribution files or Shapley charts).
    public var skip: Bool
    /// The relaxation benchmark and target year.
    public var options: StickingPointAttribution.Options

    /// Settings with the given benchmark and target year (nil: the horizon).
    public init(skip: Bool = false, benchmark: RelaxationBenchmark = .topQuartile, targetYear: Int? = nil) {
        self.skip = skip
        options = .init(benchmark: benchmark, targetYear: targetYear)
    }

    /// A located error when the target year is not a projected year of the run (of some district:
    /// `firstProjected` is the earliest latest snapshot + 1).
    func check(_ run: ScenarioRun) throws(Diagnostic) {
        guard !skip, let targetYear = options.targetYear else { return }
        let at = SourceLocation(file: "command line", path: "--target-year")
        let scenario = run.scenario.name
        let horizon = run.plan.horizon
        guard run.firstProjectedYear <= horizon else {
            throw .error(
                at: at,
                "\(scenario) projects no year (its horizon \(horizon) is every district's latest snapshot year); --target-year does not apply"
            )
        }
        guard targetYear >= run.firstProjectedYear, targetYear <= horizon else {
            throw .error(
                at: at,
                "target year \(targetYear) is not a projected year of \(scenario); expected a year from \(run.firstProjectedYear) to the horizon \(horizon)"
            )
        }
    }

    /// The attribution of a projected scenario (nil when skipped), reported as one progress stage.
    func attribute(_ run: ScenarioRun, result: ProjectionResult, threads: Int?, progress: ProgressStages)
        -> StickingPointAttribution.Result?
    {
        guard !skip else { return nil }
        let stage = progress("Attributing sticking points (\(run.scenario.name))")
        defer { stage.finish() }
        return StickingPointAttribution.run(
            run, baseline: result, options: options, threads: threads, progress: stage.update)
    }
}
