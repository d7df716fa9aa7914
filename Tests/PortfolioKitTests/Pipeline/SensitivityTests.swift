import Foundation
import Pipeline
import TestSupport
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData

/// Every tornado bar of `simulate sensitivity` reproduces by rerunning the scenario from files
/// with that one assumption changed: the event rate as a `"background"` override, the
/// threshold and the advanced rule in a copy of framework.json, an effect's size pinned in a
/// copy of levers.json, the pace-change variance as `"paceChangeVariance"`. Exact equality:
/// the runs share draws and seed.
@Suite(.tags(.slow)) struct SensitivityTests {
    static let draws = 60

    /// A scenario on the shipped data in `dir`, with `framework` and `levers` files and extra keys.
    static func scenario(
        in dir: String, name: String, framework: String? = nil, levers: String? = nil, keys: String = ""
    ) throws -> String {
        let shipped = Repository.root + "/Scenarios/data/"
        let json = """
            {"name": "\(name)", "horizon": 2026, "draws": \(draws), "seed": 5,
             "data": "\(shipped)portfolio-snapshots.csv", "districtsFile": "\(shipped)districts.csv",
             "events": "\(shipped)events.csv", "framework": "\(framework ?? shipped + "framework.json")",
             "levers": "\(levers ?? Repository.root + "/Scenarios/levers.json")",
             "stickingPoints": "\(Repository.root)/Scenarios/sticking-points.json"\(keys)}
            """
        let path = dir + "/\(name).json"
        try json.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// P(advanced by the horizon) per district of a scenario file, with the paces' persistence
    /// held at `persistence` (the sensitivity holds the fitted model fixed; only the moved
    /// assumption changes).
    static func pAdvanced(_ path: String, persistence: Double) throws -> [Double] {
        var run = try ScenarioRun.prepare(path)
        run.forecaster.paceChange.persistence = persistence
        return run.project(trajectories: .none).districts.map(\.pAdvancedByHorizon)
    }

    /// A JSON file's object, edited by `edit`, written to `path`.
    static func edited(_ source: String, to path: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
        var object = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source))) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The base scenario in `dir` with `factor` at `value`, written to files.
    static func scenarioFile(for factor: SensitivityFactor, value: Double, in dir: String, name: String) throws
        -> String?
    {
        switch factor {
        case .backgroundRate(let lever, _):
            return try Self.scenario(in: dir, name: name, keys: ", \"background\": {\"\(lever)\": \(value)}")
        case .inProgressThreshold:
            let fw = try Self.edited(
                Repository.root + "/Scenarios/data/framework.json", to: dir + "/fw\(name).json"
            ) { $0["inProgressThreshold"] = value }
            return try Self.scenario(in: dir, name: name, framework: fw)
        case .advancedRule:
            let fw = try Self.edited(
                Repository.root + "/Scenarios/data/framework.json", to: dir + "/fw\(name).json"
            ) { $0["advancedRule"] = ["atLeast": Int(value)] }
            return try Self.scenario(in: dir, name: name, framework: fw)
        case .effectSize(let lever, let effect, _, _):
            let levers = try Self.edited(Repository.root + "/Scenarios/levers.json", to: dir + "/l\(name).json") {
                object in
                object["levers"] = (object["levers"] as! [[String: Any]]).map { entry in
                    guard entry["id"] as? String == lever else { return entry }
                    var copy = entry
                    copy["effects"] = (entry["effects"] as! [[String: Any]]).map { e in
                        guard e["id"] as? String == effect else { return e }
                        var pinned = e
                        // The same family with no spread (a uniform stays a uniform), as the sensitivity pins it.
                        pinned["size"] =
                            (e["size"] as? [String: Any])?["min"] != nil
                            ? ["min": value, "max": value] : ["mean": value, "sd": 0]
                        return pinned
                    }
                    return copy
                }
            }
            return try Self.scenario(in: dir, name: name, levers: levers)
        case .paceChangeVariance:
            return try Self.scenario(in: dir, name: name, keys: ", \"paceChangeVariance\": \(value)")
        }
    }

    @Test func everyBarReproducesFromFilesWithThatOneAssumptionChanged() throws {
        let dir = try Repository.temporaryDirectory()
        let pipeline = try SensitivityPipeline(
            scenario: try Self.scenario(in: dir, name: "base"), monteCarlo: MonteCarloSettings(), out: dir + "/out")
        let result = pipeline.project(progress: ProgressStage.silentStages)
        let persistence = pipeline.prepared.forecaster.paceChange.persistence
        let districts = pipeline.prepared.plan.districts.map { pipeline.prepared.panel.districts[$0.district].name }
        func bar(_ factor: String) -> (low: [Double], high: [Double]) {
            let rows = Dictionary(
                uniqueKeysWithValues: result.rows.filter { $0.factor == factor }.map { ($0.district, $0) })
            return (districts.map { rows[$0]!.pLow }, districts.map { rows[$0]!.pHigh })
        }
        var checked = 0
        for factor in pipeline.factors {
            for high in [false, true] {
                let value = high ? factor.values.high : factor.values.low
                let name = "\(checked)"
                let path = try #require(try Self.scenarioFile(for: factor, value: value, in: dir, name: name))
                let expected = try Self.pAdvanced(path, persistence: persistence)
                let got = high ? bar(factor.id).high : bar(factor.id).low
                #expect(got == expected, "\(factor.id) \(high ? "high" : "low")")
                checked += 1
            }
        }
        #expect(checked >= 18, "rates, effects, threshold, rule and pace-change variance, low and high")
    }

    @Test func rowsHoldTheNetworkFirstAndEachGroupLargestSwingFirst() throws {
        let dir = try Repository.temporaryDirectory()
        let pipeline = try SensitivityPipeline(
            scenario: try Self.scenario(in: dir, name: "base"), monteCarlo: MonteCarloSettings(draws: 30),
            out: dir + "/out")
        let result = pipeline.project(progress: ProgressStage.silentStages)
        let factors = pipeline.factors.count
        #expect(result.rows.count == factors * (1 + pipeline.prepared.plan.districts.count))
        #expect(result.rows.prefix(factors).allSatisfy { $0.district == SensitivityRow.network })
        for group in stride(from: 0, to: result.rows.count, by: factors) {
            let swings = result.rows[group..<group + factors].map(\.swing)
            #expect(swings == swings.sorted(by: >))
        }
        // The network's outcome is the expected number advanced in the horizon year: at most the district count.
        #expect(result.rows.prefix(factors).allSatisfy { $0.pLow <= Double(pipeline.prepared.plan.districts.count) })
        // The stricter advanced rule can only lower every district's P(advanced by the horizon).
        #expect(result.rows.filter { $0.factor == "advanced-rule-minimum" }.allSatisfy { $0.pHigh <= $0.pLow })
    }

    @Test func effectSizesArePinnedAtTheirDecilesInTheSameFamily() {
        let z = 1.2815515655446004
        #expect(Distribution.normal(mean: 1, sd: 2).pinned(atDecile: 0.9) == .normal(mean: 1 + 2 * z, sd: 0))
        #expect(Distribution.uniform(min: 1, max: 3).pinned(atDecile: 0.1) == .uniform(min: 1.2, max: 1.2))
        #expect(Distribution.elicited(p10: -1, p50: 0, p90: 4).decileBounds == (-1, 4))
        #expect(Distribution.fixed(2).pinned(atDecile: 0.1) == .fixed(2))
        // The 10th and 90th percentiles are where the distribution's own CDF says 0.1 and 0.9.
        for d in [
            Distribution.normal(mean: 0.3, sd: 0.1), .uniform(min: -1, max: 2), .elicited(p10: 1, p50: 2, p90: 5),
        ] {
            #expect(abs(d.cdf(d.decileBounds.0) - 0.1) < 1e-9 && abs(d.cdf(d.decileBounds.1) - 0.9) < 1e-9)
        }
    }

    /// An effect whose size an intervention overrides in one district is two factors, each
    /// labelled by its size and moving only the districts that have that size; a scenario's own
    /// pace-change factor is the centre the variance bar moves from.
    @Test func overriddenSizesAreSeparateFactorsAndThePaceFactorIsAbsolute() throws {
        let dir = try Repository.temporaryDirectory()
        let keys = """
            , "paceChangeVariance": 2, "interventions": [
              {"lever": "union-contract-change", "district": "Oakland", "year": 2018,
               "overrides": {"staffing-and-pay": {"mean": 0.1, "sd": 0.01}}},
              {"lever": "union-contract-change", "district": "Chicago", "year": 2018}]
            """
        let run = try ScenarioRun.prepare(try Self.scenario(in: dir, name: "mixed", keys: keys))
        let factors = SensitivityFactor.all(of: run)
        let staffing = factors.filter { $0.id.hasPrefix("effect:union-contract-change.staffing-and-pay") }
        #expect(staffing.count == 2 && Set(staffing.map(\.id)).count == 2, "\(staffing.map(\.id))")
        let oakland = try #require(staffing.first { $0.id.contains("0.1") })
        #expect(abs(oakland.values.low - (0.1 - 1.2815515655446004 * 0.01)) < 1e-12)
        let moved = oakland.applied(to: run, high: true)
        for (before, after) in zip(run.plan.districts, moved.plan.districts) {
            let name = run.panel.districts[before.district].name
            let changed = zip(before.effects, after.effects).contains { $0.size != $1.size }
            #expect(changed == (name == "Oakland"), "\(name)")
        }
        let pace = try #require(factors.first { $0.id == "pace-change-variance" })
        #expect(pace.values.low == 1 && pace.values.high == 4)
    }
}
