import Forecasting
import Foundation
import Policy
import RatingsData
import Reports
import TestSupport
import Testing

/// Every output of the baseline run and of one comparison, at a fixed seed, is byte for byte
/// what it was when `Fixtures/byte-identity.sha256` was taken (2026-11-29, before the code was
/// reorganised into pipeline targets). A change that moves code must leave this passing; a
/// change that means to change outputs regenerates the file with
/// `SIMULATE_WRITE_BYTE_IDENTITY=1 swift test --filter ByteIdentityTests` and says why in its commit.
@Suite(.tags(.slow)) struct ByteIdentityTests {
    static let fixture = CLI.repository + "/Tests/simulateTests/Fixtures/byte-identity.sha256"

    /// The runs: the shipped baseline with the whole attribution, and a comparison of two
    /// scenario files against it (small draws so the debug build runs them in seconds).
    static let runs: [(name: String, arguments: [String])] = [
        ("baseline", ["Scenarios/baseline.json", "--draws", "120", "--seed", "11"]),
        (
            "compare",
            [
                "compare", "Scenarios/baseline.json", "Scenarios/oakland-contract.json",
                "Scenarios/california-legislation.json", "--draws", "120", "--seed", "11",
            ]
        ),
    ]

    /// "sha256  run/relative/path" for every file the runs write, sorted. The manifest's command
    /// line names the temporary output folder; it is hashed as `TMP`.
    static func digests() throws -> [String] {
        let parent = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        var lines: [String] = []
        for run in runs {
            let out = parent + "/" + run.name
            let result = try CLI.run(run.arguments + ["--out", out])
            guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": result.stderr]) }
            for path in try FileManager.default.subpathsOfDirectory(atPath: out).sorted() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isDirectory),
                    !isDirectory.boolValue, !path.hasPrefix(".")
                else { continue }
                var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)))
                if path == "manifest.json" {
                    bytes = Array(
                        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: parent, with: "TMP").utf8)
                }
                lines.append("\(SHA256.hex(bytes))  \(run.name)/\(path)")
            }
        }
        return lines
    }

    @Test func outputsAreByteIdenticalToTheRecordedDigests() throws {
        let lines = try Self.digests()
        if ProcessInfo.processInfo.environment["SIMULATE_WRITE_BYTE_IDENTITY"] == "1" {
            try (lines.joined(separator: "\n") + "\n").write(toFile: Self.fixture, atomically: true, encoding: .utf8)
        }
        let recorded = try String(contentsOfFile: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count > 40, "the runs wrote every output")
        #expect(Set(lines.map { $0.dropFirst(66) }) == Set(recorded.map { $0.dropFirst(66) }), "the same files")
        for (line, expected) in zip(lines, recorded) where line != expected {
            Issue.record("changed: \(line.dropFirst(66)) (recorded \(expected.prefix(16))…, now \(line.prefix(16))…)")
        }
    }
}
