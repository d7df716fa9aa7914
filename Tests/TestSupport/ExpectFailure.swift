import Foundation
import Testing

/// A run given bad input failed cleanly: a non-zero exit, exactly one message on stderr naming
/// each of `mentions`, no crash, nothing on stdout and no output folder at `out`.
public func expectFailure(
    _ run: ProcessRunner.Result, out: String, mentions: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(run.status != 0, sourceLocation: sourceLocation)
    for word in mentions { #expect(run.stderr.contains(word), "\(run.stderr)", sourceLocation: sourceLocation) }
    #expect(run.stderr.split(separator: "\n").count == 1, "one message: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: out), "no output written", sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
}
