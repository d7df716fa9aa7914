import Foundation

/// Where the repository and its test fixtures are, from this file's path.
public enum Repository {
    /// The repository root (this file is Tests/TestSupport/Repository.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A fresh empty directory under the system's temporary directory.
    public static func temporaryDirectory(prefix: String = "simulate-test-") throws -> String {
        let path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
