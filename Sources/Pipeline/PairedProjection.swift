import Forecasting
import Policy

/// A baseline and its alternatives projected on the same draws and seed (common random
/// numbers), advanced years only: comparisons need no trajectory percentiles.
enum PairedProjection {
    /// The projections, reported as one progress stage called `label`.
    static func run(
        _ baseline: ScenarioRun, _ alternatives: [ScenarioRun], draws: Int, seed: UInt64, threads: Int?,
        label: String, progress: ProgressStages
    ) -> (ProjectionResult, [ProjectionResult]) {
        let stage = progress(label)
        defer { stage.finish() }
        let total = Double(1 + alternatives.count)
        let base = baseline.project(draws: draws, seed: seed, trajectories: .none, threads: threads) {
            stage.update($0 / total)
        }
        var results: [ProjectionResult] = []
        for (i, alternative) in alternatives.enumerated() {
            results.append(
                alternative.project(draws: draws, seed: seed, trajectories: .none, threads: threads) {
                    stage.update((Double(i + 1) + $0) / total)
                })
        }
        return (base, results)
    }
}
