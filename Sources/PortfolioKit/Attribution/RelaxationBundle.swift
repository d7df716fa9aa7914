/// Sticking points relaxed together (`"bundles"` in a scenario or the sticking-points file):
/// component short names and ceiling ids. A component is relaxed to the benchmark with no
/// ceiling on its elements; a ceiling is lifted. A ceiling that does not hold in a district is
/// skipped there.
public struct RelaxationBundle: Equatable, Sendable {
    /// Every sticking point that holds in the district.
    public static let allName = "all"

    public var name: String
    public var stickingPoints: [String]
    /// Where it is written, for errors found once the framework and catalogue are loaded.
    public var location: SourceLocation?
    /// Where each sticking point's name is written (empty when built in code).
    public var pointLocations: [SourceLocation] = []

    public init(name: String, stickingPoints: [String], location: SourceLocation? = nil) {
        self.name = name
        self.stickingPoints = stickingPoints
        self.location = location
    }

    /// Read a `"bundles"` array: objects with `name` and `stickingPoints`.
    static func decodeList(_ reader: JSONObjectReader, key: String, file: String) throws(Diagnostic) -> [RelaxationBundle] {
        guard reader.has(key) else { return [] }
        var out: [RelaxationBundle] = []
        for (node, path) in try reader.array(key) {
            let b = try JSONObjectReader(node, file: file, path: path)
            try b.rejectUnknownKeys(allowed: ["name", "stickingPoints", "note"])
            var bundle = RelaxationBundle(name: try b.string("name"), stickingPoints: [], location: b.location)
            for (n, p) in try b.array("stickingPoints") {
                bundle.stickingPoints.append(try JSONObjectReader.string(n, file: file, path: p))
                bundle.pointLocations.append(b.location(of: n, path: p))
            }
            out.append(bundle)
        }
        return out
    }

    /// Check every bundle's name (unique, not `all`, not empty) and sticking points (a component's
    /// short name or a catalogue ceiling id, each once).
    static func check(_ bundles: [RelaxationBundle], framework: Framework,
                      catalogue: StickingPointCatalogue) throws(Diagnostic) {
        let components = framework.components.map(\.shortName), ceilings = catalogue.points.map(\.id)
        var names: Set<String> = []
        for b in bundles {
            let at = b.location ?? SourceLocation(file: catalogue.file)
            guard !b.name.isEmpty, b.name != allName, names.insert(b.name).inserted else {
                throw .error(at: at, "bundle name \"\(b.name)\" is empty, reserved (\"all\") or used twice; expected a new name")
            }
            guard !b.stickingPoints.isEmpty else { throw .error(at: at, "bundle \"\(b.name)\" names no sticking point") }
            var seen: Set<String> = []
            for (j, p) in b.stickingPoints.enumerated() {
                let at = j < b.pointLocations.count ? b.pointLocations[j] : at
                guard components.contains(p) || ceilings.contains(p) else {
                    throw .error(at: at, "bundle \"\(b.name)\": unknown sticking point \"\(p)\"; expected a component (\(components.joined(separator: ", "))) or a ceiling (\(ceilings.joined(separator: ", ")))")
                }
                guard seen.insert(p).inserted else { throw .error(at: at, "bundle \"\(b.name)\" names \"\(p)\" twice") }
            }
        }
    }
}
