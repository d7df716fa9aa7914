import Foundation
import Policy
import RatingsData
import Reports

/// The `calibrate` command as a library value: lever effects estimated from the panel's event
/// history, written to calibration.csv and, on request, into a calibrated copy of the catalogue.
public struct CalibrationPipeline {
    /// The events file (district,date,lever,note).
    public let events: String
    /// The lever catalogue calibrated.
    public let levers: String
    /// Where the calibrated catalogue goes (nil: not written).
    public let write: String?
    /// The output folder for calibration.csv.
    public let out: String

    /// Checks that no input (the data files `dataInputs`, events, levers) is overwritten by the
    /// output folder or by `write`, and that `write` can be written.
    public init(dataInputs: [String], events: String, levers: String, write: String?, out: String) throws(Diagnostic) {
        (self.events, self.levers, self.write, self.out) = (events, levers, write, out)
        let inputs = dataInputs + [events, levers]
        try InputPath.refuseOverwriting(inputs, output: out, isFolder: true)
        guard let write else { return }
        try InputPath.refuseOverwriting(inputs, output: write, isFolder: false, option: "--write")
        try InputPath.refuseOverwriting([write], output: out, isFolder: true)  // --out would replace it
        try OutputDirectory(Self.folder(of: write)).checkFileTarget(write)
        try Self.refuseReplacingOtherFiles(write)
    }

    /// `--write` may replace a lever catalogue (an earlier calibrated copy), nothing else: a
    /// located error when `path` exists and is not a JSON object with a `"levers"` array.
    static func refuseReplacingOtherFiles(_ path: String) throws(Diagnostic) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let catalogue: Bool
        do {
            let root = try JSONParser.parse(contentsOf: path)
            catalogue = (try? JSONObjectReader(root, file: path, path: "").array("levers")) != nil
        } catch {
            catalogue = false
        }
        guard catalogue else {
            throw .error(
                at: SourceLocation(file: "command line", path: "--write"),
                "\(path) exists and is not a lever catalogue; refusing to replace it: choose another path or remove it")
        }
    }

    /// Estimates every lever on `panel`, writes the outputs and returns the lines to show the
    /// user; `warn` gets the warnings (events of districts the panel does not have).
    public func run(panel: Panel, warn: (String) -> Void) throws(Diagnostic) -> [String] {
        let catalogueNode = try JSONParser.parse(contentsOf: levers)
        let catalogue = try LeverCatalogue.decode(catalogueNode, file: levers, framework: panel.framework)
        let table = try EventTable.load(path: events)
        let unknown = Set(table.events.map(\.district)).subtracting(panel.districts.map(\.name)).sorted()
        if !unknown.isEmpty {
            warn(
                "\(events): warning: events of districts not in the panel are ignored: \(unknown.joined(separator: ", "))"
            )
        }
        let study = try EventStudy.run(panel: panel, events: table, levers: catalogue)
        let estimates =
            try LeverCalibration.run(panel: panel, events: table, levers: catalogue)
            + EventStudy.stallRows(study, levers: catalogue) { Self.assumedStall($0) }
        let charts = EventStudyReport.charts(study.rows, caveat: nil).sorted { $0.key < $1.key }
        try OutputDirectory(out).replace(
            with: [
                ("calibration.csv", CalibrationReport.table(estimates).text),
                ("event-study.csv", EventStudyReport.table(study.rows).text),
            ] + charts.map { ("charts/" + $0.key, $0.value) })
        if let write {
            let text = CalibrationReport.calibratedCatalogue(catalogueNode, estimates: estimates)
            try OutputDirectory(Self.folder(of: write)).write([((write as NSString).lastPathComponent, text)])
        }
        return [
            CalibrationReport.text(estimates),
            "\nWrote \(out)/calibration.csv, event-study.csv, \(charts.count) event-study chart\(charts.count == 1 ? "" : "s") in charts/"
                + (write.map { " and the calibrated catalogue \($0)" } ?? ""),
        ]
    }

    /// The catalogue's mean stall length of a lever (nil when it has no stall effect).
    static func assumedStall(_ lever: Lever?) -> Double? {
        let stalls = lever?.effects(provisions: nil).filter { $0.kind == .stall } ?? []
        return stalls.isEmpty ? nil : stalls.map(\.size.mean).reduce(0, +) / Double(stalls.count)
    }

    /// The folder a file path is in ("." for a bare name).
    static func folder(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}
