import Forecasting
import RatingsData

/// One assumption a run rests on, moved to a low and a high value with everything else held
/// (`simulate sensitivity`). Values are in the assumption's own units: an effect's size in
/// rating points (or a stall's years), an event rate per district-year, the threshold on the
/// rating scale, the advanced rule's minimum count of components, the pace-change variance's
/// scale factor.
public enum SensitivityFactor: Sendable, Equatable {
    /// An effect's size at its distribution's 10th and 90th percentiles. `size` is the distribution
    /// moved (an effect whose size an intervention overrides in some districts is one factor per size);
    /// `label` tells such factors apart in the id ("" when the effect has one size).
    case effectSize(lever: String, effect: String, size: Distribution, label: String)
    /// A background event's rate halved and doubled.
    case backgroundRate(lever: String, rate: Double)
    /// The in-progress threshold 0.25 lower and higher, within the rating scale (`range`).
    case inProgressThreshold(Double, range: ClosedRange<Double>)
    /// The advanced rule: the framework's minimum number of components in progress, and one more.
    case advancedRule(minimum: Int)
    /// Both pace-change variances (shared and own) halved and doubled, from the scenario's own
    /// factor on the fitted ones (`"paceChangeVariance"`, 1 by default).
    case paceChangeVariance(base: Double)

    /// How far the threshold moves each way, on the rating scale.
    public static let thresholdStep = 0.25
    /// How far rates and the pace-change variance are scaled each way (÷ and ×).
    public static let scaleStep = 2.0

    /// The factor's id in sensitivity.csv, e.g. `rate:leadership-turnover`.
    public var id: String {
        switch self {
        case .effectSize(let lever, let effect, _, let label): "effect:\(lever).\(effect)\(label)"
        case .backgroundRate(let lever, _): "rate:\(lever)"
        case .inProgressThreshold: "in-progress-threshold"
        case .advancedRule: "advanced-rule-minimum"
        case .paceChangeVariance: "pace-change-variance"
        }
    }

    /// The assumption's low and high values.
    public var values: (low: Double, high: Double) {
        switch self {
        case .effectSize(_, _, let size, _): size.decileBounds
        case .backgroundRate(_, let rate): (rate / Self.scaleStep, rate * Self.scaleStep)
        case .inProgressThreshold(let t, let range):
            (max(range.lowerBound, t - Self.thresholdStep), min(range.upperBound, t + Self.thresholdStep))
        case .advancedRule(let minimum): (Double(minimum), Double(minimum + 1))
        case .paceChangeVariance(let base): (base / Self.scaleStep, base * Self.scaleStep)
        }
    }

    /// Every factor of a prepared run, in this order: the effects used (scenario interventions,
    /// then background events' effects, each once), the background rates, the threshold, the
    /// advanced rule, the pace-change variance (only when the run has pace changes).
    public static func all(of run: ScenarioRun) -> [SensitivityFactor] {
        var factors: [SensitivityFactor] = []
        var sizes: [String: [Distribution]] = [:]  // lever.effect → its distinct sizes, in order
        var order: [String] = []
        let plans = run.plan.districts
        let active = plans.flatMap(\.effects) + plans.flatMap { $0.background.flatMap(\.effects) }
        // A lift-ceiling effect has no size; every other kind's size is an assumption.
        for effect in active where effect.effect.kind != .liftCeiling {
            let key = effect.leverID + "\u{0}" + effect.effect.id
            if sizes[key] == nil { order.append(key) }
            if !(sizes[key] ?? []).contains(effect.size) { sizes[key, default: []].append(effect.size) }
        }
        for key in order {
            let parts = key.split(separator: "\u{0}").map(String.init)
            let distinct = sizes[key]!
            for size in distinct {
                let label = distinct.count > 1 ? " (\(size))" : ""
                factors.append(.effectSize(lever: parts[0], effect: parts[1], size: size, label: label))
            }
        }
        factors += run.plan.background.map { .backgroundRate(lever: $0.leverID, rate: $0.rate) }
        let framework = run.forecaster.framework
        let scale = Double(framework.minimumScore)...Double(framework.maximumScore)
        factors.append(.inProgressThreshold(framework.inProgressThreshold, range: scale))
        // A stricter rule needs a component more than the framework asks for; none when it asks for all.
        let minimum = framework.advancedRule.minimumComponents(of: framework.components.count)
        if minimum < framework.components.count { factors.append(.advancedRule(minimum: minimum)) }
        // Pace changes act only with persistence below 1 (with 1, paces hold and there is nothing to scale).
        let change = run.forecaster.paceChange
        if change.persistence < 1, change.commonSD > 0 || change.ownSD > 0 {
            factors.append(.paceChangeVariance(base: run.scenario.paceChangeVariance))
        }
        return factors
    }

    /// `run` with this assumption at its low (`high == false`) or high value.
    public func applied(to run: ScenarioRun, high: Bool) -> ScenarioRun {
        var copy = run
        let value = high ? values.high : values.low
        switch self {
        case .effectSize(let lever, let effect, let size, _):
            copy.plan.mapEffects { active in
                guard active.leverID == lever, active.effect.id == effect, active.size == size else { return }
                active.size = active.size.pinned(atDecile: high ? 0.9 : 0.1)
            }
        case .backgroundRate(let lever, _):
            for d in copy.plan.districts.indices {
                for b in copy.plan.districts[d].background.indices
                where copy.plan.districts[d].background[b].leverID == lever {
                    copy.plan.districts[d].background[b].rate = value
                }
            }
        case .inProgressThreshold:
            copy.forecaster.framework.inProgressThreshold = value
        case .advancedRule:
            copy.forecaster.framework.advancedRule = .atLeast(Int(value))
        case .paceChangeVariance(let base):
            // The forecaster's variances already carry the scenario's own factor `base`.
            copy.forecaster.paceChange.commonSD *= (value / base).squareRoot()
            copy.forecaster.paceChange.ownSD *= (value / base).squareRoot()
        }
        return copy
    }
}

extension ScenarioPlan {
    /// Applies `change` to every active effect: the scenario's interventions and the background events' effects.
    fileprivate mutating func mapEffects(_ change: (inout ActiveEffect) -> Void) {
        for d in districts.indices {
            for e in districts[d].effects.indices { change(&districts[d].effects[e]) }
            for b in districts[d].background.indices {
                for e in districts[d].background[b].effects.indices { change(&districts[d].background[b].effects[e]) }
            }
        }
    }
}

extension Distribution {
    /// The 10th and 90th percentiles (a fixed size: the size twice).
    package var decileBounds: (Double, Double) {
        let z = 1.2815515655446004  // Φ⁻¹(0.9)
        switch self {
        case .fixed(let x): return (x, x)
        case .normal(let mean, let sd): return (mean - z * sd, mean + z * sd)
        case .uniform(let lo, let hi): return (lo + 0.1 * (hi - lo), hi - 0.1 * (hi - lo))
        case .elicited(let p10, _, let p90): return (p10, p90)
        }
    }

    /// The same family with no spread, at the 10th (`p` = 0.1) or 90th percentile: it draws the
    /// same random numbers as the original (a normal still takes one normal), so the projection's
    /// other draws stay paired with the baseline's.
    package func pinned(atDecile p: Double) -> Distribution {
        let x = p < 0.5 ? decileBounds.0 : decileBounds.1
        switch self {
        case .fixed: return .fixed(x)
        case .normal: return .normal(mean: x, sd: 0)
        case .uniform: return .uniform(min: x, max: x)
        case .elicited: return .elicited(p10: x, p50: x, p90: x)
        }
    }
}
