import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

extension RelaxationBenchmark: ExpressibleByArgument {}

/// The sticking-point attribution settings `run` and `compare` share.
struct AttributionOptions: ParsableArguments {
    @Flag(name: .long, help: "Skip the sticking-point attribution (faster; no attribution files or Shapley charts).")
    var skipAttribution = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The pace a relaxed component moves at least at: top-quartile (the network's 75th percentile of fitted paces for that component), network-max (the fastest), or district-median (the district's own median component pace).",
            valueName: "top-quartile|network-max|district-median"))
    var benchmark: RelaxationBenchmark = .topQuartile

    @Option(
        name: .long,
        help: ArgumentHelp("The year \"what it would take\" aims at (default: the horizon).", valueName: "year"))
    var targetYear: Int?

    var options: StickingPointAttribution.Options { .init(benchmark: benchmark, targetYear: targetYear) }

    /// A located error when the target year is not a projected year of the run (of some district:
    /// `firstProjected` is the earliest latest snapshot + 1).
    func check(firstProjected: Int, horizon: Int, scenario: String) throws(Diagnostic) {
        guard let targetYear else { return }
        let at = SourceLocation(file: "command line", path: "--target-year")
        guard firstProjected <= horizon else {
            throw .error(
                at: at,
                "\(scenario) projects no year (its horizon \(horizon) is every district's latest snapshot year); --target-year does not apply"
            )
        }
        guard targetYear >= firstProjected, targetYear <= horizon else {
            throw .error(
                at: at,
                "target year \(targetYear) is not a projected year of \(scenario); expected a year from \(firstProjected) to the horizon \(horizon)"
            )
        }
    }

    /// Attribute a projected scenario with a progress bar.
    func attribute(_ run: ScenarioRun, result: ProjectionResult, threads: Int?) -> StickingPointAttribution.Result {
        let bar = ProgressBar("Attributing sticking points (\(run.scenario.name))")
        let out = StickingPointAttribution.run(
            run, baseline: result, options: options, threads: threads, progress: bar.update)
        bar.finish()
        return out
    }
}
