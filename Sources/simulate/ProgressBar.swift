import Foundation
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A short `\r` progress bar on stderr, drawn only when stderr is a terminal.
/// It appears only once a task has run for more than half a second, so quick jobs stay quiet.
final class ProgressBar {
    let label: String
    let enabled: Bool
    let started = Date()
    var last = -1

    init(_ label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) != 0
    }

    func update(_ fraction: Double) {
        guard enabled, last >= 0 || Date().timeIntervalSince(started) > 0.5 || fraction >= 1 && last >= 0 else {
            return
        }
        let percent = Int((fraction * 100).rounded(.down))
        guard percent != last else { return }
        last = percent
        let width = 30
        let filled = width * percent / 100
        Console.errorRaw(
            "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                + "] \(percent)%")
    }

    func finish() {
        guard enabled, last >= 0 else { return }
        Console.errorRaw("\r" + String(repeating: " ", count: label.count + 40) + "\r")
    }

    /// One bar per pipeline stage.
    static var stages: ProgressStages {
        { label in
            let bar = ProgressBar(label)
            return ProgressStage(update: bar.update, finish: bar.finish)
        }
    }
}
