import Foundation
import TestSupport
import Testing

@Suite struct ReliabilityTests {
    static let edge = "Tests/simulateTests/Fixtures/edge/"

    /// One-observation series, constant series, a district at the top of the scale, a district
    /// already advanced, gaps: every command runs, and no output holds NaN or inf (read back by Python).
    @Test func numericalEdgeCasesGiveFiniteOutputs() throws {
        let dir = try CLI.temporaryDirectory()
        for (name, args) in [
            ("top-run", [Self.edge + "top.json"]), ("edge-run", [Self.edge + "edge.json"]),
            ("top-fit", ["fit", "--data", Self.edge + "top.csv"]),
            ("edge-fit", ["fit", "--data", Self.edge + "edge.csv"]),
            ("top-describe", ["describe", "--data", Self.edge + "top.csv"]),
            ("edge-describe", ["describe", "--data", Self.edge + "edge.csv"]),
        ] {
            let run = try CLI.run(args + ["--out", dir + "/" + name])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        let check = try Tools.run(
            "python3",
            ["Tests/python/check_outputs.py"]
                + ["top-run", "edge-run", "top-fit", "edge-fit", "top-describe", "edge-describe"].map { dir + "/" + $0 }
        )
        #expect(check.status == 0, "\(check.stdout)")
        let advanced = try String(contentsOfFile: dir + "/edge-run/advanced.csv", encoding: .utf8)
        #expect(advanced.contains("edge,Top,true,1.0000,2016,2016,2016"))
        #expect(advanced.contains("edge,Flat,false,"))
    }

    /// Reproducibility: byte-identical outputs with one and two OpenBLAS threads.
    @Test func sameBytesWithOneAndTwoBLASThreads() throws {
        let dir = try CLI.temporaryDirectory()
        var contents: [[Data]] = []
        for threads in ["1", "2"] {
            let out = dir + "/t" + threads
            let run = try CLI.run(
                ["Scenarios/baseline.json", "--draws", "30", "--out", out],
                environment: ["OPENBLAS_NUM_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            let fit = try CLI.run(["fit", "--out", out + "/fit"], environment: ["OPENBLAS_NUM_THREADS": threads])
            #expect(fit.status == 0)
            contents.append(
                try ["trajectories.csv", "advanced.csv", "advanced-by-year.csv", "sticking-points.csv", "fit/fit.csv"]
                    .map {
                        try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))
                    })
        }
        #expect(contents[0] == contents[1])
    }

    /// Both cores, still deterministic: one and two projection threads (SIMULATE_THREADS and
    /// --threads) give byte-identical outputs, the fit, sticking-point attribution and comparisons included.
    @Test func sameBytesWithOneAndTwoProjectionThreads() throws {
        let dir = try CLI.temporaryDirectory()
        var contents: [[Data]] = []
        for threads in ["1", "2"] {
            let out = dir + "/p" + threads
            let run = try CLI.run(
                ["Scenarios/combined-package.json", "--draws", "50", "--out", out],
                environment: ["SIMULATE_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            let compare = try CLI.run([
                "compare", "Scenarios/baseline.json", "Scenarios/oakland-contract.json",
                "--draws", "50", "--threads", threads, "--out", out + "/compare",
            ])
            #expect(compare.status == 0, "\(compare.stderr)")
            let fit = try CLI.run(["fit", "--out", out + "/fit"], environment: ["SIMULATE_THREADS": threads])
            #expect(fit.status == 0, "\(fit.stderr)")
            contents.append(
                try [
                    "trajectories.csv", "advanced.csv", "advanced-by-year.csv", "sticking-points.csv",
                    "sticking-points-network.csv", "compare/compare.csv", "fit/fit.csv",
                ].map {
                    try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))
                })
        }
        #expect(contents[0] == contents[1])
    }

    /// Start a run into `out` that pauses `pauseMS` before each file it writes (test hook).
    func startSlowRun(_ out: String, seed: Int, pauseMS: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = [
            "Scenarios/baseline.json", "--draws", "20", "--seed", String(seed), "--skip-attribution", "--out", out,
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.repository)
        process.environment = ProcessInfo.processInfo.environment.merging([
            "SIMULATE_TEST_WRITE_PAUSE_MS": String(pauseMS)
        ]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A run killed with SIGKILL at any moment leaves the previous complete folder (it matches
    /// its own manifest and is byte-identical to before); the next run clears what the killed
    /// one left and writes a complete folder. Killed at 20 moments spread over the computing and
    /// the writing (each file's write is slowed by 40 ms so the kills land between files).
    @Test(.tags(.slow)) func killedRunsLeaveTheWholePreviousFolder() throws {
        let parent = try CLI.temporaryDirectory()
        let out = parent + "/run"
        #expect(
            try CLI.run(["Scenarios/baseline.json", "--draws", "20", "--seed", "1", "--skip-attribution", "--out", out])
                .status == 0)
        let names = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        let before = names.map { try? Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        var untouched = 0
        for delay in stride(from: 0.2, through: 3.5, by: 3.3 / 19) {
            let process = try startSlowRun(out, seed: 2, pauseMS: 40)
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Either the previous complete folder (killed before the exchange) or the new complete
            // one (the run finished first): never a mix — the folder always matches its manifest.
            let after = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
            let check = try Tools.run("python3", ["Tests/python/check_manifest.py", out])
            #expect(check.status == 0, "killed after \(delay) s: \(check.stdout)")
            if after.map({ try? Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }) == before { untouched += 1 }
        }
        #expect(untouched >= 10, "only \(untouched) of 20 kills landed before the exchange")
        let again = try CLI.run([
            "Scenarios/baseline.json", "--draws", "20", "--seed", "2", "--skip-attribution", "--out", out,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Tools.run("python3", ["Tests/python/check_manifest.py", out]).status == 0)
        let litter = try FileManager.default.contentsOfDirectory(atPath: parent).filter {
            $0.contains(".staging-") || $0.contains(".old-")
        }
        #expect(litter.isEmpty, "\(litter)")
    }

    /// Two runs into one folder at once: the second is refused with a message naming the lock,
    /// the first completes, and the folder matches its manifest. A re-run writing fewer outputs
    /// leaves none of the earlier run's files.
    @Test func concurrentRunsAndStaleFiles() throws {
        let out = try CLI.temporaryDirectory() + "/run"
        let slow = try startSlowRun(out, seed: 3, pauseMS: 300)
        var second: CLI.Run?
        for _ in 0..<100 {  // wait until the slow run holds the lock (it writes the lock file first)
            usleep(100_000)
            if FileManager.default.fileExists(atPath: (out as NSString).deletingLastPathComponent + "/.run.lock") {
                usleep(300_000)
                second = try CLI.run(["Scenarios/baseline.json", "--draws", "20", "--skip-attribution", "--out", out])
                break
            }
        }
        slow.waitUntilExit()
        #expect(slow.terminationStatus == 0)
        #expect(
            second?.status == 1
                && second?.stderr.contains("another simulate run is writing this folder right now") == true,
            "\(second?.stderr ?? "")")
        #expect(try Tools.run("python3", ["Tests/python/check_manifest.py", out]).status == 0)
        let lean = try CLI.run([
            "Scenarios/baseline.json", "--draws", "20", "--trajectories", "none", "--skip-attribution", "--out", out,
        ])
        #expect(lean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/trajectories.csv"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out + "/charts").allSatisfy { !$0.hasPrefix("fan-") })
        #expect(try Tools.run("python3", ["Tests/python/check_manifest.py", out]).status == 0)
    }
}
