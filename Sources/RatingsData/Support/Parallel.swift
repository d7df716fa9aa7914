import Dispatch
import Foundation

/// Deterministic parallel work over independent items (districts).
///
/// Every item's result depends only on the item, never on which thread ran it or when, and
/// results are returned in item order — so outputs are byte-identical for any thread count.
/// Items are handed out one at a time from a shared counter, which balances uneven items.
public enum Parallel {
    /// Threads to use when the caller does not say: `SIMULATE_THREADS` if set to a positive
    /// integer, otherwise the active processor count. Read once (the environment is a
    /// dictionary built on every access, and the fit asks dozens of times).
    public static let defaultThreads: Int = {
        if let text = ProcessInfo.processInfo.environment["SIMULATE_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `body(i)` for i in 0..<count on up to `threads` threads, in item order. `progress` gets
    /// the completed fraction, one call at a time.
    public static func map<T>(
        _ count: Int, threads: Int? = nil, progress: ((Double) -> Void)? = nil,
        _ body: (Int) -> T
    ) -> [T] {
        let workers = max(1, min(threads ?? defaultThreads, count))
        if workers == 1 {
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                out.append(body(i))
                progress?(Double(i + 1) / Double(count))
            }
            return out
        }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let queue = WorkCounter(count: count)
        withoutActuallyEscaping(body) { body in
            let shared = Shared(slots: slots, body: body, progress: progress)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = queue.take() {
                    shared.slots[i] = shared.body(i)
                    queue.finished { done in shared.progress?(Double(done) / Double(count)) }
                }
            }
        }
        return slots.map { $0! }
    }

    /// What the workers share. Each slot is written by exactly one worker and read only after
    /// all have joined; `progress` is called under the counter's lock.
    private struct Shared<T>: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<T?>
        let body: (Int) -> T
        let progress: ((Double) -> Void)?
    }

    private final class WorkCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0, done = 0
        private let count: Int
        init(count: Int) { self.count = count }

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finished(_ report: (Int) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            done += 1
            report(done)
        }
    }
}
