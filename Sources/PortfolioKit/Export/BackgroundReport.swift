/// How a run's background events and pace changes are described to its reader (terminal, brief, manifest).
public enum BackgroundReport {
    /// Where a background rate came from, in words.
    public static func source(_ b: BackgroundEvent) -> String {
        switch b.source {
        case .overridden:
            return "set by the scenario"
        case .estimated(let e):
            let (lo, hi) = e.interval95
            return "\(e.events) events in \(e.exposure) district-years (\(e.firstYear)–\(e.lastYear)) of the events file; "
                + "95% interval \(fixed(lo, decimals: 3))–\(fixed(hi, decimals: 3))"
        }
    }

    /// One paragraph: the rates used, the pace-change sd, and the known future events applied.
    public static func text(_ run: ScenarioRun) -> String {
        var lines: [String] = []
        if run.plan.background.isEmpty {
            lines.append(run.scenario.background == .off
                         ? "Background events: off (the scenario says \"background\": \"off\")."
                         : "Background events: none (no events file to estimate their rates from).")
        } else {
            lines.append("Background events (every district, every projected year):")
            for b in run.plan.background {
                lines.append("  \(b.leverID): \(fixed(b.rate, decimals: 3)) a district-year (P = \(fixed(b.probability, decimals: 3)) a year) — \(source(b))")
            }
        }
        lines.append("Pace changes: a district × component pace changes by N(0, \(fixed(run.forecaster.paceChangeVariance.squareRoot(), decimals: 3))²) points/year each year (estimated from the panel).")
        if !run.plan.knownEvents.isEmpty {
            let listed = run.plan.knownEvents.map { "\($0.district) \($0.year) \($0.lever)" }
            lines.append("Known future events applied from \(run.scenario.events ?? "the events file"): " + listed.joined(separator: "; ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
