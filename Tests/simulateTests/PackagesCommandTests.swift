import Foundation
import TestSupport
import Testing

@Suite struct PackagesCommandTests {
    /// `compare --packages`: packages.csv with the documented header, one row per district and
    /// package (25 × (3 + 3) for three levers, K = 2), packages as ids joined by `+` in catalogue
    /// order, and the smallest package named on stdout.
    @Test func writesPackagesAndNamesTheSmallest() throws {
        let out = try CLI.temporaryDirectory() + "/packages"
        let run = try CLI.run([
            "compare", "Scenarios/baseline.json", "--packages",
            "civic-advocacy,union-contract-change,central-office-restructuring",
            "--max-size", "2", "--district", "Chicago", "--year", "2018", "--target-year", "2024", "--draws", "60",
            "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: out + "/packages.csv", encoding: .utf8).split(separator: "\n")
        #expect(
            lines.first == "district,package,size,p_advanced_by_horizon,delta_p_advanced,delta_years_mean,p_earlier")
        #expect(lines.count == 1 + 25 * 6)
        #expect(lines.contains { $0.hasPrefix("Chicago,union-contract-change+central-office-restructuring,2,") })
        #expect(run.stdout.contains("Chicago: "))
    }

    /// An unknown lever is one located error naming the option, with a suggestion; nothing written.
    @Test func unknownLeverIsALocatedError() throws {
        let out = try CLI.temporaryDirectory() + "/packages"
        let run = try CLI.run([
            "compare", "Scenarios/baseline.json", "--packages", "civic-advocacy,union-contract-chang", "--district",
            "Chicago", "--year", "2018", "--draws", "20", "--out", out,
        ])
        expectFailure(
            run, out: out, mentions: ["--packages", "union-contract-chang", "did you mean \"union-contract-change\""])
    }
}
