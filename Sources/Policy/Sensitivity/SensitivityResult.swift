import Forecasting

/// One bar of a tornado chart: a factor's low and high values and what each makes of one
/// outcome — a district's P(advanced by the horizon), or the network's expected number of
/// districts advanced at the horizon.
public struct SensitivityRow: Sendable, Equatable {
    /// The scenario's name.
    public var scenario: String
    /// The district's name, or `SensitivityRow.network`.
    public var district: String
    /// The factor's id (`SensitivityFactor.id`).
    public var factor: String
    /// The assumption's low and high values, in its own units.
    public var lowValue: Double
    /// See `lowValue`.
    public var highValue: Double
    /// The outcome with the assumption low.
    public var pLow: Double
    /// The outcome with the assumption high.
    public var pHigh: Double
    /// The outcome at the scenario's own assumptions (the chart's centre line).
    public var baseline: Double

    /// |pHigh − pLow|: how much the outcome moves across the factor's range.
    public var swing: Double { abs(pHigh - pLow) }

    /// The name the network's rows carry in the district column.
    public static let network = "(network)"
}

/// A scenario's sensitivity: every factor's rows, the network's first, each district's and the
/// network's sorted by swing (largest first).
public struct SensitivityResult: Sendable {
    /// The scenario's name.
    public var scenario: String
    /// The last projected year.
    public var horizon: Int
    /// Draws and seed every run shared.
    public var draws: Int
    /// See `draws`.
    public var seed: UInt64
    /// Every row: the network's, then each district's in the plan's order.
    public var rows: [SensitivityRow]

    /// A result from its rows.
    public init(scenario: String, horizon: Int, draws: Int, seed: UInt64, rows: [SensitivityRow]) {
        (self.scenario, self.horizon, self.draws, self.seed, self.rows) = (scenario, horizon, draws, seed, rows)
    }

    /// Rows from the baseline and each factor's low and high projections.
    package static func rows(
        scenario: String, baseline: ProjectionResult,
        factors: [(factor: SensitivityFactor, low: ProjectionResult, high: ProjectionResult)]
    ) -> [SensitivityRow] {
        func expected(_ r: ProjectionResult) -> Double { r.districts.reduce(0) { $0 + $1.pAdvancedAtHorizon } }
        var network: [SensitivityRow] = []
        for (factor, low, high) in factors {
            network.append(
                SensitivityRow(
                    scenario: scenario, district: SensitivityRow.network, factor: factor.id,
                    lowValue: factor.values.low, highValue: factor.values.high, pLow: expected(low),
                    pHigh: expected(high), baseline: expected(baseline)))
        }
        var rows = sortedBySwing(network)
        for (i, district) in baseline.districts.enumerated() {
            rows += sortedBySwing(
                factors.map { factor, low, high in
                    SensitivityRow(
                        scenario: scenario, district: district.district.name, factor: factor.id,
                        lowValue: factor.values.low, highValue: factor.values.high,
                        pLow: low.districts[i].pAdvancedByHorizon, pHigh: high.districts[i].pAdvancedByHorizon,
                        baseline: district.pAdvancedByHorizon)
                })
        }
        return rows
    }

    /// Largest swing first; ties keep the factors' order.
    static func sortedBySwing(_ rows: [SensitivityRow]) -> [SensitivityRow] {
        rows.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
    }
}
