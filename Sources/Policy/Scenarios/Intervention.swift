import Forecasting
import RatingsData

/// One intervention of a scenario: a lever applied to a district, districts or a state in a year.
public struct Intervention: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case district(String)
        case districts([String])
        case state(String)
    }

    public var lever: String
    public var target: Target
    public var year: Int
    /// Provisions chosen (nil: all of the lever's provisions).
    public var provisions: [String]?
    /// Effect id → size replacing the catalogue's.
    public var overrides: [String: Distribution]
    /// Where it is written, for errors found once the data is loaded.
    public var location: SourceLocation

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
