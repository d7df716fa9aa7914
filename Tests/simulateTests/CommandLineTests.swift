import Foundation
import Testing

/// Runs the real `simulate` binary, as a user does, from the repository root.
enum CLI {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary built beside this test bundle.
    static let binary: String = {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("simulate").path,
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("simulate").path,
                          repository + "/.build/debug/simulate"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: String = repository,
                    environment: [String: String] = [:]) throws -> Run {
        try launch(binary, arguments, in: directory, environment: environment)
    }

    /// Run any executable and collect its exit status and output. The child writes its stdout
    /// and stderr to two temporary files, read after it exits: with pipes read one after the
    /// other, a child filling the second pipe (64 KiB) while the first is being read would block
    /// for ever.
    static func launch(_ executable: String, _ arguments: [String], in directory: String = repository,
                       environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let capture = NSTemporaryDirectory() + "simulate-test-output-" + UUID().uuidString
        let outPath = capture + ".stdout", errPath = capture + ".stderr"
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
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                   stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "simulate-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

@Suite struct DescribeCommandTests {
    @Test func describesTheShippedPanel() throws {
        let out = try CLI.temporaryDirectory() + "/describe"
        let run = try CLI.run(["describe", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("illustrative reconstruction"))
        #expect(run.stdout.contains("Advanced (more than half of the components in progress or better): 5"))
        let csv = try String(contentsOfFile: out + "/describe.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "district,latest_year,district_score,spread,recent_progress,quadrant,advanced,components_in_progress")
        #expect(lines.count == 26)
        #expect(lines.contains { $0.hasPrefix("TN ASD,2016,") && $0.contains(",strong-consistent,true,") })
        #expect(try String(contentsOfFile: out + "/components.csv", encoding: .utf8).hasPrefix("component,network_mean,rank\nAccountability,"))
        #expect(try String(contentsOfFile: out + "/elements.csv", encoding: .utf8).hasPrefix("element,network_mean,rank\n"))
    }

    /// Another framework and panel run through the same command unchanged.
    @Test func describesAMadeUpFramework() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run(["describe", "--framework", "Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
                               "--data", "Tests/PortfolioKitTests/Fixtures/tiny/panel.csv", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Alpha") && run.stdout.contains("Gamma"))
        #expect(!run.stdout.contains("illustrative reconstruction"))
        #expect(run.stderr.contains("warning") && run.stderr.contains("a3"))
        let csv = try String(contentsOfFile: out + "/describe.csv", encoding: .utf8)
        #expect(csv.contains("North,2021,2.1667,1.1094,0.2500,strong-piecemeal,true,2"))
    }

    @Test func helpDescribesTheOptions() throws {
        let run = try CLI.run(["describe", "--help"])
        #expect(run.status == 0)
        for option in ["--data", "--framework", "--districts", "--out", "--strong-cutoff", "--spread-basis"] {
            #expect(run.stdout.contains(option))
        }
    }
}

/// Bad input: non-zero exit, one message naming the file and place, nothing written.
@Suite struct BadInputTests {
    func expectFailure(_ files: [String: String], arguments: [String], mentions: [String],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let out = dir + "/out"
        let run = try CLI.run(["describe", "--out", out] + arguments, in: dir)
        #expect(run.status != 0, sourceLocation: sourceLocation)
        for word in mentions { #expect(run.stderr.contains(word), "\(run.stderr)", sourceLocation: sourceLocation) }
        #expect(run.stderr.split(separator: "\n").count == 1, "one message: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "no output written", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    var framework: String { CLI.repository + "/Scenarios/data/framework.json" }

    @Test func scoreOutOfRange() throws {
        try expectFailure(["p.csv": "district,year,element,score\nOakland,2016,1.1,9\n"],
                          arguments: ["--data", "p.csv", "--framework", framework],
                          mentions: ["p.csv:2:18: error:", "outside the scale"])
    }

    @Test func unknownElement() throws {
        try expectFailure(["p.csv": "district,year,element,score\nOakland,2016,8.1,3\n"],
                          arguments: ["--data", "p.csv", "--framework", framework],
                          mentions: ["p.csv:2:14: error:", "\"8.1\""])
    }

    @Test func malformedFramework() throws {
        try expectFailure(["f.json": "{\n  \"components\": [,]\n}\n", "p.csv": "district,year,element,score\n"],
                          arguments: ["--data", "p.csv", "--framework", "f.json"],
                          mentions: ["f.json:2:18: error:", "expected a JSON value"])
    }

    @Test func missingDataFile() throws {
        try expectFailure([:], arguments: ["--data", "nowhere.csv", "--framework", framework],
                          mentions: ["nowhere.csv: error: no such file"])
    }

    @Test func districtNotInDistrictsFile() throws {
        try expectFailure(["p.csv": "district,year,element,score\nAtlantis,2016,1.1,3\n",
                           "d.csv": "district,state,governance\nOakland,CA,elected-board\n"],
                          arguments: ["--data", "p.csv", "--framework", framework, "--districts", "d.csv"],
                          mentions: ["p.csv:2:1: error:", "\"Atlantis\"", "d.csv"])
    }
}

@Suite struct ProcessRunnerTests {
    /// A child that writes 200 KB to stderr before its stdout is read to the end still finishes,
    /// and both streams arrive whole (reading two pipes one after the other would deadlock).
    @Test func childFillingStderrDoesNotBlock() throws {
        let run = try CLI.launch("/bin/sh", ["-c", "head -c 200000 /dev/zero | tr '\\000' x >&2; echo done"])
        #expect(run.status == 0)
        #expect(run.stdout == "done\n")
        #expect(run.stderr.utf8.count == 200_000 && run.stderr.allSatisfy { $0 == "x" })
    }
}
