/// Which sticking points bind, and by how many years (issue: attribution).
///
/// For each district, each component and each ceiling that holds in some projected year is
/// relaxed alone and the same draws are re-run:
/// - a **component** is relaxed by letting it move at least at the district's *median
///   component pace* — the median over the district's components of their pooled drift
///   (points per year) — with no ceiling on its elements;
/// - a **ceiling** is relaxed by lifting it.
/// A sticking point **binds** when relaxing it makes the district advanced earlier in at least
/// half the draws (a draw not advanced by the horizon counts as horizon + 1).
public enum StickingPointAttribution {
    public struct Row: Equatable, Sendable {
        public var district: String
        /// Component short name or ceiling id.
        public var stickingPoint: String
        /// "component" or "ceiling".
        public var kind: String
        public var binding: Bool
        /// Share of draws advanced earlier when relaxed.
        public var pEarlier: Double
        /// Median over draws of (advanced year − relaxed advanced year), not-by-horizon counted as horizon + 1
        /// (so a lower bound when censored).
        public var yearsGainedP50: Double
        /// P(advanced by horizon) relaxed − unrelaxed.
        public var pAdvancedGain: Double
        /// For components: share of the draws that become advanced by the horizon (not already advanced)
        /// in which this component's crossing is decisive (split equally when several cross that year); nil for ceilings.
        public var decisiveShare: Double?
    }

    /// The district's median component pace (points per year).
    public static func medianPace(_ f: DriftForecaster, district d: Int) -> Double {
        let k = f.framework.components.count
        return median(Array(f.drift[(d * k)..<((d + 1) * k)]))
    }

    /// Attribute every projected district of `run` against its unrelaxed projection `baseline`.
    /// Districts run in parallel; the rows come back in district order whatever the thread count.
    public static func run(_ run: ScenarioRun, baseline: ProjectionResult, threads: Int? = nil,
                           progress: ((Double) -> Void)? = nil) -> [Row] {
        let f = run.forecaster
        let fw = f.framework
        return Parallel.map(run.plan.districts.count, threads: threads, progress: progress) { i -> [Row] in
            let plan = run.plan.districts[i]
            var rows: [Row] = []
            let base = baseline.districts[i]
            let horizon = baseline.horizon
            func compare(_ name: String, _ kind: String, _ relaxation: Relaxation, decisive: Int?) {
                let relaxed = Projection.project(f, plan, horizon: horizon, draws: baseline.draws, seed: baseline.seed,
                                                 relaxation: relaxation, trajectories: .none)
                var gains: [Double] = [], earlier = 0
                for (a, b) in zip(base.advancedYear, relaxed.advancedYear) {
                    let ya = a ?? horizon + 1, yb = b ?? horizon + 1
                    gains.append(Double(ya - yb))
                    if yb < ya { earlier += 1 }
                }
                let pEarlier = Double(earlier) / Double(baseline.draws)
                let share = decisive.flatMap { k in base.decisiveShare?[k] }
                rows.append(Row(district: base.district.name, stickingPoint: name, kind: kind, binding: pEarlier >= 0.5,
                                pEarlier: pEarlier, yearsGainedP50: QuantileSummary(gains).p50,
                                pAdvancedGain: relaxed.pAdvancedByHorizon - base.pAdvancedByHorizon, decisiveShare: share))
            }
            let pace = medianPace(f, district: plan.district)
            for k in fw.components.indices {
                compare(fw.components[k].shortName, "component", .component(k, pace: pace), decisive: k)
            }
            for point in plan.stickingPoints {
                let lift = plan.effects.filter { $0.effect.kind == .liftCeiling && $0.effect.stickingPoints.contains(point.id) }
                    .map(\.onset).min() ?? Int.max
                guard lift > base.latestYear + 1, base.latestYear < horizon else { continue }  // holds in some projected year
                compare(point.id, "ceiling", .stickingPoint(point.id), decisive: nil)
            }
            return rows
        }.flatMap { $0 }
    }

    /// One row of the network view.
    public struct NetworkRow: Equatable, Sendable {
        public var stickingPoint: String
        public var kind: String
        /// Districts where it binds, and where it was assessed.
        public var binding: Int
        public var assessed: Int
        /// Mean over assessed districts of the gain in P(advanced by horizon) when relaxed.
        public var meanPAdvancedGain: Double
        /// Mean decisive share over districts that have one (components only).
        public var meanDecisiveShare: Double?
    }

    /// For how many districts each sticking point binds (the network view), most binding first,
    /// then by mean gain in P(advanced by horizon).
    public static func network(_ rows: [Row]) -> [NetworkRow] {
        var order: [String] = []
        for r in rows where !order.contains(r.stickingPoint) { order.append(r.stickingPoint) }
        return order.map { name in
            let mine = rows.filter { $0.stickingPoint == name }
            let shares = mine.compactMap(\.decisiveShare)
            return NetworkRow(stickingPoint: name, kind: mine[0].kind, binding: mine.filter(\.binding).count, assessed: mine.count,
                              meanPAdvancedGain: mine.map(\.pAdvancedGain).reduce(0, +) / Double(mine.count),
                              meanDecisiveShare: shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count))
        }.sorted { ($0.binding, $0.meanPAdvancedGain) > ($1.binding, $1.meanPAdvancedGain) }
    }
}
