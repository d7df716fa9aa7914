import Forecasting
import RatingsData

/// One intervention of a scenario: a lever applied to a district, districts or a state in a year.
public struct Intervention: Equatable, Sendable {
    /// The districts a lever applies to: one, a list, or every district of a state (matched exactly).
    public enum Target: Equatable, Sendable {
        case district(String)
        case districts([String])
        case state(String)
    }

    /// A lever id of the catalogue.
    public var lever: String
    /// Each district it names must be in the panel, once.
    public var target: Target
    /// The year the lever is pulled (effects start `lag` years later); after each target
    /// district's latest snapshot, no later than the horizon.
    public var year: Int
    /// Provisions chosen (nil: all of the lever's provisions).
    public var provisions: [String]?
    /// Effect id → size replacing the catalogue's.
    public var overrides: [String: Distribution]
    /// Where it is written, for errors found once the data is loaded.
    public var location: SourceLocation

    /// An intervention built in code (a lever sweep's); `location` is where errors about it point.
    public init(
        lever: String, target: Target, year: Int, provisions: [String]? = nil,
        overrides: [String: Distribution] = [:], location: SourceLocation
    ) {
        self.lever = lever
        self.target = target
        self.year = year
        self.provisions = provisions
        self.overrides = overrides
        self.location = location
    }
}
