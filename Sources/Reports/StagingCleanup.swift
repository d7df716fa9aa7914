import Dispatch
import Forecasting
import Foundation
import Policy
import RatingsData

/// Removes a run's staging folder when the run is interrupted (SIGINT, SIGTERM) and exits with
/// the conventional status (128 + signal). SIGKILL cannot be caught: the next run into the same
/// folder removes what is left (`OutputDirectory.replace`).
final class StagingCleanup: @unchecked Sendable {
    static let shared = StagingCleanup()
    private let queue = DispatchQueue(label: "staging-cleanup")
    private var current: String?
    private var sources: [DispatchSourceSignal] = []

    func begin(_ staging: String) {
        queue.sync {
            current = staging
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { [unowned self] in
                    // Move the staging folder out of the writer's way first (the main thread may
                    // still be writing into it), then remove it and leave at once.
                    if let current {
                        let doomed = current + ".interrupted"
                        if rename(current, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
                    }
                    _exit(128 + sig)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    func end() { queue.sync { current = nil } }
}
