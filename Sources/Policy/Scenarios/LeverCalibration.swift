import Forecasting
import LinearAlgebra
import RatingsData

/// Estimates each lever's level shift and slope change from the panel's own history
/// (an interrupted time series in first differences), to set beside the catalogue's
/// assumed sizes.
///
/// For consecutive ratings of a series (district d, element e in component k) in years
/// t₀ < t₁, with Δy = y(t₁) − y(t₀) and Δt = t₁ − t₀:
///
///     Δy = Δt·(cₖ + m_d) + Σ_L jump_L · J + Σ_L change_L · S + ε
///
/// cₖ a component drift, m_d a district momentum (first district 0); for each lever L with an
/// event in district d in year Y, J = 1 when t₀ ≤ Y < t₁ (the rating step across the event)
/// and S = the number of yearly steps in (t₀, t₁] that start after Y (u − 1 ≥ Y + 1); J only
/// for the elements the lever's level effects target, S only for those its slope and stall
/// effects target. Least squares by QR; standard errors cluster-robust by district (ratings
/// of one district are not independent). An effect is reported only when identified: some
/// event of the lever falls inside the panel's years, its column is not collinear with the
/// drifts (an event before the data whose effect spans every element is absorbed by the
/// district's momentum), and at least `minimumTreatedDistricts` districts carry it: with fewer
/// clusters, cluster-robust standard errors are far too small (Cameron, Gelbach & Miller 2008,
/// "Bootstrap-based improvements for inference with clustered errors"), so no number is given.
public enum LeverCalibration {
    /// The fewest districts whose events must inform an effect before it is estimated.
    public static let minimumTreatedDistricts = 5
    /// Replicates of the wild cluster bootstrap behind every interval.
    public static var bootstrapReplicates: Int { WildClusterBootstrap.replicates }

    /// One lever's level or slope effect as the panel's history estimates it: a row of
    /// `calibration.csv`.
    public struct Estimate: Equatable, Sendable {
        /// Which of a lever's two effects is estimated (the `kind` column).
        public enum Kind: String, Sendable {
            /// The shift at the rating step across the event (points): the lever's level effects.
            case level
            /// The change of the yearly drift after the event (points per year): the lever's slope
            /// and stall effects.
            case slope
            /// Years of progress held after the event (`EventStudy`): the lever's stall effects.
            case stall
        }

        /// Whether the effect could be estimated, and why not (the `status` column, written as
        /// `description`).
        public enum Status: Equatable, Sendable, CustomStringConvertible {
            /// Its column entered the fit.
            case estimated
            /// No step between two ratings of a series it targets spans an event of the lever (a
            /// level) or comes after one (a slope): for example, every event is in the panel's last year.
            case noEventBetweenRatings
            /// Only this many districts' events inform it (fewer than `minimumTreatedDistricts`).
            case tooFewDistricts(Int)
            /// Its column adds nothing to the drifts and the levers before it.
            case collinear
            /// A stall: the treated rows' fitted pace is not positive (or too few bootstrap replicates
            /// had one), so there is no progress for a stall to hold.
            case paceNotPositive

            /// "estimated", or "not identified: " and the reason.
            public var description: String {
                switch self {
                case .estimated: return "estimated"
                case .noEventBetweenRatings:
                    return
                        "not identified: no step between two ratings of a series it targets spans or follows an event of this lever"
                case .tooFewDistricts(let n):
                    return
                        "not identified: \(n == 1 ? "only one district's events inform" : "only \(n) districts' events inform") it (fewer than \(minimumTreatedDistricts); too few clusters for its standard error)"
                case .collinear: return "not identified: collinear with the drifts and other levers"
                case .paceNotPositive:
                    return
                        "not identified: the treated districts' fitted pace is not positive, so no progress is there to hold"
                }
            }
        }

        /// The lever's id in the catalogue.
        public var lever: String
        /// A jump at the event (`level`) or a change of drift after it (`slope`).
        public var kind: Kind
        /// Points (level) or points per year (slope); nil when not identified.
        public var estimate: Double?
        /// Cluster-robust (by district) standard error of `estimate`, same units; nil when not identified.
        public var standardError: Double?
        /// 95% interval from the wild cluster bootstrap-t (`WildClusterBootstrap`), same units.
        public var interval95: ClosedRange<Double>? = nil
        /// 80% interval from the same replicates (its ends are what `--write` gives as p10 and p90).
        public var interval80: ClosedRange<Double>? = nil
        /// Districts whose events inform it.
        public var districts: Int
        /// Ratings steps that carry it.
        public var observations: Int
        /// Mean size the catalogue assumes (mean over the lever's effects of this kind); nil when it has none (stall).
        public var assumed: Double?
        /// `estimated`, or why there is no number.
        public var status: Status
    }

    /// One estimate per lever and kind of effect it has (level, then slope; levers in catalogue
    /// order), identified or not.
    /// - Throws: a located error for an event naming a lever the catalogue lacks, and an error on
    ///   the events file when the panel cannot identify the drifts or the fit fails.
    public static func run(panel: Panel, events: EventTable, levers: LeverCatalogue) throws(Diagnostic) -> [Estimate] {
        for event in events.events where levers.lever(event.lever) == nil {
            throw .error(
                at: event.location,
                "unknown lever \"\(event.lever)\"; \(Suggestion.expectedOneOf(levers.levers.map(\.id)))")
        }
        let fitted = try FittedRegression(
            panel: panel, events: events, columns: Column.candidates(levers, framework: panel.framework))
        return fitted.columns.indices.map { c in
            let column = fitted.columns[c]
            let position = fitted.position(ofColumn: c)
            var estimate = Estimate(
                lever: column.lever, kind: column.kind, estimate: position.map { fitted.fit.beta[$0] },
                standardError: position.map { fitted.fit.standardErrors[$0] },
                districts: fitted.carried.districts[c].count, observations: fitted.carried.steps[c],
                assumed: column.assumed, status: fitted.status[c])
            estimate.interval95 = fitted.interval(ofColumn: c, level: 0.95)
            estimate.interval80 = fitted.interval(ofColumn: c, level: 0.80)
            return estimate
        }
    }
}

extension Effect {
    func effect(is kind: Kind) -> Bool { self.kind == kind }
}
