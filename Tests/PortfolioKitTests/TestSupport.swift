import Foundation
import TestSupport

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Paths of the repository and its fixtures, found from this source file so
/// tests run from any working directory.
enum Paths {
    static let repository = Repository.root
    static func shipped(_ name: String) -> String { repository + "/Scenarios/data/" + name }
    static func fixture(_ name: String) -> String { repository + "/Tests/PortfolioKitTests/Fixtures/" + name }
}

/// The shipped framework and panel, loaded once.
enum Shipped {
    static let framework: Framework = try! Framework.load(contentsOf: Paths.shipped("framework.json"))
    static let loaded: PanelLoader.Result = try! PanelLoader.load(
        path: Paths.shipped("portfolio-snapshots.csv"), framework: framework,
        districtsPath: Paths.shipped("districts.csv"))
    static let description = PanelDescription(loaded.panel)
}

/// Parse a panel given as text against `framework`, as if it were the file `file`.
func parsePanel(
    _ text: String, framework: Framework, file: String = "panel.csv",
    districts: String? = nil
) throws(Diagnostic) -> PanelLoader.Result {
    let table = try districts.map { (d: String) throws(Diagnostic) in
        try DistrictTable.parse(Array(d.utf8), file: "districts.csv")
    }
    return try PanelLoader.parse(Array(text.utf8), file: file, framework: framework, districtTable: table)
}

/// The diagnostic thrown by `body`, or nil when it did not throw.
func diagnostic(_ body: () throws(Diagnostic) -> Void) -> Diagnostic? {
    do {
        try body()
        return nil
    } catch { return error }
}

/// A scenario on the shipped data and catalogues, written to a temporary file and prepared:
/// `keys` are extra JSON members (`"draws": 50, "interventions": [...]`), joined after the paths.
func shippedScenario(_ keys: String, name: String = "s", horizon: Int = 2026) throws -> ScenarioRun {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("s.json").path
    let json = """
        {"name": "\(name)", "horizon": \(horizon), "data": "\(Paths.shipped("portfolio-snapshots.csv"))",
         "districtsFile": "\(Paths.shipped("districts.csv"))", "framework": "\(Paths.shipped("framework.json"))",
         "levers": "\(Paths.repository)/Scenarios/levers.json",
         "stickingPoints": "\(Paths.repository)/Scenarios/sticking-points.json"\(keys.isEmpty ? "" : ", " + keys)}
        """
    try json.write(toFile: file, atomically: true, encoding: .utf8)
    return try ScenarioRun.prepare(file)
}
