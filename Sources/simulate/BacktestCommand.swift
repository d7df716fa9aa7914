import ArgumentParser
import PortfolioKit

extension Simulate {
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the trajectory model against naive rules on a held-out year.",
            discussion: """
                Fits on the years before the hold-out year, forecasts every (district, element)
                rating observed in it, and compares pooled-growth (the engine's model) with
                last-value (carry the last rating forward) and series-ols (a free line per series,
                clamped). Writes backtest.csv: model,mae,rmse,exact_match_rate,within_one_rate,coverage_80,n.
                """
        )

        @OptionGroup var input: DataOptions

        @Option(name: .long, help: ArgumentHelp("Year to hold out. Default: the panel's last year.", valueName: "year"))
        var holdoutYear: Int?

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "Results/backtest"

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let panel = try input.load()
                let year = holdoutYear ?? panel.years.last!
                guard panel.years.contains(year) else {
                    throw Diagnostic.error(at: SourceLocation(file: input.data),
                                           "no snapshot in \(year); expected a hold-out year among \(panel.years.map(String.init).joined(separator: ", "))")
                }
                let scores: [BacktestScore]
                do throws(PortfolioKit.Backtest.BacktestError) {
                    scores = try PortfolioKit.Backtest.run(panel, holdoutYear: year)
                } catch {
                    throw Diagnostic.error(at: SourceLocation(file: input.data), error.description)
                }
                try OutputDirectory(out).write([("backtest.csv", BacktestReport.table(scores).text)])
                Console.out(input.banner(panel) + "\n\n")
                Console.out(BacktestReport.text(scores, holdoutYear: year))
                Console.out("\nWrote \(out)/backtest.csv")
            }
        }
    }
}
