import Forecasting
import Policy
import RatingsData
import Reports

/// Every file a scenario run writes, in writing order, the manifest last.
struct ScenarioOutputs {
    /// Path inside the output folder and contents.
    var files: [(name: String, contents: String)] = []
    /// How many SVG charts are among `files`.
    var chartCount = 0
    /// The shipped-panel caveat, when the run used the shipped (reconstructed) panel.
    let caveat: String?
    /// A retrospective run's observations after the cut against the band (nil: a forward run).
    var retrospective: [RetrospectiveReport.Row]? = nil

    /// The tables, the attribution's files, the charts, the brief and the manifest of a projected run.
    init(
        _ run: ScenarioRun, result: ProjectionResult, attribution: StickingPointAttribution.Result?,
        trajectories: Projection.Trajectories, commandLine: [String]
    ) throws(Diagnostic) {
        caveat = run.scenario.usesShippedPanel ? DataCaveat.shippedPanel : nil
        if trajectories != .none {
            files.append(("trajectories.csv", ScenarioReport.trajectories(result, panel: run.panel).text))
        }
        files.append(("advanced.csv", ScenarioReport.advanced(result).text))
        files.append(("advanced-by-year.csv", ScenarioReport.advancedByYear(result).text))
        files.append(("network.csv", NetworkReport.table(result).text))
        if let observed = run.observed {
            retrospective = RetrospectiveReport.rows(result, observed: observed)
            files.append(
                ("retrospective.csv", RetrospectiveReport.table(retrospective!, scenario: result.scenario).text))
        }
        if let attribution { files += AttributionReport.files(attribution, scenario: result.scenario) }
        var charts = RunCharts.scenario(result, panel: run.panel, observed: run.observed, caveat: caveat)
        if let attribution {
            charts.merge(ShapleyCharts.charts(attribution, scenario: result.scenario, caveat: caveat)) { a, _ in a }
        }
        chartCount = charts.count
        files += RunCharts.files(charts)
        files.append(
            (
                "brief.html",
                BriefHTML.run(
                    run, result: result, attribution: attribution, charts: charts, caveat: caveat,
                    retrospective: retrospective)
            ))
        let manifest = RunManifest(
            run: run, result: result, inputs: try Self.inputs(run), outputs: files, commandLine: commandLine)
        files.append(("manifest.json", manifest.json))
    }

    /// Every input file with its SHA-256.
    static func inputs(_ run: ScenarioRun) throws(Diagnostic) -> [RunManifest.Input] {
        var inputs: [RunManifest.Input] = []
        for input in run.inputFiles {
            let bytes = try InputFile.read(input.path, limit: InputFile.streamedFileLimit)
            inputs.append(RunManifest.Input(role: input.role, file: input.path, sha256: SHA256.hex(bytes)))
        }
        return inputs
    }

    /// The lines shown on the terminal: the caveat, the scenario's description, the background
    /// rates, the table, the attribution and what was written.
    func summary(
        _ run: ScenarioRun, result: ProjectionResult, attribution: StickingPointAttribution.Result?,
        directory: String
    ) -> [String] {
        var lines: [String] = []
        if let caveat { lines.append("Note: " + caveat + "\n") }
        if !run.scenario.description.isEmpty { lines.append(run.scenario.description + "\n") }
        lines.append(BackgroundReport.text(run) + "\n")
        lines.append(ScenarioReport.text(result))
        if let retrospective, let from = run.scenario.from {
            lines.append("\n" + RetrospectiveReport.text(retrospective, from: from))
        }
        if let attribution { lines.append("\n" + AttributionReport.text(attribution)) }
        lines.append(
            "\nWrote \(directory)/: "
                + files.map(\.name).filter { !$0.hasPrefix("charts/") }.joined(separator: ", ")
                + " and \(chartCount) charts in charts/")
        return lines
    }
}
