import ArgumentParser
import Forecasting
import Pipeline
import Policy
import RatingsData
import Reports

/// The Monte Carlo settings `run` and `compare` share.
struct MonteCarloOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .unconditional, help: "Monte Carlo draws (default: the (baseline) scenario's, else 1000)."
    )
    var draws: Int?

    @Option(
        name: .long, parsing: .unconditional,
        help:
            "Random seed, a whole number from 0 to 999999999999999 as in a scenario file (default: the (baseline) scenario's, else 1)."
    )
    var seed: UInt64?

    @Option(
        name: .long, parsing: .unconditional,
        help: "Threads (default: SIMULATE_THREADS, else every core). Outputs do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
        if let seed, Double(seed) >= JSONObjectReader.maximumInteger {
            throw ValidationError(
                "--seed \(seed) is too large; expected at most 999999999999999, so that the manifest's seed can be written back into a scenario file"
            )
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    /// The settings the pipeline takes.
    var settings: MonteCarloSettings { MonteCarloSettings(draws: draws, seed: seed, threads: threads) }
}
