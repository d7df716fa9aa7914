import Forecasting
import LinearAlgebra
import RatingsData

/// Each lever's effect by years since its event, from the panel's history: the first-difference
/// regression of `LeverCalibration` with, instead of one jump and one slope, one column per
/// event-time bin. A yearly rating step into year u is at event time e = u − Y − 1 for an event
/// in year Y: e = 0 is the step across the event, e < 0 steps before it (leads: near zero when
/// the districts were not already diverging), and the last bin takes every year from 3 on. Each
/// coefficient is the change, in points, of a yearly step at that event time beyond the
/// component drift and district momentum. Intervals: the wild cluster bootstrap-t.
///
/// A lever the catalogue models as a stall gets its length in years: the progress lost in the
/// event year's step and the two after, over the mean yearly pace the regression fits for the
/// treated rows, −(D₀ + D₁ + D₂) / pace; its interval is the bootstrap replicates' percentiles.
public enum EventStudy {
    /// The event-time bins (the last is "3 or more").
    public static let bins = [-2, -1, 0, 1, 2, 3]

    /// Event time `e`'s bin, or nil before the first.
    static func bin(_ e: Int) -> Int? { e < bins[0] ? nil : min(e, bins[bins.count - 1]) }

    /// One lever's coefficient at one event-time bin: a row of event-study.csv.
    public struct Row: Equatable, Sendable {
        /// The lever's id in the catalogue.
        public var lever: String
        /// Years since the event year's step (the last bin: that many or more).
        public var eventTime: Int
        /// Points added to a yearly step at that event time; nil when not identified.
        public var estimate: Double?
        /// 95% wild cluster bootstrap-t interval.
        public var interval95: ClosedRange<Double>?
        /// Districts whose steps carry the column.
        public var districts: Int
        /// Rating steps that carry it.
        public var observations: Int
        /// Estimated, or why not.
        public var status: LeverCalibration.Estimate.Status
    }

    /// A stall's length as the event study estimates it.
    public struct Stall: Equatable, Sendable {
        /// The lever's id.
        public var lever: String
        /// Years of progress held, −(D₀ + D₁ + D₂) / pace.
        public var years: Double
        /// The mean yearly pace (points) of the treated rows, from the fitted drifts and momenta.
        public var pace: Double
        /// 80% and 95% percentile intervals from the bootstrap replicates.
        public var interval80: ClosedRange<Double>
        /// See `interval80`.
        public var interval95: ClosedRange<Double>
        /// Districts whose steps carry D₀, D₁ or D₂.
        public var districts: Int
        /// Rating steps that carry them.
        public var observations: Int

        /// The stall as a row of calibration.csv (kind `stall`, years), beside the catalogue's mean length.
        public func estimate(assumed: Double?) -> LeverCalibration.Estimate {
            var e = LeverCalibration.Estimate(
                lever: lever, kind: .stall, estimate: years, standardError: nil, districts: districts,
                observations: observations, assumed: assumed, status: .estimated)
            e.interval80 = interval80
            e.interval95 = interval95
            return e
        }
    }

    /// The event study of every lever with events, and the stall length of each lever the
    /// catalogue models as a stall (when its three first post-event bins are identified and the
    /// treated rows' pace is positive).
    /// - Throws: as `LeverCalibration.run`.
    public static func run(panel: Panel, events: EventTable, levers: LeverCatalogue) throws(Diagnostic) -> (
        rows: [Row], stalls: [Stall]
    ) {
        let columns = Self.columns(levers, framework: panel.framework)
        let stallLevers = levers.levers.filter { $0.effects(provisions: nil).contains { $0.kind == .stall } }
        var plans: [StallPlan] = []
        let fitted = try LeverCalibration.FittedRegression(panel: panel, events: events, columns: columns) {
            regression, kept in
            plans = stallLevers.compactMap {
                StallPlan(lever: $0.id, columns: columns, kept: kept, regression: regression)
            }
            return plans.map { plan in { plan.years($0) } }
        }
        let (fit, carried, regression) = (fitted.fit, fitted.carried, fitted.regression)
        let rows = columns.indices.map { c in
            Row(
                lever: columns[c].lever, eventTime: columns[c].eventTime!,
                estimate: fitted.position(ofColumn: c).map { fit.beta[$0] },
                interval95: fitted.interval(ofColumn: c, level: 0.95), districts: carried.districts[c].count,
                observations: carried.steps[c], status: fitted.status[c])
        }
        let stalls = plans.enumerated().compactMap { i, plan -> Stall? in
            let years = plan.years(fit.beta)
            guard years.isFinite, let i80 = fitted.bootstrap.percentile(i, level: 0.8),
                let i95 = fitted.bootstrap.percentile(i, level: 0.95)
            else { return nil }
            let post = columns.indices.filter {
                columns[$0].lever == plan.lever && (0...2).contains(columns[$0].eventTime!)
            }
            return Stall(
                lever: plan.lever, years: years, pace: plan.pace(fit.beta), interval80: i80, interval95: i95,
                districts: post.reduce(into: Set<Int>()) { $0.formUnion(carried.districts[$1]) }.count,
                observations: regression.rows.filter { row in post.contains { row[regression.fixedCount + $0] != 0 } }
                    .count)
        }
        return (rows, stalls)
    }

