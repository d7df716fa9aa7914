import Foundation
import Pipeline
import RatingsData
import Reports
import TestSupport
import Testing

/// The pipeline as a library caller uses it: no command line, the same folder `simulate` writes.
@Suite struct ScenarioPipelineTests {
    @Test func runsTheBaselineAndWritesAFolderThatMatchesItsManifest() throws {
        let out = try Repository.temporaryDirectory() + "/run"
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        var stages: [String] = []
        let pipeline = try ScenarioPipeline(
            scenario: Repository.root + "/Scenarios/baseline.json", monteCarlo: MonteCarloSettings(draws: 40, seed: 3),
            trajectories: .district, attribution: AttributionSettings(skip: true), out: out,
            commandLine: ["library-test"])
        let lines = try pipeline.run { label in
            stages.append(label)
            return .silent
        }
        #expect(stages == ["Projecting baseline"])
        #expect(lines.last?.hasPrefix("\nWrote \(out)/: trajectories.csv, advanced.csv") == true)
        let manifest = try #require(RunManifest.read(folder: out))
        #expect(manifest.seed == 3 && manifest.draws == 40 && manifest.commandLine == ["library-test"])
        // Every listed output exists with the listed digest, and nothing else is in the folder.
        for output in manifest.outputs {
            let bytes = try #require(FileManager.default.contents(atPath: out + "/" + output.file))
            #expect(SHA256.hex([UInt8](bytes)) == output.sha256, "\(output.file)")
        }
        let present = Set(try FileManager.default.subpathsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") })
        let listed = Set(manifest.outputs.map(\.file) + ["manifest.json", "charts"])
        #expect(present == listed)
    }

    @Test func aBadScenarioPathIsALocatedErrorBeforeAnythingIsWritten() throws {
        let out = try Repository.temporaryDirectory() + "/never"
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        #expect(throws: Diagnostic.self) {
            _ = try ScenarioPipeline(
                scenario: "/nonexistent/scenario.json", monteCarlo: MonteCarloSettings(),
                trajectories: .none, attribution: AttributionSettings(), out: out, commandLine: [])
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func manifestRoundTripsAndSortsItsKeys() throws {
        let manifest = RunManifest(
            background: [.init(lever: "leadership-turnover", ratePerDistrictYear: 0.113333, source: "s")],
            paceChange: .init(persistence: 0.9, commonSD: 0.091115, ownSD: 0.035502), engine: "e", scenario: "x",
            seed: 999_999_999_999_999, draws: 10, horizon: 2026, commandLine: ["simulate", "a/b.json"],
            inputs: [.init(role: "scenario", file: "a/b.json", sha256: "00")],
            outputs: [.init(file: "charts/x.svg", sha256: "11")])
        let text = manifest.json
        #expect(try JSONDecoder().decode(RunManifest.self, from: Data(text.utf8)) == manifest)
        // Keys sorted at the top level; slashes unescaped; the largest seed a scenario takes kept exactly.
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted() && keys.count == 10)
        #expect(text.contains("\"a/b.json\"") && text.contains("999999999999999") && text.hasSuffix("}\n"))
    }
}
