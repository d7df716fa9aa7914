/// A sticking point as data: a ceiling on some elements that holds in a district until a
/// lever lifts it (DOMAIN.md §6). A ceiling never pushes a rating down: a rating already
/// above it may not rise further, one below it may rise only up to it.
public struct StickingPoint: Equatable, Sendable {
    public var id: String
    public var description: String
    public var targets: Effect.Targets
    /// The cap, on the framework's scale.
    public var maximum: Double
    /// Governance types (from the districts file) where it holds.
    public var governance: [String]
    /// Districts where it holds whatever their governance.
    public var districts: [String]
    /// Districts exempt (the public record shows the ceiling already lifted), with the reason in `description`.
    public var exceptDistricts: [String]
    /// Levers that lift it: each must have a lift-ceiling effect naming it (checked against the
    /// lever catalogue; the effects do the lifting).
    public var liftedBy: [String]
    /// Where it is written, for errors found once the panel and levers are loaded.
    public var location: SourceLocation? = nil

    /// Whether it holds in `district` at the start of a projection.
    public func applies(to district: DistrictInfo) -> Bool {
        if exceptDistricts.contains(district.name) { return false }
        if districts.contains(district.name) { return true }
        return district.governance.map { governance.contains($0) } ?? false
    }
}

/// The sticking-points file (`Scenarios/sticking-points.json`).
public struct StickingPointCatalogue: Sendable {
    public var points: [StickingPoint]
    public var file: String
    /// Bundles the attribution relaxes together in every run (`"bundles"`), besides `all`.
    public var bundles: [RelaxationBundle] = []
    /// Every governance type a districts file may use (`"governanceTypes"`); nil: not checked.
    public var governanceTypes: [String]? = nil

    public init(points: [StickingPoint], file: String, bundles: [RelaxationBundle] = []) {
        self.points = points
        self.file = file
        self.bundles = bundles
    }

    public static func load(contentsOf path: String, framework: Framework) throws(Diagnostic) -> StickingPointCatalogue {
        let root = try JSONParser.parse(contentsOf: path)
        let top = try JSONObjectReader(root, file: path, path: "")
        try top.rejectUnknownKeys(allowed: ["description", "stickingPoints", "bundles", "governanceTypes"])
        var points: [StickingPoint] = []
        for (node, p) in try top.array("stickingPoints") {
            let r = try JSONObjectReader(node, file: path, path: p)
            try r.rejectUnknownKeys(allowed: ["id", "description", "targets", "maximum", "governance", "districts", "exceptDistricts", "liftedBy"])
            func strings(_ key: String) throws(Diagnostic) -> [String] {
                guard r.has(key) else { return [] }
                var out: [String] = []
                for (n, q) in try r.array(key) { out.append(try JSONObjectReader.string(n, file: path, path: q)) }
                return out
            }
            let maximum = try r.number("maximum")
            guard maximum >= Double(framework.minimumScore), maximum <= Double(framework.maximumScore) else {
                throw .error(at: r.location, "maximum \(maximum) is outside the scale \(framework.minimumScore)–\(framework.maximumScore)")
            }
            let id = try r.string("id")
            if let problem = NameRule.problem(id, what: "sticking point id") { throw .error(at: r.location, problem) }
            if id.isEmpty || id == RelaxationBundle.allName || framework.components.contains(where: { $0.shortName == id }) {
                throw .error(at: r.location, "sticking point id \"\(id)\" is empty, \"all\" or a component's name; expected an id of its own (reports name components and ceilings side by side)")
            }
            if points.contains(where: { $0.id == id }) {
                throw .error(at: r.location, "sticking point id \"\(id)\" is used twice; expected unique ids")
            }
            points.append(StickingPoint(
                id: id, description: try r.optionalString("description") ?? "",
                targets: try LeverCatalogue.decodeTargets(r.node("targets"), reader: r, path: p + ".targets", framework: framework, required: true),
                maximum: maximum, governance: try strings("governance"), districts: try strings("districts"),
                exceptDistricts: try strings("exceptDistricts"), liftedBy: try strings("liftedBy"), location: r.location))
        }
        var catalogue = StickingPointCatalogue(points: points, file: path)
        if top.has("governanceTypes") {
            var types: [String] = []
            for (n, q) in try top.array("governanceTypes") { types.append(try JSONObjectReader.string(n, file: path, path: q)) }
            catalogue.governanceTypes = types
            for point in points {
                for g in point.governance where !types.contains(g) {
                    throw .error(at: point.location ?? SourceLocation(file: path), "governance \"\(g)\" is not in \"governanceTypes\"\(Suggestion.didYouMean(g, among: types)); \(Suggestion.expectedOneOf(types))")
                }
            }
        }
        catalogue.bundles = try RelaxationBundle.decodeList(top, key: "bundles", file: path)
        try RelaxationBundle.check(catalogue.bundles, framework: framework, catalogue: catalogue)
        return catalogue
    }
}
