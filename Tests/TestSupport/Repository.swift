import Foundation

/// Where the repository and its test fixtures are, from this file's path.
public enum Repository {
    /// The repository root (this file is Tests/TestSupport/Repository.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A fresh empty directory under the system's temporary directory, removed with everything
    /// in it when the test process exits (so a test run leaves nothing behind in /tmp).
    public static func temporaryDirectory(prefix: String = "simulate-test-") throws -> String {
        let path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryDirectories.shared.register(path)
        return path
    }
}

/// The temporary directories tests created, removed at exit.
final class TemporaryDirectories: @unchecked Sendable {
    static let shared = TemporaryDirectories()
    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { TemporaryDirectories.shared.removeAll() }
    }

    func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.append(path)
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        paths = []
    }
}
