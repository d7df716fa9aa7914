import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

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

        @Option(name: .long, help: "Year of the swept levers' interventions.")
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
                if let packages { return try runPackages(baseline, ids: try leverIDs(packages, option: "--packages")) }
                let alternatives = try prepareAlternatives(baseline)
                try checkInputs(baseline, alternatives)
                let n = monteCarlo.draws ?? baseline.scenario.draws
                let s = monteCarlo.seed ?? baseline.scenario.seed
                let (base, results) = project(baseline, alternatives, draws: n, seed: s)
                let rows: [ScenarioComparison.Row]
                do throws(ScenarioComparison.ComparisonError) {
                    rows = try ScenarioComparison.compare(baseline: base, alternatives: results)
                } catch {
                    throw Diagnostic.error(at: SourceLocation(file: scenarios[0]), error.description)
                }
                let directory = out ?? "Results/compare-\(baseline.scenario.name)"
                let caveat = baseline.scenario.usesShippedPanel ? DataCaveat.shippedPanel : nil
                let chart = CompareChart.svg(rows, baseline: base.scenario, horizon: base.horizon, caveat: caveat)
                let attributionFiles = attributions([baseline] + alternatives, [base] + results)
                try OutputDirectory(directory).replace(
                    with: attributionFiles + [
                        ("compare.csv", ComparisonReport.table(rows).text),
                        ("charts/compare.svg", chart),
                        (
                            "brief.html",
                            BriefHTML.compare(
                                rows, baseline: base.scenario, horizon: base.horizon, draws: n, seed: s,
                                chart: chart, caveat: caveat)
                        ),
                    ])
                if let caveat { Console.out("Note: " + caveat + "\n") }
                Console.out("\(n) draws, seed \(s), horizon \(base.horizon)")
                Console.out(
                    ComparisonReport.text(
                        rows, baseline: base.scenario, horizon: base.horizon,
                        districts: district.map { [$0] }))
                Console.out(
                    "\nWrote \(directory)/compare.csv, charts/compare.svg, brief.html"
                        + attributionFiles.map { ", " + $0.name }.joined())
            }
        }

        /// Comma-separated lever ids from `option`, each once.
        func leverIDs(_ text: String, option: String) throws(Diagnostic) -> [String] {
            let ids = text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            let at = SourceLocation(file: "command line", path: option)
            guard !ids.isEmpty else {
                throw Diagnostic.error(
                    at: at,
                    "no lever ids; expected comma-separated lever ids such as union-contract-change,state-legislation")
            }
            if let twice = ids.enumerated().first(where: { ids[..<$0.offset].contains($0.element) }) {
                throw Diagnostic.error(at: at, "\(twice.element) is listed twice; expected each lever once")
            }
            return ids
        }

        /// The alternative scenario files, then one alternative per `--levers` id (baseline + that lever).
        func prepareAlternatives(_ baseline: ScenarioRun) throws(Diagnostic) -> [ScenarioRun] {
            var alternatives: [ScenarioRun] = []
            for path in scenarios.dropFirst() { alternatives.append(try ScenarioRun.prepare(path)) }
            guard let levers else { return alternatives }
            for lever in try leverIDs(levers, option: "--levers") {
                let target: Intervention.Target = district.map { .district($0) } ?? .state(state!)
                let intervention = Intervention(
                    lever: lever, target: target, year: year!, provisions: nil, overrides: [:],
                    location: SourceLocation(file: "command line", path: "--levers \(lever)"))
                alternatives.append(
                    try ScenarioRun.prepare(scenario: baseline.scenario.adding(intervention, name: lever)))
            }
            return alternatives
        }

        /// Everything that can fail before projecting: comparable runs, the memory budget, inputs
        /// not overwritten, the attribution's target year, a writable output folder.
        func checkInputs(_ baseline: ScenarioRun, _ alternatives: [ScenarioRun]) throws(Diagnostic) {
            try ScenarioRun.checkComparable(baseline: baseline, alternatives: alternatives)
            try baseline.checkBudget(
                draws: monteCarlo.draws, threads: monteCarlo.threads, trajectories: .none,
                attribution: !attribution.skipAttribution)
            try InputPath.refuseOverwriting(
                ([baseline] + alternatives).flatMap { $0.inputFiles.map(\.path) },
                output: out ?? "Results/compare-\(baseline.scenario.name)", isFolder: true)
            for run in [baseline] + alternatives where !attribution.skipAttribution {
                try attribution.check(
                    firstProjected: run.firstProjectedYear, horizon: run.plan.horizon, scenario: run.scenario.name)
            }
            try OutputDirectory(out ?? "Results/compare-\(baseline.scenario.name)").checkWritable()
        }

        /// The baseline and every alternative on the same draws, advanced years only (no
        /// trajectory percentiles: comparisons need none), with one progress bar.
        func project(_ baseline: ScenarioRun, _ alternatives: [ScenarioRun], draws n: Int, seed s: UInt64)
            -> (ProjectionResult, [ProjectionResult])
        {
            let bar = ProgressBar("Projecting \(1 + alternatives.count) scenarios")
            let total = Double(1 + alternatives.count)
            let base = baseline.project(draws: n, seed: s, trajectories: .none, threads: monteCarlo.threads) {
                bar.update($0 / total)
            }
            var results: [ProjectionResult] = []
            for (i, alt) in alternatives.enumerated() {
                results.append(
                    alt.project(draws: n, seed: s, trajectories: .none, threads: monteCarlo.threads) {
                        bar.update((Double(i + 1) + $0) / total)
                    })
            }
            bar.finish()
            return (base, results)
        }

        /// Every scenario's attribution on the same draws, one file per kind with the scenario
        /// column (none with `--skip-attribution`).
        func attributions(_ runs: [ScenarioRun], _ results: [ProjectionResult]) -> [(name: String, contents: String)] {
            guard !attribution.skipAttribution else { return [] }
            var files: [(name: String, contents: String)] = []
            for (run, result) in zip(runs, results) {
                let mine = AttributionReport.files(
                    attribution.attribute(run, result: result, threads: monteCarlo.threads), scenario: result.scenario)
                if files.isEmpty {
                    files = mine
                    continue
                }
                for (i, file) in mine.enumerated() {
                    files[i].contents += file.contents.drop { $0 != "\n" }.dropFirst()  // rows only
                }
            }
            return files
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
