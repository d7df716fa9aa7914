import Forecasting
import RatingsData

/// Everything a scenario run needs, loaded and checked: the load → fit → plan stages.
public struct ScenarioRun: Sendable {
    /// The scenario as read, or as a sweep built it.
    public var scenario: Scenario
    /// The panel its data names, as loaded.
    public var panel: Panel
    /// From loading the data and cross-checking the catalogues; printed before the results.
    public var warnings: [Diagnostic]
    /// The lever catalogue it names.
    public var levers: LeverCatalogue
    /// The sticking-points catalogue it names.
    public var stickingPoints: StickingPointCatalogue
    /// The scenario resolved against the panel.
    public var plan: ScenarioPlan
    /// The trajectory model fitted to the whole panel.
    public var fit: TrajectoryFit
    /// The fit ready to project, with the selected persistence of paces.
    public var forecaster: DriftForecaster
    /// The events file's contents, when the scenario has one.
    public var events: EventTable?
    /// How the persistence of paces was chosen (`PersistenceSelection`).
    public var persistenceSelection: PersistenceSelection.Result? = nil

    /// Load the scenario file and everything it names; fit the trajectory model.
    public static func prepare(_ path: String) throws(Diagnostic) -> ScenarioRun {
        try prepare(scenario: try Scenario.load(contentsOf: path))
    }

    /// Load everything an in-memory scenario names (for alternatives built by a lever sweep).
    public static func prepare(scenario: Scenario) throws(Diagnostic) -> ScenarioRun {
        let framework = try scenario.naming(.framework, scenario.framework) { () throws(Diagnostic) in
            try Framework.load(contentsOf: scenario.framework)
        }
        if let districtsFile = scenario.districtsFile {
            _ = try scenario.naming(.districtsFile, districtsFile) { () throws(Diagnostic) in
                try InputFile.regularFileSize(districtsFile, limit: InputFile.wholeFileLimit)
            }
        }
        let loaded = try scenario.naming(.data, scenario.data) { () throws(Diagnostic) in
            try PanelSource.load(
                path: scenario.data, framework: framework, districtsPath: scenario.districtsFile, sheet: scenario.sheet)
        }
        let levers = try scenario.naming(.levers, scenario.levers) { () throws(Diagnostic) in
            try LeverCatalogue.load(contentsOf: scenario.levers, framework: framework)
        }
        let points = try scenario.naming(.stickingPoints, scenario.stickingPoints) { () throws(Diagnostic) in
            try StickingPointCatalogue.load(contentsOf: scenario.stickingPoints, framework: framework)
        }
        try RelaxationBundle.check(points.bundles + scenario.bundles, framework: framework, catalogue: points)
        let catalogueWarnings = try CatalogueCheck.check(
            panel: loaded.panel, levers: levers, points: points,
            districtsFile: scenario.districtsFile)
        let events = try scenario.events.map { (path: String) throws(Diagnostic) in
            try scenario.naming(.events, path) { () throws(Diagnostic) in try EventTable.load(path: path) }
        }
        if let sheet = scenario.sheet, !scenario.data.lowercased().hasSuffix(".xlsx") {
            throw .error(
                at: SourceLocation(file: scenario.file, path: "sheet"),
                "\"\(sheet)\" applies only to an .xlsx data file, and the data is \(scenario.data)")
        }
        let plan = try ScenarioPlan.resolve(
            scenario, panel: loaded.panel, levers: levers, stickingPoints: points, events: events)
        let fit: TrajectoryFit
        do throws(TrajectoryModel.FitError) {
            fit = try TrajectoryModel.fit(loaded.panel)
        } catch {
            throw .error(at: SourceLocation(file: scenario.data), error.description)
        }
        var forecaster = DriftForecaster(panel: loaded.panel, fit: fit)
        let selection = PersistenceSelection.cached(key: [scenario.data, scenario.events ?? "", scenario.levers]) {
            PersistenceSelection.select(loaded.panel, events: events, levers: levers)
        }
        forecaster.paceChange.persistence = selection.persistence
        return ScenarioRun(
            scenario: scenario, panel: loaded.panel, warnings: loaded.warnings + catalogueWarnings, levers: levers,
            stickingPoints: points, plan: plan, fit: fit, forecaster: forecaster, events: events,
            persistenceSelection: selection)
    }

    /// Project, with the scenario's draws and seed unless overridden.
    public func project(
        draws: Int? = nil, seed: UInt64? = nil, trajectories: Projection.Trajectories = .all,
        threads: Int? = nil, progress: ((Double) -> Void)? = nil
    ) -> ProjectionResult {
        Projection.run(
            forecaster, plan: plan, draws: draws ?? scenario.draws, seed: seed ?? scenario.seed,
            scenario: scenario.name, trajectories: trajectories, threads: threads, progress: progress)
    }

    /// The input files and their roles, for the manifest.
    public var inputFiles: [(role: String, path: String)] {
        [("scenario", scenario.file), ("data", scenario.data), ("framework", scenario.framework)]
            + (scenario.districtsFile.map { [("districts", $0)] } ?? [])
            + [("levers", scenario.levers), ("stickingPoints", scenario.stickingPoints)]
            + (scenario.events.map { [("events", $0)] } ?? [])
    }
}
