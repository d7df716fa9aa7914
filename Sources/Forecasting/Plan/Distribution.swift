import RatingsData

/// An uncertain size: a lever's effect is a distribution, not a constant.
public enum Distribution: Equatable, Sendable, CustomStringConvertible {
    case fixed(Double)
    case normal(mean: Double, sd: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)

    public func sample(_ rng: inout SeededGenerator) -> Double {
        switch self {
        case .fixed(let x): return x
        case .normal(let mean, let sd): return mean + sd * rng.normal()
        case .uniform(let lo, let hi): return lo + (hi - lo) * rng.uniform()
        }
    }

    public var mean: Double {
        switch self {
        case .fixed(let x): return x
        case .normal(let m, _): return m
        case .uniform(let lo, let hi): return (lo + hi) / 2
        }
    }

    public var description: String {
        switch self {
        case .fixed(let x): return "\(x)"
        case .normal(let m, let s): return "normal(mean \(m), sd \(s))"
        case .uniform(let lo, let hi): return "uniform(\(lo) to \(hi))"
        }
    }

    /// Decode `5`, `{"mean": m, "sd": s}` or `{"min": a, "max": b}`.
    package static func decode(_ node: JSONNode, file: String, path: String) throws(Diagnostic) -> Distribution {
        if case .number(let x) = node.value { return .fixed(x) }
        let r = try JSONObjectReader(node, file: file, path: path)
        try r.rejectUnknownKeys(allowed: ["mean", "sd", "min", "max"])
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
            throw .error(at: r.location, "expected a number, {\"mean\": …, \"sd\": …} or {\"min\": …, \"max\": …}")
        }
    }
}
