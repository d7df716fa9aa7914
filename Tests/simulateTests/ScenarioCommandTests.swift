import Foundation
import TestSupport
import Testing

@Suite struct ScenarioCommandTests {
    @Test func runsTheBaselineAndWritesTheDocumentedFiles() throws {
        let out = try CLI.temporaryDirectory() + "/baseline"
        let run = try CLI.run(["Scenarios/baseline.json", "--draws", "50", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Scenario baseline: 50 draws, seed 2016, horizon 2026"))
        #expect(run.stdout.contains("illustrative reconstruction"))
        func header(_ name: String) throws -> Substring {
            try String(contentsOfFile: out + "/" + name, encoding: .utf8).split(separator: "\n").first!
        }
        #expect(try header("trajectories.csv") == "scenario,district,year,measure,mean,p10,p50,p90,observed")
        #expect(
            try header("advanced.csv")
                == "scenario,district,advanced_now,p_advanced_by_horizon,year_p10,year_p50,year_p90,p_advanced_at_horizon"
        )
        #expect(try header("network.csv") == "scenario,year,expected_advanced,advanced_p10,advanced_p50,advanced_p90")
        #expect(try header("advanced-by-year.csv") == "scenario,district,year,p_advanced")
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
            as! [String: Any]
        #expect(manifest["seed"] as? Int == 2016 && manifest["draws"] as? Int == 50)
        // Scenario, data, framework, districts, levers, sticking points, events.
        #expect((manifest["inputs"] as! [[String: Any]]).count == 7)
        #expect(
            (manifest["background"] as! [[String: Any]]).map { $0["lever"] as! String } == [
                "leadership-turnover", "community-backlash", "state-takeover",
            ])
        let advanced = try String(contentsOfFile: out + "/advanced.csv", encoding: .utf8)
        #expect(advanced.contains("baseline,TN ASD,true,1.0000,2016,2016,2016"))
        let trajectories = try String(contentsOfFile: out + "/trajectories.csv", encoding: .utf8)
        #expect(trajectories.contains("baseline,Oakland,2013,district,") && trajectories.contains(",2026,district,"))
    }

