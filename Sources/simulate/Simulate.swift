import ArgumentParser
import PortfolioKit

@main
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Forecast how school districts implement the portfolio strategy.",
        discussion: """
            Loads yearly element ratings (a panel), the rating framework, and optional
            district attributes; reproduces the source paper's measures (describe).
            Run from the repository root to use the shipped data in Scenarios/data/.
            The shipped panel is a reconstruction that agrees with the paper, not CRPE's scores.
            """,
        subcommands: [Describe.self, Fit.self, Backtest.self, Synth.self]
    )
}
