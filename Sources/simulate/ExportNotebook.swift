import ArgumentParser
import Forecasting
import Foundation
import Pipeline
import Policy
import RatingsData

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
                let pipeline = try NotebookPipeline(
                    results: results, out: out, workingDirectory: FileManager.default.currentDirectoryPath)
                Console.out(try pipeline.run())
            }
        }
    }
}
