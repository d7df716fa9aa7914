import Forecasting
import Policy
import RatingsData
import Reports

/// The `run` command as a library value: load and fit a scenario and check everything that can
/// fail (`init`), then project → attribute → report → write the output folder atomically (`run`).
public struct ScenarioPipeline {
    /// The loaded scenario with its fitted model and resolved plan.
    public let prepared: ScenarioRun
    /// Draws, seed and threads (nil: the scenario's).
    public let monteCarlo: MonteCarloSettings
    /// Which trajectory percentiles to keep.
    public let trajectories: Projection.Trajectories
    /// The sticking-point attribution's settings.
    public let attribution: AttributionSettings
    /// The output folder (default `Results/<scenario name>`).
    public let directory: String
    /// The command recorded in the manifest, starting `simulate`.
    public let commandLine: [String]

    /// Loads and fits the scenario at `path`, then checks, in this order: no input is
    /// overwritten, the attribution's target year, the memory budget, a writable output folder
    /// (this last one takes the folder's lock).
    public init(
        scenario path: String, monteCarlo: MonteCarloSettings, trajectories: Projection.Trajectories,
        attribution: AttributionSettings, out: String?, commandLine: [String]
    ) throws(Diagnostic) {
        prepared = try ScenarioRun.prepare(path)
        self.monteCarlo = monteCarlo
        self.trajectories = trajectories
        self.attribution = attribution
        self.commandLine = commandLine
        directory = out ?? "Results/\(prepared.scenario.name)"
        try InputPath.refuseOverwriting(prepared.inputFiles.map(\.path), output: directory, isFolder: true)
        if prepared.scenario.from != nil, trajectories == .none {
            throw .error(
                at: SourceLocation(file: "command line", path: "--trajectories"),
                "none keeps no percentiles to set what was observed after \"from\" against; expected district or all in a retrospective run"
            )
        }
        try attribution.check(prepared)
        try prepared.checkBudget(
            draws: monteCarlo.draws, threads: monteCarlo.threads, trajectories: trajectories,
            attribution: !attribution.skip)
        try OutputDirectory(directory).checkWritable()
    }

    /// What the data and scenario loaders warned about (printed before the projection starts).
    public var warnings: [String] { prepared.warnings.map(\.description) }

    /// Projects, attributes, assembles every output and replaces the output folder with them;
    /// returns the lines to show the user.
    public func run(progress: ProgressStages) throws(Diagnostic) -> [String] {
        let stage = progress("Projecting \(prepared.scenario.name)")
        let result = prepared.project(
            draws: monteCarlo.draws, seed: monteCarlo.seed, trajectories: trajectories, threads: monteCarlo.threads,
            progress: stage.update)
        stage.finish()
        let attributed = attribution.attribute(
            prepared, result: result, threads: monteCarlo.threads, progress: progress)
        let outputs = try ScenarioOutputs(
            prepared, result: result, attribution: attributed, trajectories: trajectories, commandLine: commandLine)
        try OutputDirectory(directory).replace(with: outputs.files)
        return outputs.summary(prepared, result: result, attribution: attributed, directory: directory)
    }
}
