import Forecasting
import Foundation
import RatingsData

/// A scenario file: what to project, how far, how many draws, and which interventions.
/// See `Scenarios/README.md` for the format.
public struct Scenario: Sendable {
    /// Draws when the scenario gives no `"draws"`.
    public static let defaultDraws = 1000

    /// The path it was read from (a sweep's alternatives keep the baseline's).
    public var file: String
    /// Letters, digits, '-', '_' and '.', at most 100: it names the output folder.
    public var name: String
    /// Free text for the reader (empty when absent).
    public var description: String
    /// The panel (CSV or .xlsx). Paths: given ones are relative to the scenario file; defaults to
    /// the working directory.
    public var data: String
    /// The framework file.
    public var framework: String
    /// The districts file (states, governance); nil when `data` is given without one.
    public var districtsFile: String?
    /// The lever catalogue.
    public var levers: String
    /// The sticking-points file.
    public var stickingPoints: String
    /// Districts to project (nil: all).
    public var districts: [String]?
    /// Last year projected.
    public var horizon: Int
    /// Monte Carlo draws per district.
    public var draws: Int
    /// The seed of every draw (default 1): scenarios run with the same seed pair draw by draw.
    public var seed: UInt64
    /// Lever interventions in file order (`"relax"` ones are in `relaxations`).
    public var interventions: [Intervention]
    /// The events file (dated events: known future ones apply, past ones give background rates);
    /// nil when there is none.
    public var events: String?
    /// Background events: on (rates from the events file, some perhaps overridden) or off.
    public var background: BackgroundSetting
    /// Where `"background"` is written (the scenario's top when absent).
    var backgroundLocation: SourceLocation
    /// Where `districts` and `horizon` are written, for errors found once the data is loaded.
    public var districtsLocation: SourceLocation
    var horizonLocation: SourceLocation
    /// Bundles of sticking points the attribution relaxes together, besides the catalogue's.
    public var bundles: [RelaxationBundle] = []
    /// `"relax"` interventions: sticking points relaxed from the first projected year.
    public var relaxations: [RelaxIntervention] = []
    /// With an `.xlsx` data file: the sheet to read (nil: the first).
    public var sheet: String? = nil
    /// A retrospective run's cut (`"from": YEAR`): fit on the snapshots up to it, project from
    /// each district's latest snapshot up to it, and set what was observed after it beside the
    /// projection. Nil: a forward run from the latest data.
    public var from: Int? = nil
    /// Where `"from"` is written (the scenario's top level when it is not).
    public var fromLocation: SourceLocation? = nil
    /// Recorded events the scenario removes (`"remove": true` interventions).
    public var removals: [EventRemoval] = []
    /// `"paceChangeVariance"`: a factor on the fitted pace-change variances (both the shared and
    /// each component's own), for asking how much the spread of paces matters; 1 keeps the fit's.
    public var paceChangeVariance: Double = 1

    /// Whether the shipped, reconstructed panel is in use (its caveat must be shown).
    public var usesShippedPanel: Bool { data == DefaultPaths.data }

    /// Read and decode the scenario file at `path`.
    public static func load(contentsOf path: String) throws(Diagnostic) -> Scenario {
        try decode(try JSONParser.parse(contentsOf: path), file: path)
    }

