import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

/// Where the panel, framework and districts come from; shared by every command that loads data.
struct DataOptions: ParsableArguments {

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Panel: a CSV with header district,year,element,score (long) or district,year and one column per element id (wide), or an .xlsx workbook in either layout.",
            valueName: "csv|xlsx"))
    var data: String = DefaultPaths.data

    @Option(
        name: .long,
        help: ArgumentHelp("With an .xlsx --data: the sheet to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(
        name: .long, help: ArgumentHelp("Framework JSON: components, elements, scale, thresholds.", valueName: "json"))
    var framework: String = DefaultPaths.framework

    @Option(
        name: .long,
        help: ArgumentHelp(
            """
            Districts CSV (district,state,governance). Default: the shipped file when --data is the \
            shipped panel, none otherwise.
            """, valueName: "csv"))
    var districts: String?

    /// The files read, for refusing an output path that would overwrite one.
    var inputs: [String] {
        [data, framework] + [districts ?? (usesShippedPanel ? DefaultPaths.districts : nil)].compactMap { $0 }
    }

    /// Whether the shipped, reconstructed panel is in use (its caveat must be shown).
    var usesShippedPanel: Bool { data == DefaultPaths.data }

    /// Load the framework and panel, printing warnings to stderr.
    func load() throws(Diagnostic) -> Panel {
        if let sheet, !data.lowercased().hasSuffix(".xlsx") {
            throw .error(
                at: SourceLocation(file: "command line", path: "--sheet"),
                "--sheet \(sheet) applies only to an .xlsx --data, and the data is \(data)")
        }
        let fw = try Framework.load(contentsOf: framework)
        let districtsPath = districts ?? (usesShippedPanel ? DefaultPaths.districts : nil)
        let bar = ProgressBar("Loading \(data)")
        let result = try PanelSource.load(
            path: data, framework: fw, districtsPath: districtsPath, sheet: sheet, progress: bar.update)
        bar.finish()
        for warning in result.warnings { Console.error(warning.description) }
        return result.panel
    }

    /// One line naming the data, with the caveat when it is the shipped reconstruction.
    func banner(_ panel: Panel) -> String {
        let years = panel.years
        var text =
            "Data: \(data) — \(panel.districts.count) districts, \(panel.framework.components.count) components, \(panel.framework.elements.count) elements, \(years.first!)–\(years.last!)"
        if usesShippedPanel {
            text += "\nNote: " + DataCaveat.shippedPanel
        }
        return text
    }
}
