import ArgumentParser

/// The Monte Carlo settings `run` and `compare` share.
struct MonteCarloOptions: ParsableArguments {
    @Option(name: .long, help: "Monte Carlo draws (default: the (baseline) scenario's, else 1000).")
    var draws: Int?

    @Option(name: .long, help: "Random seed (default: the (baseline) scenario's, else 1).")
    var seed: UInt64?

    @Option(name: .long, help: "Threads (default: SIMULATE_THREADS, else every core). Outputs do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1 (got \(draws))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }
}
