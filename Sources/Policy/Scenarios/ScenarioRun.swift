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
    /// A retrospective run's whole panel, observations after `"from"` included (nil: a forward
    /// run; `panel` is then the whole panel).
    public var observed: Panel? = nil
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
        let (panel, observed) = try retrospectiveCut(loaded.panel, scenario: scenario)
        let plan = try ScenarioPlan.resolve(
            scenario, panel: panel, levers: levers, stickingPoints: points, events: events)
        let (fit, forecaster, selection) = try fitted(panel, scenario: scenario, events: events, levers: levers)
        var run = ScenarioRun(
            scenario: scenario, panel: panel,
            warnings: loaded.warnings + catalogueWarnings
                + droppedWarning(panel, observed: observed, scenario: scenario),
            levers: levers, stickingPoints: points, plan: plan, fit: fit, forecaster: forecaster, events: events,
            persistenceSelection: selection)
        run.observed = observed
        return run
    }

    /// The trajectory fit, the forecaster with its paces' persistence (chosen from what a
    /// retrospective run would have known at its cut) and the scenario's pace-change factor.
    static func fitted(_ panel: Panel, scenario: Scenario, events: EventTable?, levers: LeverCatalogue)
        throws(Diagnostic) -> (TrajectoryFit, DriftForecaster, PersistenceSelection.Result)
    {
        let fit: TrajectoryFit
        do throws(TrajectoryModel.FitError) {
            fit = try TrajectoryModel.fit(panel)
        } catch {
            throw .error(at: SourceLocation(file: scenario.data), error.description)
        }
        var forecaster = DriftForecaster(panel: panel, fit: fit)
        let known = events.map { t in
            EventTable(file: t.file, events: t.events.filter { $0.year <= (scenario.from ?? .max) })
        }
        let key = [scenario.data, scenario.events ?? "", scenario.levers, scenario.from.map(String.init) ?? ""]
        let selection = PersistenceSelection.cached(key: key) {
            PersistenceSelection.select(panel, events: known, levers: levers)
        }
        forecaster.paceChange.persistence = selection.persistence
        forecaster.paceChange.commonSD *= scenario.paceChangeVariance.squareRoot()
        forecaster.paceChange.ownSD *= scenario.paceChangeVariance.squareRoot()
        return (fit, forecaster, selection)
    }

    /// A warning naming the districts a retrospective cut leaves out (no snapshot up to `"from"`).
    static func droppedWarning(_ panel: Panel, observed: Panel?, scenario: Scenario) -> [Diagnostic] {
        guard let observed, let from = scenario.from else { return [] }
        let dropped = observed.districts.map(\.name).filter { panel.districtIndex(named: $0) == nil }
        guard !dropped.isEmpty else { return [] }
        let list = dropped.prefix(10).joined(separator: ", ") + (dropped.count > 10 ? ", …" : "")
        return [
            .warning(
                at: scenario.fromLocation ?? SourceLocation(file: scenario.file),
                "\(dropped.count) district\(dropped.count == 1 ? " has" : "s have") no snapshot up to \(from) and \(dropped.count == 1 ? "is" : "are") left out: \(list)"
            )
        ]
    }

    /// A retrospective run's training panel (the snapshots up to `"from"`) and the whole panel it
    /// is compared with; a forward run's panel and nil.
    /// - Throws: a located error at `"from"` when it leaves nothing to fit or nothing to compare.
    static func retrospectiveCut(_ panel: Panel, scenario: Scenario) throws(Diagnostic) -> (Panel, Panel?) {
        guard let from = scenario.from else { return (panel, nil) }
        let at = scenario.fromLocation ?? SourceLocation(file: scenario.file, path: "from")
        // The trajectory model needs two years of snapshots, and something must be observed after the cut.
        let years = panel.years
        guard years.count >= 3 else {
            throw .error(at: at, "the panel has \(years.count) year(s); a retrospective run needs at least three")
        }
        guard from >= years[1], from < years[years.count - 1] else {
            let problem =
                from >= years[years.count - 1]
                ? "nothing observed after it to compare" : "fewer than two years of snapshots to fit"
            throw .error(
                at: at, "from \(from) leaves \(problem); expected a year from \(years[1]) to \(years[years.count - 2])")
        }
        let training = panel.before(year: from + 1).panel
        return (training, panel)
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
