import Forecasting
import RatingsData

/// The lever catalogue (`Scenarios/levers.json`).
public struct LeverCatalogue: Sendable {
    /// In file order; ids unique.
    public var levers: [Lever]
    /// The path it was read from, where errors about its levers point.
    public var file: String

    /// The lever with id `id`; nil when the catalogue has none.
    public func lever(_ id: String) -> Lever? { levers.first { $0.id == id } }

    /// Read the catalogue at `path` (see `decode`).
    public static func load(contentsOf path: String, framework: Framework) throws(Diagnostic) -> LeverCatalogue {
        try decode(try JSONParser.parse(contentsOf: path), file: path, framework: framework)
    }

    /// Decode and check every target against the framework.
    public static func decode(_ root: JSONNode, file: String, framework: Framework) throws(Diagnostic) -> LeverCatalogue
    {
        let top = try JSONObjectReader(root, file: file, path: "")
        try top.rejectUnknownKeys(allowed: ["description", "levers"])
        var levers: [Lever] = []
        for (node, path) in try top.array("levers") {
            let r = try JSONObjectReader(node, file: file, path: path)
            try r.rejectUnknownKeys(allowed: ["id", "name", "description", "reasoning", "effects", "provisions"])
            let id = try r.string("id")
            guard !levers.contains(where: { $0.id == id }) else {
                throw .error(at: r.location, "duplicate lever id \"\(id)\"")
            }
            var effects: [Effect] = []
            if r.has("effects") {
                for (e, p) in try r.array("effects") {
                    effects.append(try decodeEffect(e, file: file, path: p, framework: framework))
                }
            }
            var provisions: [Lever.Provision] = []
            if r.has("provisions") {
                for (pn, pp) in try r.array("provisions") {
                    let pr = try JSONObjectReader(pn, file: file, path: pp)
                    try pr.rejectUnknownKeys(allowed: ["id", "description", "effects"])
                    var pe: [Effect] = []
                    for (e, p) in try pr.array("effects") {
                        pe.append(try decodeEffect(e, file: file, path: p, framework: framework))
                    }
                    provisions.append(
                        .init(
                            id: try pr.string("id"), description: try pr.optionalString("description") ?? "",
                            effects: pe))
                }
            }
            let lever = Lever(
                id: id, name: try r.optionalString("name") ?? id,
                description: try r.optionalString("description") ?? "",
                reasoning: try r.optionalString("reasoning") ?? "", effects: effects, provisions: provisions)
            let ids = lever.allEffectIDs
            if let dup = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
                throw .error(
                    at: r.location, "lever \"\(id)\" has two effects with id \"\(dup)\"; expected unique effect ids")
            }
            levers.append(lever)
        }
        return LeverCatalogue(levers: levers, file: file)
    }

    static func decodeEffect(_ node: JSONNode, file: String, path: String, framework: Framework) throws(Diagnostic)
        -> Effect
    {
        let r = try JSONObjectReader(node, file: file, path: path)
        try r.rejectUnknownKeys(allowed: [
            "id", "kind", "targets", "size", "lag", "ramp", "duration", "stickingPoints", "reason", "source",
        ])
        let kindText = try r.string("kind")
        guard let kind = Effect.Kind(rawValue: kindText) else {
            throw .error(
                at: r.location(of: r.node("kind")!, path: path + ".kind"),
                "unknown effect kind \"\(kindText)\"; \(Suggestion.expectedOneOf(Effect.Kind.allCases.map(\.rawValue)))"
            )
        }
        let targets = try decodeTargets(
            r.node("targets"), reader: r, path: path + ".targets", framework: framework, required: kind != .liftCeiling)
        let size: Distribution
        if let s = r.node("size") {
            size = try Distribution.decode(s, file: file, path: path + ".size")
        } else if kind == .liftCeiling {
            size = .fixed(0)
        } else {
            throw .error(at: r.location, "missing required key \"size\" for a \(kind.rawValue) effect")
        }
        let lag = try r.optionalInteger("lag") ?? 0
        let ramp = try r.optionalInteger("ramp") ?? 1
        let duration = try r.optionalInteger("duration")
        guard lag >= 0 else { throw .error(at: r.location, "lag \(lag) is negative; expected years ≥ 0") }
        guard ramp >= 1 else { throw .error(at: r.location, "ramp \(ramp) must be at least 1 year") }
        if let duration, duration < 1 { throw .error(at: r.location, "duration \(duration) must be at least 1 year") }
        var points: [String] = []
        if r.has("stickingPoints") {
            for (n, p) in try r.array("stickingPoints") {
                points.append(try JSONObjectReader.string(n, file: file, path: p))
            }
        }
        if kind == .liftCeiling && points.isEmpty {
            throw .error(
                at: r.location, "a lift-ceiling effect needs \"stickingPoints\": the ids of the ceilings it lifts")
        }
        var effect = Effect(
            id: try r.string("id"), kind: kind, targets: targets, size: size, lag: lag, ramp: ramp,
            duration: duration, stickingPoints: points, reason: try r.optionalString("reason") ?? "",
            source: try decodeSource(r, size: size))
        effect.location = r.location
        return effect
    }

    /// An effect's `"source"`: any non-empty text ("assumed", "elicited: …", "estimated: …" or a
    /// citation); absent, "elicited" for a p10/p50/p90 size and "assumed" otherwise.
    static func decodeSource(_ r: JSONObjectReader, size: Distribution) throws(Diagnostic) -> String {
        guard let text = try r.optionalString("source") else {
            if case .elicited = size { return "elicited" }
            return "assumed"
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .error(
                at: r.location,
                "\"source\" is empty; expected \"assumed\", \"elicited: …\", \"estimated: …\" or a citation")
        }
        return text
    }

    /// `"all"`, `{"components": [...]}` or `{"elements": [...]}`, every name checked against the framework.
    static func decodeTargets(
        _ node: JSONNode?, reader: JSONObjectReader, path: String, framework: Framework,
        required: Bool
    ) throws(Diagnostic) -> Effect.Targets {
        guard let node else {
            if required { throw .error(at: reader.location, "missing required key \"targets\"") }
            return .elements([])
        }
        let file = reader.file
        if case .string(let s) = node.value {
            guard s == "all" else {
                throw .error(
                    at: reader.location(of: node, path: path),
                    "targets \"\(s)\"; expected \"all\", {\"components\": [...]} or {\"elements\": [...]}")
            }
            return .all
        }
        let t = try JSONObjectReader(node, file: file, path: path)
        try t.rejectUnknownKeys(allowed: ["components", "elements"])
        if t.has("components") {
            var names: [String] = []
            for (n, p) in try t.array("components") {
                let name = try JSONObjectReader.string(n, file: file, path: p)
                guard framework.componentIndex(name) != nil else {
                    throw .error(
                        at: t.location(of: n, path: p),
                        "unknown component \"\(name)\"; \(Suggestion.expectedOneOf(framework.components.map(\.shortName)))"
                    )
                }
                names.append(name)
            }
            return .components(names)
        }
        if t.has("elements") {
            var ids: [String] = []
            for (n, p) in try t.array("elements") {
                let id = try JSONObjectReader.string(n, file: file, path: p)
                guard framework.elementIndex(id) != nil else {
                    throw .error(
                        at: t.location(of: n, path: p),
                        "unknown element \"\(id)\"; expected an element of the framework such as \"\(framework.elements[0].id)\""
                    )
                }
                ids.append(id)
            }
            return .elements(ids)
        }
        throw .error(at: t.location, "expected \"components\" or \"elements\"")
    }
}