    @Test(arguments: [
        "baseline", "oakland-contract", "california-legislation", "denver-turnover",
        "baltimore-restructuring", "detroit-takeover", "indianapolis-advocacy", "combined-package",
    ])
    func everyExampleScenarioRuns(_ name: String) throws {
        let out = try CLI.temporaryDirectory() + "/" + name
        let run = try CLI.run(["Scenarios/\(name).json", "--draws", "20", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Scenario \(name): 20 draws"))
        let advanced = try String(contentsOfFile: out + "/advanced.csv", encoding: .utf8)
        #expect(advanced.split(separator: "\n").count == 26)
    }

    /// The same scenario and seed give byte-identical files.
    @Test func sameSeedSameBytes() throws {
        let out = try CLI.temporaryDirectory() + "/r"
        let files = ["trajectories.csv", "advanced.csv", "advanced-by-year.csv", "manifest.json"]
        #expect(try CLI.run(["run", "Scenarios/oakland-contract.json", "--draws", "40", "--out", out]).status == 0)
        let first = try files.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        #expect(try CLI.run(["run", "Scenarios/oakland-contract.json", "--draws", "40", "--out", out]).status == 0)
        let second = try files.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) }
        #expect(first == second)
        #expect(
            try CLI.run(["run", "Scenarios/oakland-contract.json", "--draws", "40", "--seed", "3", "--out", out]).status
                == 0)
        let third = try Data(contentsOf: URL(fileURLWithPath: out + "/trajectories.csv"))
        #expect(third != first[0])
    }

    /// `--trajectories district` keeps only the district-score rows (observed and projected),
    /// `none` writes no trajectories.csv and no fan charts; the advanced years are the same bytes.
    @Test func trajectoryChoiceChangesOnlyTheTrajectories() throws {
        let dir = try CLI.temporaryDirectory()
        var advanced: [Data] = []
        for choice in ["all", "district", "none"] {
            let out = dir + "/" + choice
            let run = try CLI.run([
                "Scenarios/baseline.json", "--draws", "40", "--skip-attribution", "--trajectories", choice, "--out",
                out,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            advanced.append(try Data(contentsOf: URL(fileURLWithPath: out + "/advanced.csv")))
            let trajectories = out + "/trajectories.csv"
            let fans = try FileManager.default.contentsOfDirectory(atPath: out + "/charts").filter {
                $0.hasPrefix("fan-")
            }
            switch choice {
            case "none":
                #expect(!FileManager.default.fileExists(atPath: trajectories))
                #expect(fans.isEmpty)
            case "district":
                let rows = try String(contentsOfFile: trajectories, encoding: .utf8).split(separator: "\n").dropFirst()
                #expect(!rows.isEmpty && rows.allSatisfy { $0.split(separator: ",")[3] == "district" })
                #expect(fans.count == 25)
            default:
                #expect(fans.count == 25)
            }
        }
        #expect(advanced[0] == advanced[1] && advanced[1] == advanced[2])
        let bad = try CLI.run(["Scenarios/baseline.json", "--trajectories", "some"])
        #expect(bad.status != 0 && bad.stderr.contains("--trajectories"))
    }
}

/// Every bad scenario: one located error, non-zero exit, nothing written.
@Suite struct BadScenarioTests {
    func expectFailure(
        _ scenario: String, extraFiles: [String: String] = [:], arguments: [String] = [],
        mentions: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let dir = try CLI.temporaryDirectory()
        try scenario.write(toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        for (name, text) in extraFiles { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let out = dir + "/out"
        let run = try CLI.run([dir + "/s.json", "--out", out] + arguments)
        TestSupport.expectFailure(run, out: out, mentions: mentions, sourceLocation: sourceLocation)
    }

    func scenario(_ interventions: String, extra: String = "") -> String {
        "{\n  \"name\": \"bad\",\n  \"horizon\": 2026,\(extra)\n  \"interventions\": [\n    \(interventions)\n  ]\n}\n"
    }

    @Test func unknownLever() throws {
        try expectFailure(
            scenario(#"{"lever": "teleportation", "district": "Oakland", "year": 2018}"#),
            mentions: ["s.json:5:5: error: interventions[0]: unknown lever \"teleportation\"", "union-contract-change"])
    }

    @Test func unknownDistrict() throws {
        try expectFailure(
            scenario(#"{"lever": "civic-advocacy", "district": "Atlantis", "year": 2018}"#),
            mentions: ["s.json:5:5", "unknown district \"Atlantis\""])
    }

    @Test func unknownState() throws {
        try expectFailure(
            scenario(#"{"lever": "state-legislation", "state": "ZZ", "year": 2018}"#),
            mentions: ["s.json:5:5", "no district in state \"ZZ\"", "CA"])
    }

    @Test func unknownElementInALeverCatalogue() throws {
        let levers =
            #"{"levers": [{"id": "x", "effects": [{"id": "e", "kind": "level", "targets": {"elements": ["9.9"]}, "size": 1}]}]}"#
        try expectFailure(
            scenario("", extra: "\n  \"levers\": \"levers.json\","), extraFiles: ["levers.json": levers],
            mentions: ["levers.json:1:", "levers[0].effects[0].targets.elements[0]", "unknown element \"9.9\""])
    }

    @Test func unknownKey() throws {
        try expectFailure(
            scenario("", extra: "\n  \"horizn\": 2030,"),
            mentions: ["s.json:4:13: error: horizn: unknown key \"horizn\""])
        try expectFailure(
            scenario(#"{"lever": "civic-advocacy", "district": "Oakland", "yaer": 2018}"#),
            mentions: ["interventions[0].yaer", "unknown key"])
    }

    @Test func wrongType() throws {
        try expectFailure(
            "{\"name\": \"bad\", \"horizon\": \"2026\"}",
            mentions: ["s.json:1:28", "horizon", "expected a number, found a string"])
    }

    @Test func interventionYearOutsideDataAndHorizon() throws {
        try expectFailure(
            scenario(#"{"lever": "civic-advocacy", "district": "Oakland", "year": 2001}"#),
            mentions: ["s.json:5:5", "year 2001 is outside 2013–2026"])
        try expectFailure(
            scenario(#"{"lever": "civic-advocacy", "district": "Oakland", "year": 2030}"#),
            mentions: ["year 2030 is outside"])
    }

    @Test func horizonBeforeTheData() throws {
        try expectFailure(
            "{\"name\": \"bad\", \"horizon\": 2012}", mentions: ["s.json:1:28", "before the last data year 2016"])
    }

    @Test func nonPositiveDraws() throws {
        try expectFailure(
            "{\"name\": \"bad\", \"horizon\": 2026, \"draws\": 0}", mentions: ["s.json:1:43: error: draws: draws 0"])
        try expectFailure("{\"name\": \"bad\", \"horizon\": 2026, \"draws\": -5}", mentions: ["draws -5"])
    }

    @Test func malformedJSON() throws {
        try expectFailure(
            "{\n  \"name\": \"bad\"\n  \"horizon\": 2026\n}", mentions: ["s.json:3:3: error:", "expected ',' or '}'"])
    }

    @Test func missingDataFile() throws {
        try expectFailure(
            "{\"name\": \"bad\", \"horizon\": 2026, \"data\": \"nowhere.csv\"}",
            mentions: ["nowhere.csv: error: no such file"])
    }
}

@Suite struct CompareCommandTests {
    @Test func comparesScenarioFiles() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "compare", "Scenarios/baseline.json", "Scenarios/baltimore-restructuring.json", "--draws", "40", "--out",
            out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8).split(separator: "\n")
        #expect(
            lines.first
                == "district,scenario,year_p50,delta_years_p50,delta_years_p10,delta_years_p90,p_advanced_by_horizon,delta_p_advanced,p_earlier"
        )
        #expect(lines.count == 1 + 25 * 2)
        // Paired draws: a district the alternative does not touch is unchanged in every draw.
        #expect(
            lines.contains {
                $0.hasPrefix("Oakland,baltimore-restructuring,") && $0.contains(",0.0,0.0,0.0,")
                    && $0.hasSuffix(",0.0000,0.0000")
            })
        #expect(run.stdout.contains("Network ranking"))
    }

    @Test func sweepsLeversWithoutFiles() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "compare", "Scenarios/baseline.json", "--levers", "union-contract-change,civic-advocacy",
            "--district", "Chicago", "--year", "2018", "--draws", "40", "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8)
        #expect(csv.contains("\nChicago,union-contract-change,") && csv.contains("\nChicago,civic-advocacy,"))
        #expect(run.stdout.contains("Chicago") && !run.stdout.contains("Albuquerque"))
    }

    @Test func unknownSweptLeverIsALocatedError() throws {
        let out = try CLI.temporaryDirectory() + "/c"
        let run = try CLI.run([
            "compare", "Scenarios/baseline.json", "--levers", "teleport", "--district", "Chicago",
            "--year", "2018", "--out", out,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("command line: error: --levers teleport: unknown lever \"teleport\""))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Every attribution file, with the headers the issue fixes, and the Shapley charts.
    @Test func scenarioRunWritesTheAttribution() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run(["Scenarios/baseline.json", "--draws", "30", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let headers = [
            "component-outlook.csv":
                "scenario,district,component,latest,p_in_progress_by_horizon,year_p10,year_p50,year_p90",
            "sticking-points.csv":
                "scenario,district,sticking_point,kind,binding,p_advanced,p_relaxed_alone,shapley_p_gain,shapley_p_gain_se,shapley_years,years_gained_mean,years_gained_p10,years_gained_p50,years_gained_p90,decisive_share",
            "sticking-points-network.csv":
                "scenario,sticking_point,kind,districts_assessed,districts_binding,mean_shapley_p_gain,mean_shapley_p_gain_se,mean_shapley_years,mean_p_in_progress_by_horizon",
            "relaxation-bundles.csv": "scenario,district,bundle,p_advanced,p_relaxed,p_gain,years_gained_mean",
            "what-it-would-take.csv": "scenario,district,relaxed,target_year,required_pace,own_pace,reachable",
        ]
        for (file, header) in headers {
            let lines = try String(contentsOfFile: out + "/" + file, encoding: .utf8).split(separator: "\n")
            #expect(lines.first.map(String.init) == header, "\(file)")
            #expect(lines.count > (file == "sticking-points-network.csv" ? 5 : 20), "\(file) has \(lines.count) lines")
        }
        let outlook = try String(contentsOfFile: out + "/component-outlook.csv", encoding: .utf8)
        #expect(outlook.split(separator: "\n").count == 1 + 25 * 7)
        let bundles = try String(contentsOfFile: out + "/relaxation-bundles.csv", encoding: .utf8)
        #expect(bundles.contains(",Chicago,all,") && bundles.contains(",Chicago,autonomy-funding-support,"))
        #expect(FileManager.default.fileExists(atPath: out + "/charts/shapley-chicago.svg"))
        #expect(FileManager.default.fileExists(atPath: out + "/charts/sticking-points-network.svg"))
        #expect(run.stdout.contains("Network (districts not advanced at the start"))
        let brief = try String(contentsOfFile: out + "/brief.html", encoding: .utf8)
        #expect(brief.contains("Relaxing all of its sticking points together"))
    }

    /// A bad benchmark or target year is refused before anything is written.
    @Test func badAttributionOptionsAreRefused() throws {
        let out = try CLI.temporaryDirectory() + "/x"
        let bad = try CLI.run(["Scenarios/baseline.json", "--benchmark", "fastest", "--out", out])
        #expect(bad.status != 0 && bad.stderr.contains("top-quartile"))
        let early = try CLI.run(["Scenarios/baseline.json", "--target-year", "2012", "--out", out])
        #expect(early.status == 1 && early.stderr.contains("--target-year: target year 2012 is not a projected year"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite struct CalibrateCommandTests {
    @Test func calibratesAndWritesACatalogueScenariosCanName() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["calibrate", "--out", dir + "/out", "--write", dir + "/levers.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("not identified"))
        let csv = try String(contentsOfFile: dir + "/out/calibration.csv", encoding: .utf8)
        #expect(csv.hasPrefix("lever,kind,estimate,se,ci95_low,ci95_high,n_districts,n_steps,assumed,status\n"))
        try
            #"{"name": "calibrated", "horizon": 2026, "draws": 10, "levers": "levers.json", "interventions": [{"lever": "union-contract-change", "district": "Chicago", "year": 2018}]}"#
            .write(toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        let scenario = try CLI.run([dir + "/s.json", "--out", dir + "/s", "--skip-attribution"])
        #expect(scenario.status == 0, "\(scenario.stderr)")
        // The event study and the stall: event-study.csv, a chart, a stall row.
        let study = try String(contentsOfFile: dir + "/out/event-study.csv", encoding: .utf8)
        #expect(study.hasPrefix("lever,event_time,estimate,ci95_low,ci95_high,n_districts,n_steps,status\n"))
        #expect(csv.contains("\nleadership-turnover,stall,"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/charts/event-study-leadership-turnover.svg"))
        // --write may replace its own earlier catalogue, never another file.
        let again = try CLI.run(["calibrate", "--out", dir + "/out2", "--write", dir + "/levers.json"])
        #expect(again.status == 0, "\(again.stderr)")
        let refused = try CLI.run(["calibrate", "--out", dir + "/out3", "--write", dir + "/s.json"])
        #expect(
            refused.status != 0 && refused.stderr.contains("--write")
                && refused.stderr.contains("not a lever catalogue"))
        #expect(try String(contentsOfFile: dir + "/s.json", encoding: .utf8).contains("\"name\": \"calibrated\""))
    }
}
