import Forecasting
import Policy
import RatingsData

/// How a run's background events and pace changes are described to its reader (terminal, brief, manifest).
public enum BackgroundReport {
    /// Where a background rate came from, in words.
    public static func source(_ b: BackgroundEvent) -> String {
        switch b.source {
        case .overridden:
            return "set by the scenario"
        case .estimated(let e):
            let (lo, hi) = e.interval95
            return
                "\(e.events) events in \(e.exposure) district-years (\(e.firstYear)–\(e.lastYear)) of the events file; "
                + "95% interval \(fixed(lo, decimals: 3))–\(fixed(hi, decimals: 3))"
        }
    }

    /// One paragraph: the rates used, the pace-change sd, and the known future events applied.
    public static func text(_ run: ScenarioRun) -> String {
        var lines: [String] = []
        if run.plan.background.isEmpty {
            lines.append(
                run.scenario.background == .off
                    ? "Background events: off (the scenario says \"background\": \"off\")."
                    : run.events == nil
                        ? "Background events: none (no events file to estimate their rates from)."
                        : "Background events: none (\(run.scenario.events ?? "the events file") holds no event of the panel's districts\(run.scenario.from.map { " up to \($0)" } ?? "") to estimate their rates from)."
            )
        } else {
            lines.append("Background events (every district, every projected year):")
            for b in run.plan.background {
                lines.append(
                    "  \(b.leverID): \(fixed(b.rate, decimals: 3)) a district-year (P = \(fixed(b.probability, decimals: 3)) a year) — \(source(b))"
                )
            }
        }
        let c = run.forecaster.paceChange
        let chosen =
            run.persistenceSelection.map {
                $0.crps.isEmpty
                    ? "from the panel's autocovariances" : "chosen by the panel's own rolling-origin forecasts"
            }
            ?? "as given"
        let factor = run.scenario.paceChangeVariance
        let source = factor == 1 ? "from the fit" : "from the fit, variances × \(Axes.label(factor)) by the scenario"
        if c.persistence < 1 {
            lines.append(
                "Pace changes: each year a district × component pace keeps \(fixed(c.persistence, decimals: 2)) of its distance from the network's pace (\(chosen)) and takes fresh shocks; spread of paces \(fixed(c.commonSD, decimals: 3)) shared by a district's components and \(fixed(c.ownSD, decimals: 3)) each component's own, points a year (\(source))."
            )
        } else {
            lines.append(
                "Pace changes: none — the persistence \(chosen) is \(fixed(c.persistence, decimals: 2)), so each district × component keeps the pace drawn from the fit for the whole projection."
            )
        }
        if !run.plan.knownEvents.isEmpty {
            let listed = run.plan.knownEvents.map { "\($0.district) \($0.year) \($0.lever)" }
            lines.append(
                "Known future events applied from \(run.scenario.events ?? "the events file"): "
                    + listed.joined(separator: "; ") + ".")
        }
        if !run.scenario.removals.isEmpty {
            let removed = run.scenario.removals.map { "\($0.district) \($0.year) \($0.lever)" }
            lines.append("Recorded events removed by the scenario: " + removed.joined(separator: "; ") + ".")
        }
        if let from = run.scenario.from {
            lines.append(
                "Retrospective: fitted on the snapshots up to \(from); what was observed after it is set beside the projection."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