    /// Decode a parsed scenario file; relative paths in it are taken from `file`'s folder.
    /// - Throws: a located error for any key, value or intervention not as `Scenarios/README.md` describes.
    public static func decode(_ root: JSONNode, file: String) throws(Diagnostic) -> Scenario {
        let r = try JSONObjectReader(root, file: file, path: "")
        try r.rejectUnknownKeys(allowed: [
            "name", "description", "data", "framework", "districtsFile", "levers",
            "stickingPoints", "districts", "horizon", "draws", "seed", "interventions",
            "events", "background", "bundles", "sheet", "from", "paceChangeVariance",
        ])
        let name = try decodeName(r)
        let base = (file as NSString).deletingLastPathComponent
        func relative(_ p: String) -> String {
            p.hasPrefix("/") || base.isEmpty ? p : (base as NSString).appendingPathComponent(p)
        }
        let dataGiven = try r.optionalString("data")
        let (districts, districtsLocation) = try decodeDistricts(r)
        guard let horizon = try r.optionalInteger("horizon") else {
            throw .error(at: r.location, "missing required key \"horizon\" (the last year projected)")
        }
        let (draws, seed) = try decodeDrawsAndSeed(r)
        let (interventions, relaxations, removals) = try decodeInterventions(r)
        let data = dataGiven.map(relative) ?? DefaultPaths.data
        let events = try r.optionalString("events").map(relative) ?? DefaultPaths.events(besideData: data)
        let background = try BackgroundSetting.decode(r.node("background"), file: file, path: "background")
        var scenario = Scenario(
            file: file, name: name, description: try r.optionalString("description") ?? "",
            data: data,
            framework: try r.optionalString("framework").map(relative) ?? DefaultPaths.framework,
            districtsFile: try r.optionalString("districtsFile").map(relative)
                ?? (dataGiven == nil ? DefaultPaths.districts : nil),
            levers: try r.optionalString("levers").map(relative) ?? DefaultPaths.levers,
            stickingPoints: try r.optionalString("stickingPoints").map(relative) ?? DefaultPaths.stickingPoints,
            districts: districts, horizon: horizon, draws: draws, seed: seed, interventions: interventions,
            events: events, background: background,
            backgroundLocation: r.node("background").map { r.location(of: $0, path: "background") } ?? r.location,
            districtsLocation: districtsLocation,
            horizonLocation: r.node("horizon").map { r.location(of: $0, path: "horizon") } ?? r.location)
        scenario.bundles = try RelaxationBundle.decodeList(r, key: "bundles", file: file)
        scenario.relaxations = relaxations
        scenario.removals = removals
        scenario.sheet = try r.optionalString("sheet")
        scenario.from = try r.optionalInteger("from")
        scenario.fromLocation = r.node("from").map { r.location(of: $0, path: "from") }
        scenario.paceChangeVariance = try decodePaceChangeVariance(r)
        return scenario
    }

    /// `"name"`: it names the output folder, so letters, digits, '-', '_' and '.' (not first), at
    /// most 100 characters.
    private static func decodeName(_ r: JSONObjectReader) throws(Diagnostic) -> String {
        let name = try r.string("name")
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
            !name.hasPrefix(".")
        else {
            throw .error(
                at: r.location(of: r.node("name")!, path: "name"),
                "name \"\(name)\" must be letters, digits, '-', '_' or '.' (it names the output folder)")
        }
        guard name.count <= 100 else {
            throw .error(
                at: r.location(of: r.node("name")!, path: "name"),
                "name is \(name.count) characters long; expected at most 100 (it names the output folder)")
        }
        return name
    }

    /// `"districts"` (nil when absent: all) and where it is written (the scenario's top when absent).
    private static func decodeDistricts(_ r: JSONObjectReader) throws(Diagnostic) -> (
        districts: [String]?, location: SourceLocation
    ) {
        guard let node = r.node("districts") else { return (nil, r.location) }
        var list: [String] = []
        for (n, p) in try r.array("districts") { list.append(try JSONObjectReader.string(n, file: r.file, path: p)) }
        return (list, r.location(of: node, path: "districts"))
    }

    /// `"draws"` (default `defaultDraws`, at least 1) and `"seed"` (default 1, not negative).
    private static func decodeDrawsAndSeed(_ r: JSONObjectReader) throws(Diagnostic) -> (draws: Int, seed: UInt64) {
        let draws = try r.optionalInteger("draws") ?? defaultDraws
        guard draws >= 1 else {
            throw .error(
                at: r.location(of: r.node("draws")!, path: "draws"),
                "draws \(draws); expected a positive number of Monte Carlo draws")
        }
        let seed = try r.optionalInteger("seed") ?? 1
        guard seed >= 0 else {
            throw .error(
                at: r.location(of: r.node("seed")!, path: "seed"),
                "seed \(seed) is negative; expected a whole number ≥ 0")
        }
        return (draws, UInt64(seed))
    }

