import Foundation
import Testing

/// Reliability, round two: bounded resources, inputs that are never outputs, pairable
/// comparisons and collision-proof chart names — each case as an adversarial user would try it.
@Suite struct ReliabilityRoundTwoTests {
    @Test func hugeDrawsAreRefusedBeforeAllocating() throws {
        let out = try CLI.temporaryDirectory() + "/x"
        for draws in ["1000000000", "100000000000000000"] {
            let run = try CLI.run(["Scenarios/baseline.json", "--draws", draws, "--out", out])
            #expect(
                run.status == 1
                    && run.stderr.contains(
                        "command line: error: --draws: draws \(draws); expected between 1 and 10000000"),
                "\(run.stderr)")
        }
        let big = try CLI.run(["Scenarios/baseline.json", "--draws", "9000000", "--out", out])
        #expect(
            big.status == 1 && big.stderr.contains("would need about") && big.stderr.contains("expected at most"),
            "\(big.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func devicesAndFIFOsAreNotInputs() throws {
        let dir = try CLI.temporaryDirectory()
        let zero = try CLI.run(["fit", "--data", "/dev/zero", "--out", dir + "/f"])
        #expect(zero.status == 1 && zero.stderr.contains("/dev/zero: error: is not a regular file"), "\(zero.stderr)")
        #expect(mkfifo(dir + "/fifo.json", 0o600) == 0)
        let fifo = try CLI.run([dir + "/fifo.json", "--out", dir + "/g"])  // would block forever if opened
        #expect(fifo.status == 1 && fifo.stderr.contains("fifo.json: error: is not a regular file"), "\(fifo.stderr)")
        let relative = try CLI.run(["describe", "--out", dir + "/h"], in: dir)
        #expect(
            relative.status == 1 && relative.stderr.contains("relative to the working directory"), "\(relative.stderr)")
    }

    @Test func outputsNeverOverwriteInputs() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["Scenarios/baseline.json", "--draws", "10", "--out", "Scenarios"])
        #expect(
            run.status == 1 && run.stderr.contains("--out: Scenarios holds the input Scenarios/baseline.json"),
            "\(run.stderr)")
        #expect(
            try CLI.run(["Scenarios/baseline.json", "--draws", "10", "--skip-attribution", "--out", dir + "/r"]).status
                == 0)
        let notebook = try CLI.run(["export-notebook", dir + "/r", "--out", dir + "/r/advanced.csv"])
        #expect(notebook.status == 1 && notebook.stderr.contains("is inside the results folder"), "\(notebook.stderr)")
        try FileManager.default.copyItem(
            atPath: CLI.repository + "/Scenarios/data/framework.json", toPath: dir + "/fw.json")
        let synth = try CLI.run(["synth", "--framework", dir + "/fw.json", "--out", dir + "/fw.json"])
        #expect(synth.status == 1 && synth.stderr.contains("is the input"), "\(synth.stderr)")
        let calibrate = try CLI.run(["calibrate", "--write", "Scenarios/data/events.csv", "--out", dir + "/c"])
        #expect(
            calibrate.status == 1 && calibrate.stderr.contains("--write: Scenarios/data/events.csv is the input"),
            "\(calibrate.stderr)")
        let foreign = dir + "/mine"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "notes".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["fit", "--out", foreign])
        #expect(
            refused.status == 1 && refused.stderr.contains("holds notes.txt (which this run does not write"),
            "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: foreign + "/notes.txt"))
        // The refused run leaves no lock file where it wrote nothing.
        #expect(!FileManager.default.fileExists(atPath: dir + "/.mine.lock"))
    }

    /// A negative number is read as a number and refused by its own check, not taken for an option.
    @Test func negativeNumbersAreCheckedNotMistakenForOptions() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["run", "Scenarios/baseline.json", "--draws", "-3", "--out", dir + "/r"])
        #expect(run.status != 0 && run.stderr.contains("--draws must be at least 1 (got -3)"), "\(run.stderr)")
        let backtest = try CLI.run(["backtest", "--horizon", "-2", "--out", dir + "/b"])
        #expect(
            backtest.status != 0 && backtest.stderr.contains("--horizon must be at least 1 year (got -2)"),
            "\(backtest.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: dir + "/r") && !FileManager.default.fileExists(atPath: dir + "/b"))
    }

    @Test func compareRefusesWhatCannotBePaired() throws {
        let dir = try CLI.temporaryDirectory()
        let other =
            #"{"name": "other", "horizon": 2026, "draws": 10, "data": "\#(CLI.repository)/Tests/simulateTests/Fixtures/edge/top.csv"}"#
        try other.write(toFile: dir + "/other.json", atomically: true, encoding: .utf8)
        let panel = try CLI.run(["compare", "Scenarios/baseline.json", dir + "/other.json", "--out", dir + "/c"])
        #expect(
            panel.status == 1 && panel.stderr.contains("other.json: error: its data is")
                && panel.stderr.contains("expected the same data file"), "\(panel.stderr)")
        let twin = try CLI.run([
            "compare", "Scenarios/baseline.json", "Scenarios/oakland-contract.json", "Scenarios/oakland-contract.json",
            "--out", dir + "/d",
        ])
        #expect(
            twin.status == 1 && twin.stderr.contains("scenario name \"oakland-contract\" is already used"),
            "\(twin.stderr)")
    }

    /// Names that map to one readable slug, or to none, get charts of their own, and the brief
    /// shows each district's own chart.
    @Test func chartNamesNeverCollide() throws {
        let dir = try CLI.temporaryDirectory()
        var panel = try String(
            contentsOfFile: CLI.repository + "/Scenarios/data/portfolio-snapshots.csv", encoding: .utf8)
        for (from, to) in [("Chicago", "oakland"), ("Denver", "東京"), ("Detroit", "大阪"), ("Hartford", "Los-Angeles")] {
            panel = panel.replacingOccurrences(of: "\n\(from),", with: "\n\(to),")
        }
        try panel.write(toFile: dir + "/panel.csv", atomically: true, encoding: .utf8)
        try #"{"name": "names", "horizon": 2020, "draws": 10, "data": "panel.csv"}"#.write(
            toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        let run = try CLI.run([dir + "/s.json", "--skip-attribution", "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let fans = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/charts").filter {
            $0.hasPrefix("fan-")
        }
        #expect(fans.count == 25, "\(fans.sorted())")
        #expect(fans.contains("fan-東京.svg") && fans.contains("fan-大阪.svg"))
        #expect(
            fans.filter { $0.hasPrefix("fan-oakland-") }.count == 2
                && fans.filter { $0.hasPrefix("fan-los-angeles-") }.count == 2)
        let brief = try String(contentsOfFile: dir + "/out/brief.html", encoding: .utf8)
        // Each district's section holds its own fan chart (titled with its exact name).
        for name in ["Oakland", "oakland", "東京", "大阪", "Los Angeles", "Los-Angeles"] {
            let section = brief.components(separatedBy: "<h3>\(name)</h3>").dropFirst().first ?? ""
            #expect(section.contains("<title>\(name): projected district score</title>"), "\(name)")
        }
    }

    /// Messages that say what happened and what to do.
    @Test func messagesSayWhatToDo() throws {
        let dir = try CLI.temporaryDirectory()
        try "district,year,element,score\rOakland,2016,1.1,2\r".write(
            toFile: dir + "/cr.csv", atomically: true, encoding: .utf8)
        let cr = try CLI.run(["describe", "--data", dir + "/cr.csv", "--out", dir + "/a"])
        #expect(
            cr.status == 1 && cr.stderr.contains("carriage return only") && !cr.stderr.contains("Oakland"),
            "\(cr.stderr)")
        let seed = try CLI.run(["Scenarios/baseline.json", "--seed", "-1", "--out", dir + "/b"])
        #expect(seed.status != 0 && seed.stderr.contains("The value '-1' is invalid for '--seed"), "\(seed.stderr)")
        let big = try CLI.run(["Scenarios/baseline.json", "--seed", "18446744073709551615", "--out", dir + "/b"])
        #expect(big.status != 0 && big.stderr.contains("expected at most 999999999999999"), "\(big.stderr)")
        try #"{"name": "s", "horizon": 2026, "seed": 1000000000000000}"#.write(
            toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        let file = try CLI.run([dir + "/s.json", "--out", dir + "/c"])
        #expect(
            file.status == 1
                && file.stderr.contains("seed: 1000000000000000 is too large; expected a whole number below 10^15"),
            "\(file.stderr)")
        try #"{"name": "s", "horizon": 2026, "data": "nope.csv"}"#.write(
            toFile: dir + "/d.json", atomically: true, encoding: .utf8)
        let data = try CLI.run([dir + "/d.json", "--out", dir + "/d"])
        #expect(
            data.status == 1 && data.stderr.contains("nope.csv: error: no such file")
                && data.stderr.contains("(named by \"data\" in"), "\(data.stderr)")
        let long = String(repeating: "x", count: 5_000)
        try "district,year,element,score\n\(long),2016,1.1,2\n".write(
            toFile: dir + "/long.csv", atomically: true, encoding: .utf8)
        let name = try CLI.run(["describe", "--data", dir + "/long.csv", "--out", dir + "/e"])
        #expect(
            name.status == 1 && name.stderr.contains("is 5000 characters long") && name.stderr.count < 400,
            "\(name.stderr.count)")
    }

    /// Single-file outputs never replace a device, FIFO or link; a name printed in a message
    /// never carries terminal escapes.
    @Test func singleFileOutputsAndEscapes() throws {
        let dir = try CLI.temporaryDirectory()
        #expect(mkfifo(dir + "/pipe.csv", 0o600) == 0)
        let synth = try CLI.run(["synth", "--out", dir + "/pipe.csv"])
        #expect(synth.status == 1 && synth.stderr.contains("is not a regular file"), "\(synth.stderr)")
        #expect(
            try CLI.run(["Scenarios/baseline.json", "--draws", "10", "--skip-attribution", "--out", dir + "/r"]).status
                == 0)
        let notebook = try CLI.run(["export-notebook", dir + "/r", "--out", "/dev/null"])
        #expect(
            notebook.status == 1 && notebook.stderr.contains("/dev/null: error: exists and is not a regular file"),
            "\(notebook.stderr)")
        try "district,year,element,score\nEvil\u{1B}[2J\u{202E},2016,1.1,2\n".write(
            toFile: dir + "/esc.csv", atomically: true, encoding: .utf8)
        let escape = try CLI.run(["describe", "--data", dir + "/esc.csv", "--out", dir + "/e"])
        #expect(
            escape.status == 1 && !escape.stderr.contains("\u{1B}") && !escape.stderr.contains("\u{202E}"),
            "\(escape.stderr)")
    }
}
