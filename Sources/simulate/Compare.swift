import ArgumentParser
import Pipeline
import Policy
import RatingsData

extension Simulate {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare scenarios against a baseline on paired draws; or sweep levers.",
            discussion: """
                Every scenario runs with the baseline's draws and seed (or --draws/--seed), so the
                difference per draw is the levers, not noise. Writes compare.csv:
                district,scenario,year_p50,delta_years_p50,delta_years_p10,delta_years_p90,
                p_advanced_by_horizon,delta_p_advanced,p_earlier; and every scenario's attribution
                (component-outlook.csv, sticking-points.csv, sticking-points-network.csv,
                relaxation-bundles.csv, what-it-would-take.csv; --skip-attribution to leave it out).
                Lever sweeps need no scenario files (they still write the comparison to --out):
                  simulate compare Scenarios/baseline.json --levers union-contract-change,state-legislation --district Oakland --year 2018
                """
        )

        @Argument(help: ArgumentHelp("The baseline scenario, then alternatives.", valueName: "scenario.json"))
        var scenarios: [String]

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Comma-separated lever ids: each becomes an alternative (baseline + that lever).", valueName: "ids"))
        var levers: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Comma-separated lever ids: every combination of up to --max-size of them, pulled together, is run against the baseline (packages.csv).",
                valueName: "ids"))
        var packages: String?

        @Option(name: .long, help: "Largest package with --packages.")
        var maxSize = 2

        @Option(name: .long, help: "With --packages: the P(advanced by the target year) a package must reach.")
        var targetP = 0.5

        @Option(name: .long, help: "District for the swept levers (and the district the table shows).")
        var district: String?

        @Option(name: .long, help: "State for the swept levers (every district in it).")
        var state: String?

        @Option(name: .long, parsing: .unconditional, help: "Year of the swept levers' interventions.")
        var year: Int?

        @OptionGroup var monteCarlo: MonteCarloOptions

        @OptionGroup var attribution: AttributionOptions

        @Option(
            name: .long,
            help: ArgumentHelp("Output directory (default: Results/compare-<baseline name>).", valueName: "dir"))
        var out: String?

        func validate() throws {
            guard !scenarios.isEmpty else { throw ValidationError("give a baseline scenario file") }
            if packages != nil {
                guard levers == nil, scenarios.count == 1 else {
                    throw ValidationError("--packages takes the baseline only (no alternative scenarios or --levers)")
                }
                guard (district == nil) != (state == nil) else {
                    throw ValidationError("--packages needs exactly one of --district or --state")
                }
                guard year != nil else { throw ValidationError("--packages needs --year") }
                guard maxSize >= 1 else { throw ValidationError("--max-size must be at least 1") }
                guard (0...1).contains(targetP) else { throw ValidationError("--target-p must be between 0 and 1") }
            } else if levers != nil {
                guard (district == nil) != (state == nil) else {
                    throw ValidationError("--levers needs exactly one of --district or --state")
                }
                guard year != nil else { throw ValidationError("--levers needs --year") }
            } else if scenarios.count < 2 {
                throw ValidationError("give at least one alternative scenario after the baseline, or --levers")
            }
        }

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let baseline = try ScenarioRun.prepare(scenarios[0])
                for warning in baseline.warnings { Console.error(warning.description) }
                let lines: [String]
                if let packages {
                    lines = try PackagePipeline(
                        baseline: baseline, levers: try sweep(packages, option: "--packages"), maxSize: maxSize,
                        targetP: targetP, targetYear: attribution.targetYear, monteCarlo: monteCarlo.settings, out: out
                    ).run(progress: ProgressBar.stages)
                } else {
                    lines = try ComparisonPipeline(
                        baseline: baseline, alternatives: Array(scenarios.dropFirst()),
                        levers: try levers.map { ids throws(Diagnostic) in try sweep(ids, option: "--levers") },
                        monteCarlo: monteCarlo.settings, attribution: attribution.settings, out: out,
                        shownDistrict: district
                    ).run(progress: ProgressBar.stages)
                }
                for line in lines { Console.out(line) }
            }
        }

        /// The levers named by `--levers` or `--packages`, at `--district` or `--state` in `--year`
        /// (`validate` has checked that those are given).
        func sweep(_ ids: String, option: String) throws(Diagnostic) -> LeverSweep {
            let target: Intervention.Target = district.map { .district($0) } ?? .state(state!)
            return try LeverSweep(ids: ids, option: option, target: target, year: year!)
        }
    }
}
