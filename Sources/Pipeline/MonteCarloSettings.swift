/// Draws, seed and threads of a run; nil takes the (baseline) scenario's value, or every core.
public struct MonteCarloSettings: Sendable {
    /// Monte Carlo draws, or nil for the scenario's `"draws"`.
    public var draws: Int?
    /// The random seed, or nil for the scenario's `"seed"`.
    public var seed: UInt64?
    /// Worker threads, or nil for `SIMULATE_THREADS`, else every core. Outputs do not depend on it.
    public var threads: Int?

    /// Settings with the given overrides.
    public init(draws: Int? = nil, seed: UInt64? = nil, threads: Int? = nil) {
        self.draws = draws
        self.seed = seed
        self.threads = threads
    }
}
