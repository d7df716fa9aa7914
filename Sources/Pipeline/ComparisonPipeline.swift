import Forecasting
import Policy
import RatingsData
import Reports

/// The `compare` command as a library value: alternatives (scenario files and swept levers)
/// against a baseline on paired draws, with every scenario's attribution, written atomically.
public struct ComparisonPipeline {
    /// The loaded baseline.
    public let baseline: ScenarioRun
    /// The alternative scenario files, then one alternative per swept lever (baseline + that lever).
    public let alternatives: [ScenarioRun]
    /// Draws, seed and threads (nil: the baseline's).
    public let monteCarlo: MonteCarloSettings
    /// The sticking-point attribution's settings.
    public let attribution: AttributionSettings
    /// The output folder (default `Results/compare-<baseline name>`).
    public let directory: String
    /// The district the printed table shows (nil: every district with a change).
    public let shownDistrict: String?

    /// Loads the alternatives, then checks everything that can fail before projecting:
    /// comparable runs, the memory budget, inputs not overwritten, the attribution's target
    /// year, a writable output folder (this last one takes the folder's lock).
    public init(
        baseline: ScenarioRun, alternatives paths: [String], levers: LeverSweep?, monteCarlo: MonteCarloSettings,
        attribution: AttributionSettings, out: String?, shownDistrict: String?
    ) throws(Diagnostic) {
        var alternatives: [ScenarioRun] = []
        for path in paths { alternatives.append(try ScenarioRun.prepare(path)) }
        for lever in levers?.ids ?? [] {
            let scenario = baseline.scenario.adding(levers!.intervention(lever), name: lever)
            alternatives.append(try ScenarioRun.prepare(scenario: scenario))
        }
        self.baseline = baseline
        self.alternatives = alternatives
        self.monteCarlo = monteCarlo
        self.attribution = attribution
        self.shownDistrict = shownDistrict
        directory = out ?? "Results/compare-\(baseline.scenario.name)"
        try checkInputs()
    }

    private func checkInputs() throws(Diagnostic) {
        try ScenarioRun.checkComparable(baseline: baseline, alternatives: alternatives)
        try baseline.checkBudget(
            draws: monteCarlo.draws, threads: monteCarlo.threads, trajectories: .none, attribution: !attribution.skip)
        try InputPath.refuseOverwriting(
            ([baseline] + alternatives).flatMap { $0.inputFiles.map(\.path) }, output: directory, isFolder: true)
        for run in [baseline] + alternatives { try attribution.check(run) }
        try OutputDirectory(directory).checkWritable()
    }

    /// Projects every scenario on the baseline's draws, compares, attributes, writes compare.csv,
    /// its chart, the brief and the attribution files; returns the lines to show the user.
    public func run(progress: ProgressStages) throws(Diagnostic) -> [String] {
        let draws = monteCarlo.draws ?? baseline.scenario.draws
        let seed = monteCarlo.seed ?? baseline.scenario.seed
        let (base, results) = PairedProjection.run(
            baseline, alternatives, draws: draws, seed: seed, threads: monteCarlo.threads,
            label: "Projecting \(1 + alternatives.count) scenarios", progress: progress)
        let rows: [ScenarioComparison.Row]
        do throws(ScenarioComparison.ComparisonError) {
            rows = try ScenarioComparison.compare(baseline: base, alternatives: results)
        } catch {
            throw Diagnostic.error(at: SourceLocation(file: baseline.scenario.file), error.description)
        }
        let caveat = baseline.scenario.usesShippedPanel ? DataCaveat.shippedPanel : nil
        let chart = CompareChart.svg(rows, baseline: base.scenario, horizon: base.horizon, caveat: caveat)
        let attributionFiles = attributions([baseline] + alternatives, [base] + results, progress: progress)
        let brief = BriefHTML.compare(
            rows, baseline: base.scenario, horizon: base.horizon, draws: draws, seed: seed, chart: chart,
            caveat: caveat)
        try OutputDirectory(directory).replace(
            with: attributionFiles + [
                ("compare.csv", ComparisonReport.table(rows).text), ("charts/compare.svg", chart),
                ("brief.html", brief),
            ])
        return (caveat.map { ["Note: " + $0 + "\n"] } ?? []) + [
            "\(draws) draws, seed \(seed), horizon \(base.horizon)",
            ComparisonReport.text(
                rows, baseline: base.scenario, horizon: base.horizon, districts: shownDistrict.map { [$0] }),
            "\nWrote \(directory)/compare.csv, charts/compare.svg, brief.html"
                + attributionFiles.map { ", " + $0.name }.joined(),
        ]
    }

    /// Every scenario's attribution on the same draws, one file per kind with the scenario
    /// column (none when the attribution is skipped).
    private func attributions(_ runs: [ScenarioRun], _ results: [ProjectionResult], progress: ProgressStages)
        -> [(name: String, contents: String)]
    {
        var files: [(name: String, contents: String)] = []
        for (run, result) in zip(runs, results) {
            guard
                let attributed = attribution.attribute(
                    run, result: result, threads: monteCarlo.threads, progress: progress)
            else { return [] }
            let mine = AttributionReport.files(attributed, scenario: result.scenario)
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
