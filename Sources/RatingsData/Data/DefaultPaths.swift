import Foundation

/// Where the shipped inputs live, relative to the repository root: the one place the library
/// and the command line take their default paths from.
public enum DefaultPaths {
    /// The shipped panel (long CSV: district,year,element,score).
    public static let data = "Scenarios/data/portfolio-snapshots.csv"
    /// The shipped framework: CRPE's 7 components, 36 elements and 1–5 scale.
    public static let framework = "Scenarios/data/framework.json"
    /// The shipped districts file (district,state,governance) for the shipped panel.
    public static let districts = "Scenarios/data/districts.csv"
    /// The shipped events file (district,date,lever,note), for calibration and background rates.
    public static let events = "Scenarios/data/events.csv"
    /// The shipped lever catalogue that scenarios name levers from.
    public static let levers = "Scenarios/levers.json"
    /// The shipped sticking points (ceilings that hold until a lever lifts them).
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
