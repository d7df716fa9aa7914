import ArgumentParser
import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

/// The engine's side of the benchmark harness (`bash Benchmarks/run.sh`). Each subcommand is
/// one measurement in its own process, so the harness can read that process's peak memory;
/// it prints one JSON object on stdout and, with --export, writes the same inputs as .npy
/// files for `Benchmarks/reference.py` to run the same math in numpy.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the engine's fit and projection (used by Benchmarks/run.sh).",
        subcommands: [Fit.self, Project.self, Normals.self])

    static func main() {
        Parallel.useOneBLASThreadUnlessConfigured()
        main(nil)
    }
}

struct PanelOptions: ParsableArguments {
    @Option(help: "Synthetic districts (36 elements, yearly snapshots); 0 = the shipped panel.")
    var districts = 0

    @Option(help: "Yearly snapshots of a synthetic panel.")
    var years = 10

    @Option(help: "Seed of the synthetic panel.")
    var seed: UInt64 = 1

    @Option(help: "Framework JSON.")
    var framework = "Scenarios/data/framework.json"

    @Option(help: "Shipped panel CSV (with --districts 0).")
    var data = "Scenarios/data/portfolio-snapshots.csv"

    func load() throws -> Panel {
        let fw = try Framework.load(contentsOf: framework)
        if districts == 0 { return try PanelLoader.load(path: data, framework: fw).panel }
        return SyntheticPanel.generate(framework: fw, districts: districts, years: 2007...(2006 + years), seed: seed)
            .panel
    }
}

/// Wall-clock seconds of `body`, the median of `repeats` runs.
func medianSeconds(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times[times.count / 2]
}

func printJSON(_ fields: [(String, Any)]) {
    let body = fields.map { key, value -> String in
        switch value {
        case let s as String: return "\"\(key)\": \"\(s)\""
        case let a as [Double]: return "\"\(key)\": [\(a.map { String($0) }.joined(separator: ", "))]"
        default: return "\"\(key)\": \(value)"
        }
    }
    print("{" + body.joined(separator: ", ") + "}")
}

extension Benchmark {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time TrajectoryModel.fit (REML + BLUPs) on a panel in memory.")
        @OptionGroup var panel: PanelOptions
        @Option(help: "Timed repetitions (the median is reported).")
        var repeats = 3
        @Option(help: "Write the ratings as ratings.npy (districts × years × elements) and meta.json here.")
        var export: String?

        func run() throws {
            let p = try panel.load()
            if let export { try NumpyExport.panel(p, to: export) }
            var fit: TrajectoryFit?
            let seconds = try medianSeconds(repeats) { fit = try TrajectoryModel.fit(p) }
            let f = fit!
            let ratings = f.observations
            printJSON([
                ("task", "fit"), ("districts", p.districts.count), ("series", f.series.count), ("ratings", ratings),
                ("seconds", seconds), ("bytes", ratings * 8), ("sigma2", f.variance.residual),
                ("tau2", f.variance.deviation), ("mu", f.componentSlope), ("threads", 1),
            ])
        }
    }

    struct Project: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Time the Monte Carlo projection (drifts, noise, clamping, advanced rule, advanced years and percentiles)."
        )
        @OptionGroup var panel: PanelOptions
        @Option(help: "Monte Carlo draws.")
        var draws = 1000
        @Option(help: "Projected years past each district's latest snapshot.")
        var horizon = 20
        @Option(help: "Trajectory percentiles: all, district or none.")
        var trajectories = "all"
        @Option(help: "Threads (default: every core).")
        var threads: Int?
        @Option(help: "Timed repetitions (the median is reported).")
        var repeats = 3
        @Option(help: "Write the forecaster's inputs as .npy files and meta.json here.")
        var export: String?

        func run() throws {
            let p = try panel.load()
            let fit = try TrajectoryModel.fit(p)
            let forecaster = DriftForecaster(panel: p, fit: fit)
            let horizonYear = p.years.last! + horizon
            // The plain Monte Carlo: no levers, no ceilings (the numpy reference does the same).
            let plan = ScenarioPlan(
                districts: p.districts.indices.map {
                    ScenarioPlan.DistrictPlan(district: $0, effects: [], stickingPoints: [])
                }, horizon: horizonYear)
            guard let kept = Projection.Trajectories(rawValue: trajectories) else {
                throw ValidationError("--trajectories must be all, district or none")
            }
            if let export { try NumpyExport.forecaster(forecaster, horizon: horizonYear, draws: draws, to: export) }
            var result: ProjectionResult?
            var outputs = ""
            let seconds = medianSeconds(repeats) {
                let r = Projection.run(
                    forecaster, plan: plan, draws: draws, seed: 2016, scenario: "benchmark",
                    trajectories: kept, threads: threads)
                outputs = ScenarioReport.advanced(r).text + ScenarioReport.advancedByYear(r).text
                result = r
            }
            let r = result!
            let elementYears =
                p.districts.indices.reduce(0) { $0 + (horizonYear - forecaster.startYear[$1]) } * draws
                * p.framework.elements.count
            printJSON([
                ("task", "project"), ("districts", p.districts.count), ("draws", draws), ("years", horizon),
                ("trajectories", trajectories), ("threads", threads ?? Parallel.defaultThreads),
                ("seconds", seconds), ("element_years", elementYears),
                ("p_advanced", r.districts.prefix(25).map(\.pAdvancedByHorizon)),
                ("outputs_sha256", SHA256.hex(Array(outputs.utf8))),
            ])
        }
    }
}

extension Benchmark {
    /// The floors under the projection's inner loop: drawing its random numbers and nothing else.
    struct Normals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Time, on one core, the year-to-year noise draw (one per element-year) and exact ziggurat normals.")
        @Option(help: "Numbers to draw.")
        var count = 200_000_000

        func run() throws {
            let exact = medianSeconds(3) { _ = Projection.normalsBenchmark(count: count) }
            let noise = medianSeconds(3) { _ = Projection.noiseBenchmark(count: count) }
            printJSON([("task", "normals"), ("count", count), ("seconds", exact), ("noise_seconds", noise)])
        }
    }
}
