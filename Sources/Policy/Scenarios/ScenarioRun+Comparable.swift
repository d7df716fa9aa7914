import Forecasting
import Foundation
import RatingsData

extension ScenarioRun {
    /// Alternatives can be paired with the baseline draw by draw only when they project the same
    /// districts from the same data, cut at the same `"from"`, under the same framework to the same horizon, and each needs
    /// a name of its own to be told apart in the outputs: a located error otherwise.
    public static func checkComparable(baseline: ScenarioRun, alternatives: [ScenarioRun]) throws(Diagnostic) {
        var names = [baseline.scenario.name: baseline.scenario.file]
        for alt in alternatives {
            let at = SourceLocation(file: alt.scenario.file)
            for (what, mine, theirs) in [
                ("data", alt.scenario.data, baseline.scenario.data),
                ("framework", alt.scenario.framework, baseline.scenario.framework),
            ]
            where InputPath.canonical(mine) != InputPath.canonical(theirs) {
                throw .error(
                    at: at,
                    "its \(what) is \(mine) but the baseline's is \(theirs); paired draws need the same districts, so expected the same \(what) file"
                )
            }
            guard alt.scenario.from == baseline.scenario.from else {
                let describe = { (from: Int?) in from.map { "\"from\": \($0)" } ?? "a forward run (no \"from\")" }
                throw .error(
                    at: alt.scenario.fromLocation ?? at,
                    "\(describe(alt.scenario.from)) but the baseline is \(describe(baseline.scenario.from)); paired draws need the same fitted data, so expected the same \"from\""
                )
            }
            guard alt.plan.horizon == baseline.plan.horizon else {
                throw .error(
                    at: alt.scenario.horizonLocation,
                    "horizon \(alt.plan.horizon) but the baseline's is \(baseline.plan.horizon); expected the same horizon"
                )
            }
            if let first = names[alt.scenario.name] {
                throw .error(
                    at: at,
                    "scenario name \"\(alt.scenario.name)\" is already used by \(first); expected a name of its own (rows are told apart by it)"
                )
            }
            names[alt.scenario.name] = alt.scenario.file
        }
    }
}
