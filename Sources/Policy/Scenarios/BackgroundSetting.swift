import Forecasting
import RatingsData

/// A scenario's `"background"` key: background events on (the default, at rates estimated from
/// the events file), off, or on with some rates given (events per district-year).
public enum BackgroundSetting: Equatable, Sendable {
    case on(overrides: [String: Double])
    case off

    /// The levers that happen in the background (`BackgroundEvent`), the keys a scenario may set
    /// rates for. Kept here so the scenario reader (and its fuzzer) needs nothing of the projection.
    public static let levers = ["leadership-turnover", "community-backlash", "state-takeover"]

    /// Decode `"on"`, `"off"` or `{"leadership-turnover": 0.1, …}` (keys: `levers`).
    static func decode(_ node: JSONNode?, file: String, path: String) throws(Diagnostic) -> BackgroundSetting {
        guard let node else { return .on(overrides: [:]) }
        if case .string(let word) = node.value {
            switch word {
            case "on": return .on(overrides: [:])
            case "off": return .off
            default:
                throw .error(
                    at: SourceLocation(file: file, line: node.line, column: node.column, path: path),
                    "background \"\(word)\"; expected \"on\", \"off\" or an object of rates per district-year")
            }
        }
        let r = try JSONObjectReader(node, file: file, path: path)
        try r.rejectUnknownKeys(allowed: levers)
        var rates: [String: Double] = [:]
        for lever in levers {
            guard let rate = try r.optionalNumber(lever) else { continue }
            guard rate >= 0, rate <= 10 else {
                throw .error(
                    at: r.location(of: r.node(lever)!, path: "\(path).\(lever)"),
                    "rate \(rate); expected events per district-year between 0 and 10")
            }
            rates[lever] = rate
        }
        return .on(overrides: rates)
    }
}
