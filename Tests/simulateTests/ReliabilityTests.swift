import Foundation
import Testing

@Suite struct ReliabilityTests {
    static let edge = "Tests/simulateTests/Fixtures/edge/"

    /// One-observation series, constant series, a district at the top of the scale, a district
    /// already advanced, gaps: every command runs, and no output holds NaN or inf (read back by Python).
    @Test func numericalEdgeCasesGiveFiniteOutputs() throws {
        let dir = try CLI.temporaryDirectory()
        for (name, args) in [("top-run", [Self.edge + "top.json"]), ("edge-run", [Self.edge + "edge.json"]),
                             ("top-fit", ["fit", "--data", Self.edge + "top.csv"]), ("edge-fit", ["fit", "--data", Self.edge + "edge.csv"]),
                             ("top-describe", ["describe", "--data", Self.edge + "top.csv"]),
                             ("edge-describe", ["describe", "--data", Self.edge + "edge.csv"])] {
            let run = try CLI.run(args + ["--out", dir + "/" + name])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        let check = try Tools.run("python3", ["Tests/python/check_outputs.py"] + ["top-run", "edge-run", "top-fit", "edge-fit", "top-describe", "edge-describe"].map { dir + "/" + $0 })
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
            let run = try CLI.run(["Scenarios/baseline.json", "--draws", "30", "--out", out], environment: ["OPENBLAS_NUM_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            let fit = try CLI.run(["fit", "--out", out + "/fit"], environment: ["OPENBLAS_NUM_THREADS": threads])
            #expect(fit.status == 0)
            contents.append(try ["trajectories.csv", "advanced.csv", "advanced-by-year.csv", "sticking-points.csv", "fit/fit.csv"].map {
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
            let run = try CLI.run(["Scenarios/combined-package.json", "--draws", "50", "--out", out],
                                  environment: ["SIMULATE_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            let compare = try CLI.run(["compare", "Scenarios/baseline.json", "Scenarios/oakland-contract.json",
                                       "--draws", "50", "--threads", threads, "--out", out + "/compare"])
            #expect(compare.status == 0, "\(compare.stderr)")
            let fit = try CLI.run(["fit", "--out", out + "/fit"], environment: ["SIMULATE_THREADS": threads])
            #expect(fit.status == 0, "\(fit.stderr)")
            contents.append(try ["trajectories.csv", "advanced.csv", "advanced-by-year.csv", "sticking-points.csv",
                                 "sticking-points-network.csv", "compare/compare.csv", "fit/fit.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))
            })
        }
        #expect(contents[0] == contents[1])
    }

    /// A run killed with SIGKILL in the middle of writing leaves every file either the previous
    /// complete version or the new complete one — never a truncated file.
    @Test func killedMidWriteLeavesOnlyCompleteFiles() throws {
        let out = try CLI.temporaryDirectory() + "/run"
        let first = try CLI.run(["Scenarios/baseline.json", "--draws", "20", "--seed", "1", "--skip-attribution", "--out", out])
        #expect(first.status == 0)
        let names = ["trajectories.csv", "advanced.csv", "advanced-by-year.csv", "brief.html", "manifest.json"]
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        // Second run, different seed, pausing 400 ms before each file; kill it after two files.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["Scenarios/baseline.json", "--draws", "20", "--seed", "2", "--skip-attribution", "--out", out]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.repository)
        process.environment = ProcessInfo.processInfo.environment.merging(["SIMULATE_TEST_WRITE_PAUSE_MS": "400"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var changed = false
        while Date() < deadline {
            let now = try? Data(contentsOf: URL(fileURLWithPath: out + "/advanced.csv"))
            if let now, now != before[1] { changed = true; break }  // the second file has just been replaced
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(changed, "the run should have started writing")
        #expect(process.terminationReason == .uncaughtSignal)
        let after = try names.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        #expect(after[0] != before[0] && after[1] != before[1], "files written before the kill are the new ones")
        #expect(after[4] == before[4], "the manifest, written last, is still the previous one")
        // Every file is complete: the CSVs parse with the documented headers and the previous row counts.
        for (i, name) in names.enumerated() where name.hasSuffix(".csv") {
            #expect(after[i].split(separator: UInt8(ascii: "\n")).count == before[i].split(separator: UInt8(ascii: "\n")).count, "\(name)")
        }
        let check = try Tools.run("python3", ["Tests/python/check_outputs.py", out])
        #expect(check.status == 0, "\(check.stdout)")
        // A new run cleans the temporary file the killed one left.
        let again = try CLI.run(["Scenarios/baseline.json", "--draws", "20", "--seed", "2", "--skip-attribution", "--out", out])
        #expect(again.status == 0)
        let litter = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.contains(".tmp-") }
        #expect(litter.isEmpty, "\(litter)")
    }
}