    /// calibration.csv's `stall` row of each lever the catalogue models as a stall: its estimate,
    /// or why there is none (the first of its three post-event bins not estimated, else a pace
    /// that is not positive).
    public static func stallRows(
        _ study: (rows: [Row], stalls: [Stall]), levers: LeverCatalogue, assumed: (Lever) -> Double?
    ) -> [LeverCalibration.Estimate] {
        levers.levers.filter { $0.effects(provisions: nil).contains { $0.kind == .stall } }.map { lever in
            if let stall = study.stalls.first(where: { $0.lever == lever.id }) {
                return stall.estimate(assumed: assumed(lever))
            }
            let post = study.rows.filter { $0.lever == lever.id && (0...2).contains($0.eventTime) }
            let blocking = post.first { $0.status != .estimated }
            return LeverCalibration.Estimate(
                lever: lever.id, kind: .stall, estimate: nil, standardError: nil,
                districts: blocking?.districts ?? post.map(\.districts).max() ?? 0,
                observations: post.reduce(0) { $0 + $1.observations }, assumed: assumed(lever),
                status: blocking?.status ?? .paceNotPositive)
        }
    }

    /// One column per lever with effects on ratings and per bin, levers in catalogue order.
    static func columns(_ levers: LeverCatalogue, framework fw: Framework) -> [LeverCalibration.Column] {
        levers.levers.flatMap { lever -> [LeverCalibration.Column] in
            let effects = lever.effects(provisions: nil).filter { $0.kind != .liftCeiling }
            let elements = Set(effects.flatMap { $0.targets.elementIndices(in: fw) })
            guard !elements.isEmpty else { return [] }
            return bins.map {
                LeverCalibration.Column(lever: lever.id, kind: .slope, elements: elements, assumed: nil, eventTime: $0)
            }
        }
    }

    /// How a stall's length is read from a coefficient vector (the fit's, or a replicate's).
    struct StallPlan {
        let lever: String
        /// Positions (in the fit's columns) of D₀, D₁, D₂.
        let lost: [Int]
        /// Mean over the treated rows of each fit column's regressor per year (the fixed columns
        /// only): their dot product with β is the mean yearly pace.
        let paceWeights: [Double]

        init?(lever: String, columns: [LeverCalibration.Column], kept: [Int], regression: LeverCalibration.Regression) {
            let post = [0, 1, 2].map { bin in
                columns.firstIndex { $0.lever == lever && $0.eventTime == bin }.flatMap {
                    kept.firstIndex(of: regression.fixedCount + $0)
                }
            }
            guard post.allSatisfy({ $0 != nil }) else { return nil }
            lost = post.map { $0! }
            var weights = [Double](repeating: 0, count: kept.count)
            var count = 0.0
            for (r, row) in regression.rows.enumerated() where lost.contains(where: { row[kept[$0]] != 0 }) {
                let dt = max(1, row[0..<regression.componentCount].reduce(0, +))
                for (j, column) in kept.enumerated() where column < regression.fixedCount {
                    weights[j] += row[column] / dt
                }
                count += 1
                _ = r
            }
            guard count > 0 else { return nil }
            self.lever = lever
            paceWeights = weights.map { $0 / count }
        }

        /// The mean yearly pace of the treated rows under coefficients `beta`.
        func pace(_ beta: [Double]) -> Double { zip(paceWeights, beta).reduce(0) { $0 + $1.0 * $1.1 } }

        /// −(D₀ + D₁ + D₂) / pace; not finite when the pace is not positive.
        func years(_ beta: [Double]) -> Double {
            let p = pace(beta)
            return p > 0 ? -(lost.reduce(0) { $0 + beta[$1] }) / p : .nan
        }
    }
}
