import Forecasting
import Policy
import RatingsData
import Reports

/// The `sensitivity` command as a library value: each assumption of a scenario moved to a low
/// and a high value, one at a time, on the scenario's paired draws (common random numbers), so
/// each difference is the assumption and not Monte Carlo noise. Writes sensitivity.csv and a
/// tornado chart per district and one for the network.
public struct SensitivityPipeline {
    /// The loaded scenario.
    public let prepared: ScenarioRun
    /// Draws, seed and threads (nil: the scenario's).
    public let monteCarlo: MonteCarloSettings
    /// The output folder (default `Results/sensitivity-<scenario name>`).
    public let directory: String
    /// The factors, in `SensitivityFactor.all`'s order.
    public let factors: [SensitivityFactor]

    /// Loads and fits the scenario, then checks that no input is overwritten, the memory budget
    /// and a writable output folder (this last one takes the folder's lock).
    public init(scenario path: String, monteCarlo: MonteCarloSettings, out: String?) throws(Diagnostic) {
        prepared = try ScenarioRun.prepare(path)
        self.monteCarlo = monteCarlo
        directory = out ?? "Results/sensitivity-\(prepared.scenario.name)"
        factors = SensitivityFactor.all(of: prepared)
        try InputPath.refuseOverwriting(prepared.inputFiles.map(\.path), output: directory, isFolder: true)
        try prepared.checkBudget(
            draws: monteCarlo.draws, threads: monteCarlo.threads, trajectories: .none, attribution: false)
        try OutputDirectory(directory).checkWritable()
    }

    /// What the data and scenario loaders warned about.
    public var warnings: [String] { prepared.warnings.map(\.description) }

    /// Projects the scenario and each factor low and high, writes the outputs, and returns the
    /// lines to show the user.
    public func run(progress: ProgressStages) throws(Diagnostic) -> [String] {
        let result = project(progress: progress)
        let caveat = prepared.scenario.usesShippedPanel ? DataCaveat.shippedPanel : nil
        var files = [("sensitivity.csv", SensitivityReport.table(result).text)]
        files += TornadoChart.charts(result, caveat: caveat).sorted { $0.key < $1.key }.map {
            ("charts/" + $0.key, $0.value)
        }
        try OutputDirectory(directory).replace(with: files)
        return (caveat.map { ["Note: " + $0 + "\n"] } ?? []) + [
            SensitivityReport.text(result),
            "\nWrote \(directory)/sensitivity.csv and \(files.count - 1) tornado charts in charts/",
        ]
    }

    /// The baseline and 2 × factors projections on the same draws (`PairedProjection`), as one progress stage.
    public func project(progress: ProgressStages) -> SensitivityResult {
        let draws = monteCarlo.draws ?? prepared.scenario.draws
        let seed = monteCarlo.seed ?? prepared.scenario.seed
        // Each factor's low then high run, all on the scenario's draws and seed.
        let moved = factors.flatMap { [$0.applied(to: prepared, high: false), $0.applied(to: prepared, high: true)] }
        let (baseline, results) = PairedProjection.run(
            prepared, moved, draws: draws, seed: seed, threads: monteCarlo.threads,
            label: "Sensitivity of \(prepared.scenario.name): \(factors.count) factors", progress: progress)
        let runs = factors.indices.map { (factors[$0], results[2 * $0], results[2 * $0 + 1]) }
        return SensitivityResult(
            scenario: prepared.scenario.name, horizon: baseline.horizon, draws: draws, seed: seed,
            rows: SensitivityResult.rows(scenario: prepared.scenario.name, baseline: baseline, factors: runs))
    }
}
