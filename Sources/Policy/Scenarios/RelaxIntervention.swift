import Forecasting
import RatingsData

/// A `"relax"` intervention: `{"relax": {"stickingPoints": ["Autonomy"], "extraPace": 0.12},
/// "district": "Chicago"}` — the scenario form of what the attribution reports, so anyone can
/// check a "what it would take" figure. From the district's first projected year each named
/// component moves at its own pace plus `extraPace` points a year with no ceiling on its
/// elements, and each named ceiling is lifted.
public struct RelaxIntervention: Equatable, Sendable {
    /// Component short names and ceiling ids, each once (checked when the plan is resolved).
    public var stickingPoints: [String]
    /// Points per year on top of the components' own paces (0 when only ceilings are named).
    public var extraPace: Double
    /// The districts relaxed.
    public var target: Intervention.Target
    /// Where it is written, for errors found once the framework and catalogue are loaded.
    public var location: SourceLocation

    static func decode(_ i: JSONObjectReader, file: String) throws(Diagnostic) -> RelaxIntervention {
        try i.rejectUnknownKeys(allowed: ["relax", "district", "districts", "state", "note"])
        let relax = try JSONObjectReader(i.node("relax")!, file: file, path: i.path + ".relax")
        try relax.rejectUnknownKeys(allowed: ["stickingPoints", "extraPace"])
        var names: [String] = []
        for (n, p) in try relax.array("stickingPoints") {
            names.append(try JSONObjectReader.string(n, file: file, path: p))
        }
        guard !names.isEmpty else {
            throw .error(at: relax.location, "\"stickingPoints\" is empty; expected at least one component or ceiling")
        }
        let extra = try relax.optionalNumber("extraPace") ?? 0
        guard extra.isFinite, extra >= 0, extra <= 10 else {
            throw .error(at: relax.location, "extraPace \(extra); expected points a year between 0 and 10")
        }
        return RelaxIntervention(
            stickingPoints: names, extraPace: extra, target: try Intervention.decodeTarget(i, file: file),
            location: i.location)
    }
}

extension Intervention {
    /// Exactly one of `"district"`, `"districts"` or `"state"`.
    static func decodeTarget(_ i: JSONObjectReader, file: String) throws(Diagnostic) -> Target {
        let targets = ["district", "districts", "state"].filter { i.has($0) }
        guard targets.count == 1 else {
            throw .error(at: i.location, "expected exactly one of \"district\", \"districts\" or \"state\"")
        }
        switch targets[0] {
        case "district": return .district(try i.string("district"))
        case "state": return .state(try i.string("state"))
        default:
            var list: [String] = []
            for (n, p) in try i.array("districts") { list.append(try JSONObjectReader.string(n, file: file, path: p)) }
            return .districts(list)
        }
    }
}
