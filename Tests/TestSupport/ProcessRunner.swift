import Foundation

/// Runs a program and collects its exit status and output, for tests.
///
/// The child writes stdout and stderr to two temporary files, read after it exits: with pipes
/// read one after the other, a child filling the second pipe (64 KiB) while the first is being
/// read would block for ever.
public enum ProcessRunner {
    /// What a finished child left.
    public struct Result: Sendable {
        /// The exit status, or the signal's number when a signal ended it (Foundation's `terminationStatus`).
        public var status: Int32
        /// Everything it wrote to stdout, as UTF-8.
        public var stdout: String
        /// Everything it wrote to stderr, as UTF-8.
        public var stderr: String
    }

    /// Runs `executable` with `arguments` in `directory`, `environment` added to this process's, and waits.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String = Repository.root,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let capture = NSTemporaryDirectory() + "test-output-" + UUID().uuidString
        let outPath = capture + ".stdout"
        let errPath = capture + ".stderr"
        defer { for path in [outPath, errPath] { try? FileManager.default.removeItem(atPath: path) } }
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil),
            let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath)
        else { throw CocoaError(.fileWriteUnknown) }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