    /// `"interventions"`, in order: lever interventions, and `"relax"` ones apart.
    /// `"paceChangeVariance"`: a positive, finite factor (default 1).
    private static func decodePaceChangeVariance(_ r: JSONObjectReader) throws(Diagnostic) -> Double {
        guard let factor = try r.optionalNumber("paceChangeVariance") else { return 1 }
        guard factor > 0, factor <= 100 else {
            throw .error(
                at: r.location(of: r.node("paceChangeVariance")!, path: "paceChangeVariance"),
                "\(factor) is not a factor from above 0 to 100; expected e.g. 0.5 (half the fitted variances) or 2 (double)"
            )
        }
        return factor
    }

    private static func decodeInterventions(_ r: JSONObjectReader) throws(Diagnostic) -> (
        [Intervention], [RelaxIntervention], [EventRemoval]
    ) {
        var interventions: [Intervention] = []
        var relaxations: [RelaxIntervention] = []
        var removals: [EventRemoval] = []
        guard r.has("interventions") else { return ([], [], []) }
        for (node, path) in try r.array("interventions") {
            let i = try JSONObjectReader(node, file: r.file, path: path)
            if i.has("relax") {
                relaxations.append(try RelaxIntervention.decode(i, file: r.file))
            } else if i.has("remove") {
                removals.append(try EventRemoval.decode(i))
            } else {
                interventions.append(try Intervention.decode(i, file: r.file))
            }
        }
        return (interventions, relaxations, removals)
    }
}

extension Intervention {
    /// One lever intervention of a scenario's `"interventions"`.
    static func decode(_ i: JSONObjectReader, file: String) throws(Diagnostic) -> Intervention {
        try i.rejectUnknownKeys(allowed: [
            "lever", "district", "districts", "state", "year", "provisions", "overrides", "note",
        ])
        let target = try decodeTarget(i, file: file)
        guard let year = try i.optionalInteger("year") else {
            throw .error(at: i.location, "missing required key \"year\"")
        }
        let provisions = try decodeProvisions(i, file: file)
        let overrides = try decodeOverrides(i, file: file)
        return Intervention(
            lever: try i.string("lever"), target: target, year: year,
            provisions: provisions, overrides: overrides, location: i.location)
    }

    /// `"provisions"`: nil when absent (all of them); otherwise not empty, each listed once.
    private static func decodeProvisions(_ i: JSONObjectReader, file: String) throws(Diagnostic) -> [String]? {
        guard i.has("provisions") else { return nil }
        var list: [String] = []
        for (n, p) in try i.array("provisions") {
            let id = try JSONObjectReader.string(n, file: file, path: p)
            guard !list.contains(id) else {
                throw .error(at: i.location, "provision \"\(id)\" is listed twice; expected each once")
            }
            list.append(id)
        }
        guard !list.isEmpty else {
            throw .error(
                at: i.location,
                "\"provisions\" is empty; expected at least one (leave the key out for all of them)")
        }
        return list
    }

    /// `"overrides"`: effect id → size (empty when absent).
    private static func decodeOverrides(_ i: JSONObjectReader, file: String) throws(Diagnostic)
        -> [String: Distribution]
    {
        var overrides: [String: Distribution] = [:]
        if let o = try i.optionalObject("overrides") {
            if case .object(let members) = o.node.value {
                for (key, value) in members {
                    overrides[key] = try Distribution.decode(value, file: file, path: "\(i.path).overrides.\(key)")
                }
            }
        }
        return overrides
    }
}
