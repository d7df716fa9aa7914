import Foundation
import TestSupport
import Testing

@Suite struct SensitivityCommandTests {
    /// `simulate sensitivity`: sensitivity.csv with the documented header, the network's rows
    /// first, one tornado per district and one for the network, a table on stdout.
    @Test func writesTheTableAndATornadoPerDistrictAndTheNetwork() throws {
        let out = try CLI.temporaryDirectory() + "/sensitivity"
        let run = try CLI.run(["sensitivity", "Scenarios/baseline.json", "--draws", "30", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: out + "/sensitivity.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "scenario,district,factor,low_value,high_value,p_low,p_high,swing")
        #expect(lines.dropFirst().first?.hasPrefix("baseline,(network),") == true)
        let factors = lines.filter { $0.hasPrefix("baseline,(network),") }.count
        #expect(factors >= 9 && lines.count == 1 + factors * 26)
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        #expect(charts.count == 26 && charts.contains("tornado-network.svg") && charts.contains("tornado-chicago.svg"))
        #expect(run.stdout.contains("advanced-rule-minimum") && run.stdout.contains("Wrote \(out)/sensitivity.csv"))
        let check = try Tools.run("python3", ["Tests/python/check_outputs.py", out])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// A missing scenario file is one located error, and nothing is written.
    @Test func missingScenarioIsALocatedError() throws {
        let out = try CLI.temporaryDirectory() + "/sensitivity"
        let run = try CLI.run(["sensitivity", "Scenarios/no-such.json", "--out", out])
        expectFailure(run, out: out, mentions: ["Scenarios/no-such.json"])
    }
}

/// The analyst's toolkit on a synthetic panel (episodic: turnovers and backlashes, events file
/// beside it), not only the shipped one: sensitivity, packages and a retrospective run.
@Suite(.tags(.slow)) struct ToolkitOnSyntheticPanelTests {
    @Test func sensitivityPackagesAndRetrospectiveRunOnAnEpisodicPanel() throws {
        let dir = try CLI.temporaryDirectory()
        let synth = try CLI.run([
            "synth", "--generator", "episodic", "--districts", "12", "--years", "2010-2016", "--seed", "4",
            "--out", dir + "/panel.csv",
        ])
        #expect(synth.status == 0, "\(synth.stderr)")
        try #"{"name": "syn", "data": "panel.csv", "horizon": 2022, "draws": 40, "seed": 2}"#
            .write(toFile: dir + "/syn.json", atomically: false, encoding: .utf8)
        try #"{"name": "back", "data": "panel.csv", "from": 2013, "horizon": 2016, "draws": 40, "seed": 2}"#
            .write(toFile: dir + "/back.json", atomically: false, encoding: .utf8)
        let sensitivity = try CLI.run(["sensitivity", dir + "/syn.json", "--out", dir + "/s"])
        #expect(sensitivity.status == 0, "\(sensitivity.stderr)")
        let packages = try CLI.run([
            "compare", dir + "/syn.json", "--packages", "union-contract-change,civic-advocacy", "--district",
            "District 1",
            "--year", "2018", "--out", dir + "/p",
        ])
        #expect(packages.status == 0, "\(packages.stderr)")
        let back = try CLI.run([dir + "/back.json", "--skip-attribution", "--out", dir + "/b"])
        #expect(back.status == 0, "\(back.stderr)")
        let check = try Tools.run("python3", ["Tests/python/check_outputs.py", dir + "/s", dir + "/p", dir + "/b"])
        #expect(check.status == 0, "\(check.stdout)")
        let rows = try String(contentsOfFile: dir + "/b/retrospective.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 12 * 3 * 8, "12 districts × 2014–2016 × 7 components and the district score")
    }
}
