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
