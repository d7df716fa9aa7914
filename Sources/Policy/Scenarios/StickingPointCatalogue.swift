import Forecasting
import RatingsData

/// The sticking-points file (`Scenarios/sticking-points.json`).
public struct StickingPointCatalogue: Sendable {
    /// In file order; ids unique.
    public var points: [StickingPoint]
    /// The path it was read from, where errors about it point.
    public var file: String
    /// Bundles the attribution relaxes together in every run (`"bundles"`), besides `all`.
    public var bundles: [RelaxationBundle] = []
    /// Every governance type a districts file may use (`"governanceTypes"`); nil: not checked.
    public var governanceTypes: [String]? = nil

    init(points: [StickingPoint], file: String, bundles: [RelaxationBundle] = []) {
        self.points = points
        self.file = file
        self.bundles = bundles
    }

    /// Read the sticking-points file, checking every target against `framework`, every id and
    /// bundle, and every governance against `"governanceTypes"` when given.
    public static func load(contentsOf path: String, framework: Framework) throws(Diagnostic) -> StickingPointCatalogue
    {
        let root = try JSONParser.parse(contentsOf: path)
        let top = try JSONObjectReader(root, file: path, path: "")
        try top.rejectUnknownKeys(allowed: ["description", "stickingPoints", "bundles", "governanceTypes"])
        var points: [StickingPoint] = []
        for (node, p) in try top.array("stickingPoints") {
            points.append(try decodePoint(node, path: p, file: path, framework: framework, earlier: points))
        }
        var catalogue = StickingPointCatalogue(points: points, file: path)
        catalogue.governanceTypes = try decodeGovernanceTypes(top, points: points)
        catalogue.bundles = try RelaxationBundle.decodeList(top, key: "bundles", file: path)
        try RelaxationBundle.check(catalogue.bundles, framework: framework, catalogue: catalogue)
        return catalogue
    }

    /// One entry of `"stickingPoints"`: its maximum on the framework's scale and an id of its own
    /// (not a component's name, `all` or one of the `earlier` points').
    private static func decodePoint(
        _ node: JSONNode, path p: String, file path: String, framework: Framework, earlier points: [StickingPoint]
    ) throws(Diagnostic) -> StickingPoint {
        let r = try JSONObjectReader(node, file: path, path: p)
        try r.rejectUnknownKeys(allowed: [
            "id", "description", "targets", "maximum", "governance", "districts", "exceptDistricts", "liftedBy",
        ])
        func strings(_ key: String) throws(Diagnostic) -> [String] {
            guard r.has(key) else { return [] }
            var out: [String] = []
            for (n, q) in try r.array(key) { out.append(try JSONObjectReader.string(n, file: path, path: q)) }
            return out
        }
        let maximum = try r.number("maximum")
        guard maximum >= Double(framework.minimumScore), maximum <= Double(framework.maximumScore) else {
            throw .error(
                at: r.location,
                "maximum \(maximum) is outside the scale \(framework.minimumScore)–\(framework.maximumScore)")
        }
        let id = try r.string("id")
        if let problem = NameRule.problem(id, what: "sticking point id") { throw .error(at: r.location, problem) }
        if id.isEmpty || id == RelaxationBundle.allName
            || framework.components.contains(where: { $0.shortName == id })
        {
            throw .error(
                at: r.location,
                "sticking point id \"\(id)\" is empty, \"all\" or a component's name; expected an id of its own (reports name components and ceilings side by side)"
            )
        }
        if points.contains(where: { $0.id == id }) {
            throw .error(at: r.location, "sticking point id \"\(id)\" is used twice; expected unique ids")
        }
        return StickingPoint(
            id: id, description: try r.optionalString("description") ?? "",
            targets: try LeverCatalogue.decodeTargets(
                r.node("targets"), reader: r, path: p + ".targets", framework: framework, required: true),
            maximum: maximum, governance: try strings("governance"), districts: try strings("districts"),
            exceptDistricts: try strings("exceptDistricts"), liftedBy: try strings("liftedBy"),
            location: r.location)
    }

    /// `"governanceTypes"` (nil when absent), once every point's governance is among them.
    private static func decodeGovernanceTypes(_ top: JSONObjectReader, points: [StickingPoint]) throws(Diagnostic)
        -> [String]?
    {
        guard top.has("governanceTypes") else { return nil }
        var types: [String] = []
        for (n, q) in try top.array("governanceTypes") {
            types.append(try JSONObjectReader.string(n, file: top.file, path: q))
        }
        for point in points {
            for g in point.governance where !types.contains(g) {
                throw .error(
                    at: point.location ?? SourceLocation(file: top.file),
                    "governance \"\(g)\" is not in \"governanceTypes\"\(Suggestion.didYouMean(g, among: types)); \(Suggestion.expectedOneOf(types))"
                )
            }
        }
        return types
    }
}
