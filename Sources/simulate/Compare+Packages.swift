import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

extension Simulate.Compare {
    /// `--packages`: every combination of up to `--max-size` of the listed levers, pulled together
    /// at `--district` or `--state` in `--year`, on the baseline's paired draws; writes packages.csv
    /// and names each district's smallest package reaching P(advanced by the target year) ≥ `--target-p`.
    func runPackages(_ baseline: ScenarioRun, ids: [String]) throws(Diagnostic) {
        let at = SourceLocation(file: "command line", path: "--packages")
        let known = baseline.levers.levers.map(\.id)
        for id in ids where !known.contains(id) {
            throw Diagnostic.error(
                at: at,
                "unknown lever \"\(id)\"\(Suggestion.didYouMean(id, among: known)); expected one of \(known.joined(separator: ", "))"
            )
        }
        let ordered = known.filter { ids.contains($0) }  // catalogue order
        let horizon = attribution.targetYear ?? baseline.plan.horizon
        guard horizon > baseline.firstProjectedYear - 1, horizon <= baseline.plan.horizon else {
            throw Diagnostic.error(
                at: SourceLocation(file: "command line", path: "--target-year"),
                "target year \(horizon) is not a projected year; expected \(baseline.firstProjectedYear) to \(baseline.plan.horizon)"
            )
        }
        let directory = out ?? "Results/packages-\(baseline.scenario.name)"
        try OutputDirectory(directory).checkWritable()
        let n = monteCarlo.draws ?? baseline.scenario.draws
        let s = monteCarlo.seed ?? baseline.scenario.seed
        let combinations = LeverPackages.combinations(of: ordered.count, maxSize: maxSize)
        let target: Intervention.Target = district.map { .district($0) } ?? .state(state!)
        var runs: [(levers: [String], run: ScenarioRun)] = []
        for combination in combinations {
            let levers = combination.map { ordered[$0] }
            var scenario = baseline.scenario
            for lever in levers {
                scenario = scenario.adding(
                    Intervention(
                        lever: lever, target: target, year: year!, provisions: nil, overrides: [:],
                        location: SourceLocation(file: "command line", path: "--packages \(lever)")),
                    name: levers.joined(separator: "+"))
            }
            runs.append((levers, try ScenarioRun.prepare(scenario: scenario)))
        }
        try ScenarioRun.checkComparable(baseline: baseline, alternatives: runs.map(\.run))
        let bar = ProgressBar("Projecting the baseline and \(runs.count) packages")
        let total = Double(1 + runs.count)
        let base = baseline.project(draws: n, seed: s, trajectories: .none, threads: monteCarlo.threads) {
            bar.update($0 / total)
        }
        var results: [(levers: [String], result: ProjectionResult)] = []
        for (i, entry) in runs.enumerated() {
            let result = entry.run.project(draws: n, seed: s, trajectories: .none, threads: monteCarlo.threads) {
                bar.update((Double(i + 1) + $0) / total)
            }
            results.append((entry.levers, result))
        }
        bar.finish()
        let rows = LeverPackages.rows(baseline: base, packages: results, horizon: horizon)
        try OutputDirectory(directory).replace(with: [("packages.csv", LeverPackages.table(rows).text)])
        report(rows, districts: base.districts.map(\.district.name), horizon: horizon, draws: n, seed: s)
        Console.out("\nWrote \(directory)/packages.csv")
    }

    /// Per district shown: the smallest package reaching the target, or that none does.
    private func report(_ rows: [LeverPackages.Row], districts: [String], horizon: Int, draws: Int, seed: UInt64) {
        Console.out(
            "\(draws) draws, seed \(seed); packages of up to \(maxSize) levers; P(advanced by \(horizon)) ≥ \(targetP)")
        // One pass to group the rows by district: with --state the rows are districts × packages.
        let byDistrict = Dictionary(grouping: rows, by: \.district)
        let shown = districts.filter { name in district.map { $0 == name } ?? (byDistrict[name] != nil) }
        for name in shown {
            let mine = byDistrict[name] ?? []
            Console.out(
                "\(name), best packages: "
                    + mine.prefix(3).map { "\($0.name) \(fixed($0.pAdvancedByHorizon, decimals: 2))" }.joined(
                        separator: "; "))
            if let best = LeverPackages.smallest(mine, district: name, target: targetP) {
                Console.out(
                    "\(name): smallest package \(best.name) (\(best.size) lever\(best.size == 1 ? "" : "s")), "
                        + "P = \(fixed(best.pAdvancedByHorizon, decimals: 2)) (\(signedFixed(best.deltaPAdvanced, decimals: 2)))"
                )
            } else {
                let top = mine.first  // ranked: the highest P first
                Console.out(
                    "\(name): no package of up to \(maxSize) reaches \(targetP)"
                        + (top.map { "; the best is \($0.name), P = \(fixed($0.pAdvancedByHorizon, decimals: 2))" }
                            ?? ""))
            }
        }
    }
}
