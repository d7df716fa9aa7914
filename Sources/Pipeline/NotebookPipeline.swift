import Foundation
import RatingsData
import Reports

/// The `export-notebook` command as a library value: a Jupyter notebook that reloads a results
/// folder's CSVs, covering the files the folder has, written outside that folder.
public struct NotebookPipeline {
    /// The results folder as given.
    public let results: String
    /// The notebook path as given (nil: `notebooks-export/<folder name>.ipynb`).
    public let out: String?
    /// Which of the folder's files exist.
    let contents: NotebookExport.Contents
    /// Absolute, normalised paths of the results folder and the notebook.
    let resultsPath: String
    let target: String

    /// Finds what the results folder holds; an error when it holds no results, or when the
    /// notebook would land inside it.
    public init(results: String, out: String?, workingDirectory: String) throws(Diagnostic) {
        (self.results, self.out) = (results, out)
        resultsPath = Self.absolute(results, in: workingDirectory)
        let folder = resultsPath
        func has(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + name) }
        contents = NotebookExport.Contents(
            advanced: has("advanced.csv"), trajectories: has("trajectories.csv"),
            stickingPoints: has("sticking-points.csv") && has("sticking-points-network.csv"),
            compare: has("compare.csv"), describe: has("describe.csv"),
            attributionDetail: has("relaxation-bundles.csv") && has("component-outlook.csv")
                && has("what-it-would-take.csv"))
        guard !contents.isEmpty else {
            throw Diagnostic.error(
                at: SourceLocation(file: results),
                "no results here; expected a folder written by simulate (advanced.csv, compare.csv or describe.csv)")
        }
        let name = (resultsPath as NSString).lastPathComponent
        target = Self.absolute(out ?? "notebooks-export/\(name).ipynb", in: workingDirectory)
        let canonicalTarget = InputPath.canonical(target)
        let canonicalResults = InputPath.canonical(resultsPath)
        guard canonicalTarget != canonicalResults, !canonicalTarget.hasPrefix(canonicalResults + "/") else {
            throw Diagnostic.error(
                at: SourceLocation(file: "command line", path: "--out"),
                "\(out ?? target) is inside the results folder \(results) it reads; expected a notebook path outside it (default: notebooks-export/)"
            )
        }
    }

    /// Writes the notebook; returns the line to show the user.
    public func run() throws(Diagnostic) -> String {
        let name = (resultsPath as NSString).lastPathComponent
        let folder = (target as NSString).deletingLastPathComponent
        let text = NotebookExport.notebook(
            title: "Results: \(name)", resultsPath: NotebookExport.relativePath(from: folder, to: resultsPath),
            contents: contents)
        try OutputDirectory(folder).write([((target as NSString).lastPathComponent, text)])
        return "Wrote \(out ?? "notebooks-export/\(name).ipynb")"
    }

    /// `path` made absolute against `directory`, with "." and ".." resolved.
    static func absolute(_ path: String, in directory: String) -> String {
        let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
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
