import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

extension Simulate {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate lever effects from the panel's event history, beside the catalogue's assumptions.",
            discussion: """
                An interrupted time series in first differences: each rating step's change is
                explained by component and district drifts plus, for each lever, a level shift at the
                step across its events and a slope change after them (cluster-robust SE by district).
                Effects the data cannot identify are reported as such, without a number.
                Writes calibration.csv; with --write, a calibrated lever catalogue scenarios can name.
                """
        )

        @OptionGroup var input: DataOptions

        @Option(name: .long, help: ArgumentHelp("Events CSV (district,date,lever,note).", valueName: "csv"))
        var events: String = DefaultPaths.events

        @Option(name: .long, help: ArgumentHelp("Lever catalogue to calibrate.", valueName: "json"))
        var levers: String = DefaultPaths.levers

        @Option(name: .long, help: ArgumentHelp("Write a calibrated copy of the catalogue here.", valueName: "file"))
        var write: String?

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "Results/calibrate"

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let inputs = input.inputs + [events, levers]
                try InputPath.refuseOverwriting(inputs, output: out, isFolder: true)
                if let write {
                    try InputPath.refuseOverwriting(inputs, output: write, isFolder: false, option: "--write")
                    try InputPath.refuseOverwriting([write], output: out, isFolder: true)  // --out would replace it
                    try OutputDirectory(
                        (write as NSString).deletingLastPathComponent.isEmpty
                            ? "." : (write as NSString).deletingLastPathComponent
                    ).checkFileTarget(write)
                }
                let panel = try input.load()
                let catalogueNode = try JSONParser.parse(contentsOf: levers)
                let catalogue = try LeverCatalogue.decode(catalogueNode, file: levers, framework: panel.framework)
                let table = try EventTable.load(path: events)
                let known = Set(panel.districts.map(\.name))
                let unknown = Set(table.events.map(\.district)).subtracting(known).sorted()
                if !unknown.isEmpty {
                    Console.error(
                        "\(events): warning: events of districts not in the panel are ignored: \(unknown.joined(separator: ", "))"
                    )
                }
                let estimates = try LeverCalibration.run(panel: panel, events: table, levers: catalogue)
                try OutputDirectory(out).replace(with: [("calibration.csv", CalibrationReport.table(estimates).text)])
                if let write {
                    let directory = (write as NSString).deletingLastPathComponent
                    try OutputDirectory(directory.isEmpty ? "." : directory).write(
                        [
                            (
                                (write as NSString).lastPathComponent,
                                CalibrationReport.calibratedCatalogue(catalogueNode, estimates: estimates)
                            )
                        ])
                }
                Console.out(input.banner(panel) + "\n\n")
                Console.out(CalibrationReport.text(estimates))
                Console.out(
                    "\nWrote \(out)/calibration.csv" + (write.map { " and the calibrated catalogue \($0)" } ?? ""))
            }
        }
    }
}
