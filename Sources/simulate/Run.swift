import ArgumentParser
import Forecasting
import Pipeline
import RatingsData

extension Projection.Trajectories: ExpressibleByArgument {}

extension Simulate {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario file: when each district becomes advanced, as a distribution.",
            discussion: """
                `simulate SCENARIO.json` is short for `simulate run SCENARIO.json`. Writes to
                Results/<scenario name>/ (or --out): trajectories.csv, advanced.csv,
                advanced-by-year.csv, network.csv (advanced districts per year), the attribution
                (component-outlook.csv, sticking-points.csv, sticking-points-network.csv,
                relaxation-bundles.csv, what-it-would-take.csv), charts, brief.html and
                manifest.json, each file written atomically.
                Background events (leadership turnover, backlash, takeover) happen at rates
                from the events file unless the scenario says "background": "off".
                """
        )

        @Argument(help: ArgumentHelp("Scenario JSON file (see Scenarios/README.md).", valueName: "scenario.json"))
        var scenario: String

        @OptionGroup var monteCarlo: MonteCarloOptions

        @Option(
            name: .long, help: ArgumentHelp("Output directory (default: Results/<scenario name>).", valueName: "dir"))
        var out: String?

        @OptionGroup var attribution: AttributionOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Trajectory percentiles to keep in trajectories.csv and the fan charts: all (every component and the district score), district (the district score only; for thousands of districts), or none (no trajectories.csv, no fan charts).",
                valueName: "all|district|none"))
        var trajectories: Projection.Trajectories = .all

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let pipeline = try ScenarioPipeline(
                    scenario: scenario, monteCarlo: monteCarlo.settings, trajectories: trajectories,
                    attribution: attribution.settings, out: out,
                    commandLine: ["simulate"] + CommandLine.arguments.dropFirst())
                for warning in pipeline.warnings { Console.error(warning) }
                for line in try pipeline.run(progress: ProgressBar.stages) { Console.out(line) }
            }
        }
    }
}
