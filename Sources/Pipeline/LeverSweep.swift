import Policy
import RatingsData

/// Levers pulled by the command line rather than a scenario file (`--levers`, `--packages`):
/// which levers, at which district or state, in which year.
public struct LeverSweep: Sendable {
    /// Lever ids as given, each once.
    public let ids: [String]
    /// The district or state every lever is pulled at.
    public let target: Intervention.Target
    /// The interventions' year.
    public let year: Int
    /// The option the ids came from, for located errors (`--levers` or `--packages`).
    public let option: String

    /// Parses comma-separated lever ids from `option`; an error when none is given or one is listed twice.
    public init(ids text: String, option: String, target: Intervention.Target, year: Int) throws(Diagnostic) {
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        let at = SourceLocation(file: "command line", path: option)
        guard !ids.isEmpty else {
            throw Diagnostic.error(
                at: at,
                "no lever ids; expected comma-separated lever ids such as union-contract-change,state-legislation")
        }
        if let twice = ids.enumerated().first(where: { ids[..<$0.offset].contains($0.element) }) {
            throw Diagnostic.error(at: at, "\(twice.element) is listed twice; expected each lever once")
        }
        self.ids = ids
        self.target = target
        self.year = year
        self.option = option
    }

    /// The intervention pulling `lever`, located at the option that named it.
    func intervention(_ lever: String) -> Intervention {
        Intervention(
            lever: lever, target: target, year: year, provisions: nil, overrides: [:],
            location: SourceLocation(file: "command line", path: "\(option) \(lever)"))
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
