import Forecasting
import Foundation
import RatingsData

/// A scenario file: what to project, how far, how many draws, and which interventions.
/// See `Scenarios/README.md` for the format.
public struct Scenario: Sendable {
    public static let defaultDraws = 1000

    public var file: String
    public var name: String
    public var description: String
    /// Paths: given ones are relative to the scenario file; defaults to the working directory.
    public var data: String
    public var framework: String
    public var districtsFile: String?
    public var levers: String
    public var stickingPoints: String
    /// Districts to project (nil: all).
    public var districts: [String]?
    /// Last year projected.
    public var horizon: Int
    public var draws: Int
    public var seed: UInt64
    public var interventions: [Intervention]
    /// The events file (dated events: known future ones apply, past ones give background rates);
    /// nil when there is none.
    public var events: String?
    /// Background events: on (rates from the events file, some perhaps overridden) or off.
    public var background: BackgroundSetting
    public var backgroundLocation: SourceLocation
    /// Where `districts` and `horizon` are written, for errors found once the data is loaded.
    public var districtsLocation: SourceLocation
    public var horizonLocation: SourceLocation
    /// Bundles of sticking points the attribution relaxes together, besides the catalogue's.
    public var bundles: [RelaxationBundle] = []
    /// `"relax"` interventions: sticking points relaxed from the first projected year.
    public var relaxations: [RelaxIntervention] = []
    /// With an `.xlsx` data file: the sheet to read (nil: the first).
    public var sheet: String? = nil

    /// Whether the shipped, reconstructed panel is in use (its caveat must be shown).
    public var usesShippedPanel: Bool { data == DefaultPaths.data }

    public static func load(contentsOf path: String) throws(Diagnostic) -> Scenario {
        try decode(try JSONParser.parse(contentsOf: path), file: path)
    }

    public static func decode(_ root: JSONNode, file: String) throws(Diagnostic) -> Scenario {
        let r = try JSONObjectReader(root, file: file, path: "")
        try r.rejectUnknownKeys(allowed: [
            "name", "description", "data", "framework", "districtsFile", "levers",
            "stickingPoints", "districts", "horizon", "draws", "seed", "interventions",
            "events", "background", "bundles", "sheet",
        ])
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
        let base = (file as NSString).deletingLastPathComponent
        func relative(_ p: String) -> String {
            p.hasPrefix("/") || base.isEmpty ? p : (base as NSString).appendingPathComponent(p)
        }
        let dataGiven = try r.optionalString("data")
        var districts: [String]?
        var districtsLocation = r.location
        if let node = r.node("districts") {
            districtsLocation = r.location(of: node, path: "districts")
            var list: [String] = []
            for (n, p) in try r.array("districts") { list.append(try JSONObjectReader.string(n, file: file, path: p)) }
            districts = list
        }
        guard let horizon = try r.optionalInteger("horizon") else {
            throw .error(at: r.location, "missing required key \"horizon\" (the last year projected)")
        }
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

        var interventions: [Intervention] = []
        var relaxations: [RelaxIntervention] = []
        if r.has("interventions") {
            for (node, path) in try r.array("interventions") {
                let i = try JSONObjectReader(node, file: file, path: path)
                if i.has("relax") {
                    relaxations.append(try RelaxIntervention.decode(i, file: file))
                    continue
                }
                try i.rejectUnknownKeys(allowed: [
                    "lever", "district", "districts", "state", "year", "provisions", "overrides", "note",
                ])
                let target = try Intervention.decodeTarget(i, file: file)
                guard let year = try i.optionalInteger("year") else {
                    throw .error(at: i.location, "missing required key \"year\"")
                }
                var provisions: [String]?
                if i.has("provisions") {
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
                    provisions = list
                }
                var overrides: [String: Distribution] = [:]
                if let o = try i.optionalObject("overrides") {
                    if case .object(let members) = o.node.value {
                        for (key, value) in members {
                            overrides[key] = try Distribution.decode(
                                value, file: file, path: "\(path).overrides.\(key)")
                        }
                    }
                }
                interventions.append(
                    Intervention(
                        lever: try i.string("lever"), target: target, year: year,
                        provisions: provisions, overrides: overrides, location: i.location))
            }
        }
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
            districts: districts, horizon: horizon, draws: draws, seed: UInt64(seed), interventions: interventions,
            events: events, background: background,
            backgroundLocation: r.node("background").map { r.location(of: $0, path: "background") } ?? r.location,
            districtsLocation: districtsLocation,
            horizonLocation: r.node("horizon").map { r.location(of: $0, path: "horizon") } ?? r.location)
        scenario.bundles = try RelaxationBundle.decodeList(r, key: "bundles", file: file)
        scenario.relaxations = relaxations
        scenario.sheet = try r.optionalString("sheet")
        return scenario
    }
}
