import ArgumentParser
import Pipeline
import RatingsData

extension Simulate {
    struct Sensitivity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move each assumption of a scenario to a low and a high value: a tornado per district.",
            discussion: """
                One assumption at a time, on the scenario's paired draws: each effect size used (its
                10th and 90th percentile), each background event rate (×0.5, ×2), the in-progress
                threshold (±0.25), the advanced rule (the framework's minimum number of components,
                and one more), the pace-change variance (×0.5, ×2). Writes sensitivity.csv
                (scenario,district,factor,low_value,high_value,p_low,p_high,swing; p is P(advanced by
                the horizon), and for the "(network)" rows the expected number of districts advanced
                in the horizon year) and charts/tornado-*.svg, largest swing on top.
                """
        )

        @Argument(help: ArgumentHelp("Scenario JSON file (see Scenarios/README.md).", valueName: "scenario.json"))
        var scenario: String

        @OptionGroup var monteCarlo: MonteCarloOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Output directory (default: Results/sensitivity-<scenario name>).", valueName: "dir"))
        var out: String?

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let pipeline = try SensitivityPipeline(scenario: scenario, monteCarlo: monteCarlo.settings, out: out)
                for warning in pipeline.warnings { Console.error(warning) }
                for line in try pipeline.run(progress: ProgressBar.stages) { Console.out(line) }
            }
        }
    }
}
