import Forecasting
import RatingsData

/// Sticking points relaxed together (`"bundles"` in a scenario or the sticking-points file):
/// component short names and ceiling ids. A component is relaxed to the benchmark with no
/// ceiling on its elements; a ceiling is lifted. A ceiling that does not hold in a district is
/// skipped there.
public struct RelaxationBundle: Equatable, Sendable {
    /// Every sticking point that holds in the district.
    public static let allName = "all"

    /// Names its rows in the reports: not empty, not `all`, no sticking point's name, unique.
    public var name: String
    /// Component short names and ceiling ids, each once (checked against the framework and catalogue).
    public var stickingPoints: [String]
    /// Where it is written, for errors found once the framework and catalogue are loaded.
    public var location: SourceLocation?
    /// Where each sticking point's name is written (empty when built in code).
    public var pointLocations: [SourceLocation] = []

    init(name: String, stickingPoints: [String], location: SourceLocation? = nil) {
        self.name = name
        self.stickingPoints = stickingPoints
        self.location = location
    }

    /// Read a `"bundles"` array: objects with `name` and `stickingPoints`.
    static func decodeList(_ reader: JSONObjectReader, key: String, file: String) throws(Diagnostic)
        -> [RelaxationBundle]
    {
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
}
