import Forecasting
import Policy
import RatingsData
import Reports

/// `compare --packages` as a library value: every combination of up to `maxSize` of the swept
/// levers, pulled together, on the baseline's paired draws; writes packages.csv and names each
/// district's smallest package reaching P(advanced by the target year) ≥ `targetP`.
public struct PackagePipeline {
    /// The loaded baseline.
    public let baseline: ScenarioRun
    /// The levers, where and when they are pulled.
    public let levers: LeverSweep
    /// Largest package (number of levers).
    public let maxSize: Int
    /// The P(advanced by `horizon`) a package must reach.
    public let targetP: Double
    /// The year P(advanced by) is read at (default: the baseline's horizon).
    public let horizon: Int
    /// Draws, seed and threads (nil: the baseline's).
    public let monteCarlo: MonteCarloSettings
    /// The output folder (default `Results/packages-<baseline name>`).
    public let directory: String
    /// Each package's levers (catalogue order) and its run.
    let runs: [(levers: [String], run: ScenarioRun)]

    /// Checks the levers and target year, then loads one run per package.
    public init(
        baseline: ScenarioRun, levers: LeverSweep, maxSize: Int, targetP: Double, targetYear: Int?,
        monteCarlo: MonteCarloSettings, out: String?
    ) throws(Diagnostic) {
        let ordered = try Self.catalogueOrder(levers.ids, baseline: baseline)
        let horizon = targetYear ?? baseline.plan.horizon
        guard horizon > baseline.firstProjectedYear - 1, horizon <= baseline.plan.horizon else {
            throw Diagnostic.error(
                at: SourceLocation(file: "command line", path: "--target-year"),
                "target year \(horizon) is not a projected year; expected \(baseline.firstProjectedYear) to \(baseline.plan.horizon)"
            )
        }
        directory = out ?? "Results/packages-\(baseline.scenario.name)"
        try OutputDirectory(directory).checkWritable()
        var runs: [(levers: [String], run: ScenarioRun)] = []
        for combination in LeverPackages.combinations(of: ordered.count, maxSize: maxSize) {
            let package = combination.map { ordered[$0] }
            var scenario = baseline.scenario
            for lever in package {
                scenario = scenario.adding(levers.intervention(lever), name: package.joined(separator: "+"))
            }
            runs.append((package, try ScenarioRun.prepare(scenario: scenario)))
        }
        try ScenarioRun.checkComparable(baseline: baseline, alternatives: runs.map(\.run))
        (self.baseline, self.levers, self.maxSize, self.targetP) = (baseline, levers, maxSize, targetP)
        (self.horizon, self.monteCarlo, self.runs) = (horizon, monteCarlo, runs)
    }

    /// The ids in catalogue order; an error naming the first unknown id.
    static func catalogueOrder(_ ids: [String], baseline: ScenarioRun) throws(Diagnostic) -> [String] {
        let known = baseline.levers.levers.map(\.id)
        for id in ids where !known.contains(id) {
            throw Diagnostic.error(
                at: SourceLocation(file: "command line", path: "--packages"),
                "unknown lever \"\(id)\"\(Suggestion.didYouMean(id, among: known)); expected one of \(known.joined(separator: ", "))"
            )
        }
        return known.filter { ids.contains($0) }
    }

    /// Projects the baseline and every package on the same draws, writes packages.csv, and
    /// returns the lines to show the user.
    public func run(progress: ProgressStages) throws(Diagnostic) -> [String] {
        let draws = monteCarlo.draws ?? baseline.scenario.draws
        let seed = monteCarlo.seed ?? baseline.scenario.seed
        let (base, results) = PairedProjection.run(
            baseline, runs.map(\.run), draws: draws, seed: seed, threads: monteCarlo.threads,
            label: "Projecting the baseline and \(runs.count) packages", progress: progress)
        let rows = LeverPackages.rows(
            baseline: base, packages: zip(runs, results).map { ($0.levers, $1) }, horizon: horizon)
        try OutputDirectory(directory).replace(with: [("packages.csv", LeverPackages.table(rows).text)])
        return report(rows, districts: base.districts.map(\.district.name), draws: draws, seed: seed)
            + ["\nWrote \(directory)/packages.csv"]
    }

    /// Per district shown: the best three packages, and the smallest reaching the target (or that none does).
    func report(_ rows: [LeverPackages.Row], districts: [String], draws: Int, seed: UInt64) -> [String] {
        var lines = [
            "\(draws) draws, seed \(seed); packages of up to \(maxSize) levers; P(advanced by \(horizon)) ≥ \(targetP)"
        ]
        // One pass to group the rows by district: with a state the rows are districts × packages.
        let byDistrict = Dictionary(grouping: rows, by: \.district)
        let only: String? = if case .district(let name) = levers.target { name } else { nil }
        for name in districts where only.map({ $0 == name }) ?? (byDistrict[name] != nil) {
            let mine = byDistrict[name] ?? []
            lines.append(
                "\(name), best packages: "
                    + mine.prefix(3).map { "\($0.name) \(fixed($0.pAdvancedByHorizon, decimals: 2))" }.joined(
                        separator: "; "))
            lines.append(verdict(mine, district: name))
        }
        return lines
    }

    /// The smallest package reaching the target, or the best one when none does.
    func verdict(_ mine: [LeverPackages.Row], district name: String) -> String {
        if let best = LeverPackages.smallest(mine, district: name, target: targetP) {
            return "\(name): smallest package \(best.name) (\(best.size) lever\(best.size == 1 ? "" : "s")), "
                + "P = \(fixed(best.pAdvancedByHorizon, decimals: 2)) (\(signedFixed(best.deltaPAdvanced, decimals: 2)))"
        }
        let top = mine.first  // ranked: the highest P first
        return "\(name): no package of up to \(maxSize) reaches \(targetP)"
            + (top.map { "; the best is \($0.name), P = \(fixed($0.pAdvancedByHorizon, decimals: 2))" } ?? "")
    }
}
