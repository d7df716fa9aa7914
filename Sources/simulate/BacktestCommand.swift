import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

extension Simulate {
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score forecasting models by a rolling-origin backtest with proper scoring rules.",
            discussion: """
                At every cut year with two panel years up to it and one after it, each model is fitted \
                on the data up to the cut, draws paths of every district, and is scored on the \
                observed years 1…H after the cut: ranked probability score of element ratings (rps), \
                coverage and interval score of the p10–p90 band of the district score (coverage80, \
                interval80), CRPS of the district score (crps) and Brier score of P(advanced) (brier). \
                Writes backtest.csv (model,horizon,measure,score,n) and coverage-by-horizon.svg. \
                Models: \(RollingOrigin.knownModelNames.joined(separator: ", ")).
                """
        )

        @OptionGroup var input: DataOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Events CSV (district,date,lever,note). Default: events.csv beside --data, if there is one.",
                valueName: "csv"))
        var events: String?

        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("Farthest year scored after each cut, in years.", valueName: "years"))
        var horizon: Int = 3

        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("Paths drawn per district and model.", valueName: "n"))
        var draws: Int = 500

        @Option(
            name: .long, parsing: .unconditional,
            help: ArgumentHelp("Random seed; the same seed gives the same scores.", valueName: "seed"))
        var seed: UInt64 = 1

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Comma-separated models to score, in order. Default: every known model.", valueName: "a,b,…"))
        var models: String?

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "Results/backtest"

        /// The model names asked for (every known model when none are).
        var modelNames: [String] {
            models.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
                ?? RollingOrigin.knownModelNames
        }

        func validate() throws {
            guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 year (got \(horizon))") }
            guard draws >= 1, draws <= 100_000 else {
                throw ValidationError(
                    "--draws must be between 1 and 100,000 (got \(draws)): each cut keeps every path of a district (years × elements × draws ratings)"
                )
            }
            guard horizon <= 30 else { throw ValidationError("--horizon must be at most 30 years (got \(horizon))") }
            do throws(RollingOriginError) {
                _ = try RollingOrigin.models(named: modelNames)
            } catch {
                throw ValidationError("--models: \(error.description)")
            }
        }

        /// `--events`, else `events.csv` beside the data file when it exists, else none.
        func loadEvents() throws(Diagnostic) -> EventTable? {
            if let events { return try EventTable.load(path: events) }
            return try DefaultPaths.events(besideData: input.data).map { path throws(Diagnostic) in
                try EventTable.load(path: path)
            }
        }

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                try InputPath.refuseOverwriting(input.inputs + (events.map { [$0] } ?? []), output: out, isFolder: true)
                let panel = try input.load()
                let table = try loadEvents()
                let scores: [RollingOriginScore]
                do throws(RollingOriginError) {
                    scores = try RollingOrigin.run(
                        panel: panel, events: table, models: try RollingOrigin.models(named: modelNames),
                        horizon: horizon, draws: draws, seed: seed)
                } catch {
                    throw Diagnostic.error(at: SourceLocation(file: input.data), error.description)
                }
                let caveat = input.usesShippedPanel ? DataCaveat.shippedPanel : nil
                try OutputDirectory(out).replace(with: [
                    ("backtest.csv", BacktestReport.table(scores).text),
                    (BacktestReport.chartFile, CoverageChart.svg(scores, caveat: caveat)),
                ])
                Console.out(
                    input.banner(panel)
                        + (table.map { "\nEvents: \($0.file) — \($0.events.count) events" } ?? "\nEvents: none")
                        + "\n\n")
                Console.out(
                    BacktestReport.text(
                        scores, cuts: RollingOrigin.cutYears(panel), horizon: horizon, draws: draws, seed: seed))
                Console.out("\nWrote \(out)/backtest.csv and \(out)/\(BacktestReport.chartFile)")
            }
        }
    }
}
