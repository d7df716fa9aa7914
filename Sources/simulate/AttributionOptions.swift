import ArgumentParser
import Forecasting
import Pipeline
import Policy

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

    /// The settings the pipeline takes.
    var settings: AttributionSettings {
        AttributionSettings(skip: skipAttribution, benchmark: benchmark, targetYear: targetYear)
    }
}
