import Forecasting
import RatingsData

/// "What it would take" (`what-it-would-take.csv`): the smallest extra pace on a component or a
/// bundle that makes the district advanced by the target year in at least half the draws.
public struct PaceRequirement: Equatable, Sendable {
    /// The district's name.
    public var district: String
    /// A component short name or a bundle name.
    public var relaxed: String
    /// The year P(advanced) is measured at: `--target-year`, capped at the horizon (the horizon
    /// when not given).
    public var targetYear: Int
    /// Points a year on top of the relaxed components' own paces (in hundredths, the search's
    /// resolution), with the ceilings on their elements and the bundle's ceilings lifted; nil when not reachable.
    public var requiredPace: Double?
    /// The relaxed components' fitted pace (their mean for a bundle), points a year; nil when
    /// the bundle relaxes no component in the district (ceilings only).
    public var ownPace: Double?
    /// Whether the extra pace that brings each relaxed component to the network's fastest
    /// fitted pace reaches P ≥ 0.5; when it does not, the search stops there.
    public var reachable: Bool
    /// P(advanced by the target year) at the required pace (at the bound when not reachable).
    public var pAtRequired: Double
    /// P(advanced by the target year) as projected, nothing relaxed.
    public var pUnrelaxed: Double

    /// The probability the search aims at.
    public static let targetProbability = 0.5
}
