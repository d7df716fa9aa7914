import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

extension Simulate {
    struct ExportNotebook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-notebook",
            abstract: "Write a Jupyter notebook that reloads a run's CSVs and redraws its charts.",
            discussion:
                "The notebook reads the results folder by a path relative to the notebook, so keep both where they are."
        )

        @Argument(
            help: ArgumentHelp(
                "A results folder written by simulate (a scenario run, compare or describe).", valueName: "results-dir")
        )
        var results: String

        @Option(
            name: .long,
            help: ArgumentHelp("Notebook file (default: notebooks-export/<folder name>.ipynb).", valueName: "file"))
        var out: String?

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let fm = FileManager.default
                let cwd = fm.currentDirectoryPath
                func absolute(_ p: String) -> String {
                    (p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p) as String).standardizedPath
                }
                let resultsPath = absolute(results)
                func has(_ name: String) -> Bool {
                    fm.fileExists(atPath: (resultsPath as NSString).appendingPathComponent(name))
                }
                let contents = NotebookExport.Contents(
                    advanced: has("advanced.csv"), trajectories: has("trajectories.csv"),
                    stickingPoints: has("sticking-points.csv") && has("sticking-points-network.csv"),
                    compare: has("compare.csv"), describe: has("describe.csv"),
                    attributionDetail: has("relaxation-bundles.csv") && has("component-outlook.csv")
                        && has("what-it-would-take.csv"))
                guard !contents.isEmpty else {
                    throw Diagnostic.error(
                        at: SourceLocation(file: results),
                        "no results here; expected a folder written by simulate (advanced.csv, compare.csv or describe.csv)"
                    )
                }
                let name = (resultsPath as NSString).lastPathComponent
                let target = absolute(out ?? "notebooks-export/\(name).ipynb")
                let folder = (target as NSString).deletingLastPathComponent
                let canonicalTarget = InputPath.canonical(target)
                let canonicalResults = InputPath.canonical(resultsPath)
                guard canonicalTarget != canonicalResults, !canonicalTarget.hasPrefix(canonicalResults + "/") else {
                    throw Diagnostic.error(
                        at: SourceLocation(file: "command line", path: "--out"),
                        "\(out ?? target) is inside the results folder \(results) it reads; expected a notebook path outside it (default: notebooks-export/)"
                    )
                }
                let text = NotebookExport.notebook(
                    title: "Results: \(name)",
                    resultsPath: NotebookExport.relativePath(from: folder, to: resultsPath),
                    contents: contents)
                try OutputDirectory(folder).write([((target as NSString).lastPathComponent, text)])
                Console.out("Wrote \(out ?? "notebooks-export/\(name).ipynb")")
            }
        }
    }
}

private extension String {
    /// The path with "." and ".." components resolved.
    var standardizedPath: String {
        var parts: [Substring] = []
        for part in split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
