import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

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
                let prepared = try ScenarioRun.prepare(scenario)
                try InputPath.refuseOverwriting(
                    prepared.inputFiles.map(\.path), output: out ?? "Results/\(prepared.scenario.name)",
                    isFolder: true)
                try attribution.check(
                    firstProjected: prepared.firstProjectedYear, horizon: prepared.plan.horizon,
                    scenario: prepared.scenario.name)
                try prepared.checkBudget(
                    draws: monteCarlo.draws, threads: monteCarlo.threads, trajectories: trajectories,
                    attribution: !attribution.skipAttribution)
                // Last of the checks: it takes the folder's lock (and creates its parent).
                try OutputDirectory(out ?? "Results/\(prepared.scenario.name)").checkWritable()
                for warning in prepared.warnings { Console.error(warning.description) }
                let bar = ProgressBar("Projecting \(prepared.scenario.name)")
                let result = prepared.project(
                    draws: monteCarlo.draws, seed: monteCarlo.seed, trajectories: trajectories,
                    threads: monteCarlo.threads,
                    progress: bar.update)
                bar.finish()
                var files: [(name: String, contents: String)] = []
                if trajectories != .none {
                    files.append(("trajectories.csv", ScenarioReport.trajectories(result, panel: prepared.panel).text))
                }
                files.append(("advanced.csv", ScenarioReport.advanced(result).text))
                files.append(("advanced-by-year.csv", ScenarioReport.advancedByYear(result).text))
                files.append(("network.csv", NetworkReport.table(result).text))
                let attributed =
                    attribution.skipAttribution
                    ? nil
                    : attribution.attribute(prepared, result: result, threads: monteCarlo.threads)
                if let attributed { files += AttributionReport.files(attributed, scenario: result.scenario) }
                let caveat = prepared.scenario.usesShippedPanel ? DataCaveat.shippedPanel : nil
                var charts = RunCharts.scenario(result, panel: prepared.panel, caveat: caveat)
                if let attributed {
                    charts.merge(ShapleyCharts.charts(attributed, scenario: result.scenario, caveat: caveat)) { a, _ in
                        a
                    }
                }
                files += RunCharts.files(charts)
                files.append(
                    (
                        "brief.html",
                        BriefHTML.run(prepared, result: result, attribution: attributed, charts: charts, caveat: caveat)
                    ))
                var inputs: [(role: String, path: String, sha256: String)] = []
                for input in prepared.inputFiles {
                    inputs.append(
                        (
                            input.role, input.path,
                            SHA256.hex(try InputFile.read(input.path, limit: InputFile.streamedFileLimit))
                        ))
                }
                files.append(
                    (
                        "manifest.json",
                        ScenarioReport.manifest(
                            run: prepared, result: result, inputs: inputs, outputs: files,
                            commandLine: ["simulate"] + CommandLine.arguments.dropFirst())
                    ))
                let directory = out ?? "Results/\(prepared.scenario.name)"
                try OutputDirectory(directory).replace(with: files)
                if let caveat { Console.out("Note: " + caveat + "\n") }
                if !prepared.scenario.description.isEmpty { Console.out(prepared.scenario.description + "\n") }
                Console.out(BackgroundReport.text(prepared) + "\n")
                Console.out(ScenarioReport.text(result))
                if let attributed { Console.out("\n" + AttributionReport.text(attributed)) }
                Console.out(
                    "\nWrote \(directory)/: "
                        + files.map(\.name).filter { !$0.hasPrefix("charts/") }.joined(separator: ", ")
                        + " and \(charts.count) charts in charts/")
            }
        }
    }
}
