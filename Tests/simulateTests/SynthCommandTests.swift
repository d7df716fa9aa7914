import Foundation
import Testing

@Suite struct SynthCommandTests {
    /// The episodic generator writes the panel and, beside it, the events it drew; both load
    /// with the engine's own readers (`describe` for the panel, `calibrate` for the events).
    @Test func episodicWritesThePanelAndItsEvents() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "synth", "--generator", "episodic", "--districts", "5", "--years", "2010-2015",
            "--out", dir + "/panel.csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("events.csv") && run.stdout.contains("leadership turnovers"))
        let panel = try String(contentsOfFile: dir + "/panel.csv", encoding: .utf8).split(separator: "\n")
        #expect(panel.first == "district,year,element,score")
        #expect(panel.count == 1 + 5 * 36 * 6)
        let events = try String(contentsOfFile: dir + "/events.csv", encoding: .utf8).split(separator: "\n")
        #expect(events.first == "district,date,lever,note")
        let describe = try CLI.run(["describe", "--data", dir + "/panel.csv", "--out", dir + "/describe"])
        #expect(describe.status == 0, "\(describe.stderr)")
        let calibrate = try CLI.run([
            "calibrate", "--data", dir + "/panel.csv", "--events", dir + "/events.csv",
            "--out", dir + "/calibrate",
        ])
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
    }

    /// The default generator is still the linear one: no events file.
    @Test func linearIsTheDefault() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["synth", "--districts", "3", "--years", "2010-2012", "--out", dir + "/panel.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote \(dir)/panel.csv: 3 districts × 36 elements × 3 years (seed 1)\n")
        #expect(FileManager.default.fileExists(atPath: dir + "/panel.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/events.csv"))
    }
}
