/// How a pipeline reports progress: one stage at a time, each a fraction from 0 to 1.
/// The command line draws a bar per stage; a library caller may pass `ProgressStage.silent`.
public struct ProgressStage {
    /// Called with the fraction done (0–1) as the stage runs.
    public let update: (Double) -> Void
    /// Called once when the stage is over.
    public let finish: () -> Void

    /// A stage reported through `update` and `finish`.
    public init(update: @escaping (Double) -> Void, finish: @escaping () -> Void) {
        self.update = update
        self.finish = finish
    }

    /// Reports nothing.
    public static var silent: ProgressStage { ProgressStage(update: { _ in }, finish: {}) }
}

/// Starts a stage, given its label (e.g. "Projecting baseline").
public typealias ProgressStages = (String) -> ProgressStage

extension ProgressStage {
    /// Reports nothing, for every stage.
    public static var silentStages: ProgressStages { { _ in .silent } }
}
