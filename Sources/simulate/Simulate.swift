import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

@main
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Forecast how school districts implement the portfolio strategy.",
        discussion: """
            The main job: `simulate SCENARIO.json` projects every district under a scenario
            file and says when each becomes advanced, as a distribution. Also: the paper's
            measures (describe), the trajectory model (fit, backtest) and synthetic panels.
            Run from the repository root to use the shipped data in Scenarios/data/.
            The shipped panel is a reconstruction that agrees with the paper, not CRPE's scores.
            """,
        subcommands: [
            Run.self, Compare.self, Sensitivity.self, Describe.self, Fit.self, Backtest.self, Calibrate.self,
            ExportNotebook.self, Synth.self,
        ],
        defaultSubcommand: Run.self
    )

    static func main() {
        Parallel.useOneBLASThreadUnlessConfigured()
        if let text = ProcessInfo.processInfo.environment["SIMULATE_THREADS"], (Int(text) ?? 0) < 1 {
            Console.error(
                "warning: SIMULATE_THREADS=\(text) is not a positive integer; using every core (\(Parallel.defaultThreads))"
            )
        }
        main(nil)
    }
}
