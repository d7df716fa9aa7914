import Foundation
import RatingsData

/// An uncertain size: a lever's effect is a distribution, not a constant.
public enum Distribution: Equatable, Sendable, CustomStringConvertible {
    case fixed(Double)
    case normal(mean: Double, sd: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// An expert's low, likely and high values, read as the 10th, 50th and 90th percentiles of a
    /// split normal joined at the median: below p50 a normal half with sd (p50 − p10)/z, above it
    /// one with sd (p90 − p50)/z, z = Φ⁻¹(0.9). Its quantile function is p50 + sd_side · Φ⁻¹(u), so
    /// it honours all three values exactly and is skewed when they are; each half holds half the
    /// mass, so the density steps at the median when the sides differ (the price of matching
    /// three quantiles with a closed form).
    case elicited(p10: Double, p50: Double, p90: Double)

    /// Φ⁻¹(0.9).
    static let z90 = 1.2815515655446004

    /// The elicited form's two sds (below and above the median).
    static func sides(p10: Double, p50: Double, p90: Double) -> (lower: Double, upper: Double) {
        ((p50 - p10) / z90, (p90 - p50) / z90)
    }

    /// One draw of the size from `rng` (`.fixed` draws nothing from it).
    public func sample(_ rng: inout SeededGenerator) -> Double {
        switch self {
        case .fixed(let x): return x
        case .normal(let mean, let sd): return mean + sd * rng.normal()
        case .uniform(let lo, let hi): return lo + (hi - lo) * rng.uniform()
        case .elicited(let p10, let p50, let p90):
            // One normal, as `.normal` draws: z < 0 (probability ½) takes the lower side.
            let (lower, upper) = Self.sides(p10: p10, p50: p50, p90: p90)
            let z = rng.normal()
            return p50 + (z < 0 ? lower : upper) * z
        }
    }

    /// P(size ≤ x), in closed form (Φ by `erfc`).
    public func cdf(_ x: Double) -> Double {
        func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
        switch self {
        case .fixed(let v): return x < v ? 0 : 1
        case .normal(let m, let s): return s > 0 ? phi((x - m) / s) : (x < m ? 0 : 1)
        case .uniform(let lo, let hi): return hi > lo ? min(1, max(0, (x - lo) / (hi - lo))) : (x < lo ? 0 : 1)
        case .elicited(let p10, let p50, let p90):
            let (lower, upper) = Self.sides(p10: p10, p50: p50, p90: p90)
            let sd = x < p50 ? lower : upper
            return sd > 0 ? phi((x - p50) / sd) : (x < p50 ? 0 : 1)
        }
    }

    /// The expected size (the elicited form's is off its p50 when the sides differ).
    public var mean: Double {
        switch self {
        case .fixed(let x): return x
        case .normal(let m, _): return m
        case .uniform(let lo, let hi): return (lo + hi) / 2
        case .elicited(let p10, let p50, let p90):
            // E[z; z > 0] = 1/√(2π) on each half.
            let (lower, upper) = Self.sides(p10: p10, p50: p50, p90: p90)
            return p50 + (upper - lower) / (2 * Double.pi).squareRoot()
        }
    }

    /// The size in words, e.g. `normal(mean 0.5, sd 0.1)`.
    public var description: String {
        switch self {
        case .fixed(let x): return "\(x)"
        case .normal(let m, let s): return "normal(mean \(m), sd \(s))"
        case .uniform(let lo, let hi): return "uniform(\(lo) to \(hi))"
        case .elicited(let p10, let p50, let p90): return "elicited(p10 \(p10), p50 \(p50), p90 \(p90); split normal)"
        }
    }

    /// The largest magnitude a size's parameters may have. Sizes are score points, points a year
    /// or years on scales a few points wide; far beyond that, sums of effects overflow to ∞ and
    /// then NaN (found by an adversarial test: 1e308 crashed the projection).
    package static let maximumMagnitude = 1_000_000.0

    /// Decode `5`, `{"mean": m, "sd": s}`, `{"min": a, "max": b}` or `{"p10": a, "p50": b, "p90": c}`,
    /// every number within ±`maximumMagnitude`.
    package static func decode(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> Distribution {
        let d = try decodeUnchecked(node, file: file, path: path)
        let parameters: [Double]
        switch d {
        case .fixed(let x): parameters = [x]
        case .normal(let m, let s): parameters = [m, s]
        case .uniform(let lo, let hi): parameters = [lo, hi]
        case .elicited(let p10, let p50, let p90): parameters = [p10, p50, p90]
        }
        if let x = parameters.first(where: { abs($0) > maximumMagnitude }) {
            throw .error(
                at: SourceLocation(file: file, line: node.line, column: node.column, path: path.isEmpty ? nil : path),
                "size \(x) is out of range; expected numbers between −1000000 and 1000000 (points, points a year or years)"
            )
        }
        return d
    }

    static func decodeUnchecked(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> Distribution {
        if case .number(let x) = node.value { return .fixed(x) }
        let r = try JSONObjectReader(node, file: file, path: path)
        try r.rejectUnknownKeys(allowed: ["mean", "sd", "min", "max", "p10", "p50", "p90"])
        if r.has("p10") || r.has("p50") || r.has("p90") { return try decodeElicited(r) }
        switch (
            try r.optionalNumber("mean"), try r.optionalNumber("sd"), try r.optionalNumber("min"),
            try r.optionalNumber("max")
        ) {
        case (let m?, let s?, nil, nil):
            guard s >= 0 else { throw .error(at: r.location, "sd \(s) is negative; expected sd ≥ 0") }
            return .normal(mean: m, sd: s)
        case (nil, nil, let lo?, let hi?):
            guard lo <= hi else { throw .error(at: r.location, "min \(lo) is above max \(hi); expected min ≤ max") }
            return .uniform(min: lo, max: hi)
        default:
            throw .error(
                at: r.location,
                "expected a number, {\"mean\": …, \"sd\": …}, {\"min\": …, \"max\": …} or {\"p10\": …, \"p50\": …, \"p90\": …}"
            )
        }
    }

    /// `{"p10": a, "p50": b, "p90": c}` with a ≤ b ≤ c, and nothing else.
    static func decodeElicited(_ r: JSONObjectReader) throws(Diagnostic) -> Distribution {
        guard !r.has("mean"), !r.has("sd"), !r.has("min"), !r.has("max") else {
            throw .error(
                at: r.location,
                "an elicited size takes only \"p10\", \"p50\" and \"p90\"; expected no mean, sd, min or max beside them"
            )
        }
        let p10 = try r.number("p10")
        let p50 = try r.number("p50")
        let p90 = try r.number("p90")
        guard p10 <= p50, p50 <= p90 else {
            throw .error(
                at: r.location, "p10 \(p10), p50 \(p50), p90 \(p90) are out of order; expected p10 ≤ p50 ≤ p90")
        }
        return .elicited(p10: p10, p50: p50, p90: p90)
    }
}
