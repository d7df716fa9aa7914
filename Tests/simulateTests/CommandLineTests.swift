import Foundation
import TestSupport
import Testing

/// Runs the real `simulate` binary, as a user does, from the repository root.
enum CLI {
    static let repository = Repository.root

    /// The binary built beside this test bundle.
    static let binary: String = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("simulate").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("simulate").path,
            repository + "/.build/debug/simulate",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    typealias Run = ProcessRunner.Result

    static func run(
        _ arguments: [String], in directory: String = repository,
        environment: [String: String] = [:]
    ) throws -> Run {
        try ProcessRunner.run(binary, arguments, in: directory, environment: environment)
    }

    /// Run any executable and collect its exit status and output.
    static func launch(
        _ executable: String, _ arguments: [String], in directory: String = repository,
        environment: [String: String] = [:]
    ) throws -> Run {
        try ProcessRunner.run(executable, arguments, in: directory, environment: environment)
    }

    static func temporaryDirectory() throws -> String { try Repository.temporaryDirectory() }
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
        #expect(
            lines.first
                == "district,latest_year,district_score,spread,recent_progress,quadrant,advanced,components_in_progress"
        )
        #expect(lines.count == 26)
        #expect(lines.contains { $0.hasPrefix("TN ASD,2016,") && $0.contains(",strong-consistent,true,") })
        #expect(
            try String(contentsOfFile: out + "/components.csv", encoding: .utf8).hasPrefix(
                "component,network_mean,rank\nAccountability,"))
        #expect(
            try String(contentsOfFile: out + "/elements.csv", encoding: .utf8).hasPrefix("element,network_mean,rank\n"))
    }

    /// Another framework and panel run through the same command unchanged.
    @Test func describesAMadeUpFramework() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "describe", "--framework", "Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
            "--data", "Tests/PortfolioKitTests/Fixtures/tiny/panel.csv", "--out", out,
        ])
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
    func expectFailure(
        _ files: [String: String], arguments: [String], mentions: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let out = dir + "/out"
        let run = try CLI.run(["describe", "--out", out] + arguments, in: dir)
        TestSupport.expectFailure(run, out: out, mentions: mentions, sourceLocation: sourceLocation)
    }

    var framework: String { CLI.repository + "/Scenarios/data/framework.json" }

    @Test func scoreOutOfRange() throws {
        try expectFailure(
            ["p.csv": "district,year,element,score\nOakland,2016,1.1,9\n"],
            arguments: ["--data", "p.csv", "--framework", framework],
            mentions: ["p.csv:2:18: error:", "outside the scale"])
    }

    @Test func unknownElement() throws {
        try expectFailure(
            ["p.csv": "district,year,element,score\nOakland,2016,8.1,3\n"],
            arguments: ["--data", "p.csv", "--framework", framework],
            mentions: ["p.csv:2:14: error:", "\"8.1\""])
    }

    @Test func malformedFramework() throws {
        try expectFailure(
            ["f.json": "{\n  \"components\": [,]\n}\n", "p.csv": "district,year,element,score\n"],
            arguments: ["--data", "p.csv", "--framework", "f.json"],
            mentions: ["f.json:2:18: error:", "expected a JSON value"])
    }

    @Test func missingDataFile() throws {
        try expectFailure(
            [:], arguments: ["--data", "nowhere.csv", "--framework", framework],
            mentions: ["nowhere.csv: error: no such file"])
    }

    @Test func districtNotInDistrictsFile() throws {
        try expectFailure(
            [
                "p.csv": "district,year,element,score\nAtlantis,2016,1.1,3\n",
                "d.csv": "district,state,governance\nOakland,CA,elected-board\n",
            ],
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
