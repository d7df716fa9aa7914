import ArgumentParser
import Pipeline
import Policy
import RatingsData

extension Simulate {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate lever effects from the panel's event history, beside the catalogue's assumptions.",
            discussion: """
                An interrupted time series in first differences: each rating step's change is \
                explained by component and district drifts plus, for each lever, a level shift at the \
                step across its events and a slope change after them; 95% intervals from a wild \
                cluster bootstrap-t over districts. An event study by years since the event \
                (event-study.csv, charts/event-study-*.svg) gives each lever's timing and a stall \
                lever's length in years. Effects the data cannot identify (fewer than five districts' \
                events) are reported as such, without a number. Writes calibration.csv; with --write, \
                a calibrated lever catalogue (sizes as p10/p50/p90, lags as estimated) scenarios can name.
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
                let pipeline = try CalibrationPipeline(
                    dataInputs: input.inputs, events: events, levers: levers, write: write, out: out)
                let panel = try input.load()
                let lines = try pipeline.run(panel: panel) { Console.error($0) }
                Console.out(input.banner(panel) + "\n\n")
                for line in lines { Console.out(line) }
            }
        }
    }
}
