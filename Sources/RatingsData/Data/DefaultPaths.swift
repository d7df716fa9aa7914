import Foundation

/// Where the shipped inputs live, relative to the repository root: the one place the library
/// and the command line take their default paths from.
public enum DefaultPaths {
    public static let data = "Scenarios/data/portfolio-snapshots.csv"
    public static let framework = "Scenarios/data/framework.json"
    public static let districts = "Scenarios/data/districts.csv"
    public static let events = "Scenarios/data/events.csv"
    public static let levers = "Scenarios/levers.json"
    public static let stickingPoints = "Scenarios/sticking-points.json"
    /// The events file's name beside a data file.
    public static let eventsFileName = "events.csv"

    /// `events.csv` beside the data file at `data`, if there is one (a regular file).
    public static func events(besideData data: String) -> String? {
        let base = (data as NSString).deletingLastPathComponent
        let path = base.isEmpty ? eventsFileName : (base as NSString).appendingPathComponent(eventsFileName)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? path : nil
    }
}
