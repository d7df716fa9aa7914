import Forecasting
import Policy
import RatingsData

/// What `simulate calibrate` prints and writes.
public enum CalibrationReport {
    /// calibration.csv's columns.
    public static let header = [
        "lever", "kind", "estimate", "se", "ci95_low", "ci95_high", "n_districts", "n_steps", "assumed", "status",
    ]

    /// calibration.csv: one row per lever and effect kind, in the catalogue's order.
    public static func table(_ estimates: [LeverCalibration.Estimate]) -> CSVTable {
        CSVTable(
            header: header,
            rows: estimates.map {
                [
                    $0.lever, $0.kind.rawValue, $0.estimate.map { CSVTable.number($0) } ?? "",
                    $0.standardError.map { CSVTable.number($0) } ?? "",
                    $0.interval95.map { CSVTable.number($0.lowerBound) } ?? "",
                    $0.interval95.map { CSVTable.number($0.upperBound) } ?? "",
                    String($0.districts), String($0.observations), $0.assumed.map { CSVTable.number($0) } ?? "",
                    $0.status.description,
                ]
            })
    }

    /// The printed table: each estimate beside what the catalogue assumes.
    public static func text(_ estimates: [LeverCalibration.Estimate]) -> String {
        var t = TextTable(
            header: [
                "Lever", "Kind", "Estimate", "95% interval", "Districts", "Steps", "Catalogue assumes", "Status",
            ],
            rightAligned: [2, 3, 4, 5, 6])
        for e in estimates {
            t.rows.append([
                e.lever, e.kind.rawValue, e.estimate.map { fixed($0, decimals: 3) } ?? "—",
                e.interval95.map { "\(fixed($0.lowerBound, decimals: 3)) to \(fixed($0.upperBound, decimals: 3))" }
                    ?? "—",
                String(e.districts), String(e.observations), e.assumed.map { fixed($0, decimals: 3) } ?? "(stall)",
                e.status.description,
            ])
        }
        return
            "Lever effects estimated from the panel's own history (first differences; 95% intervals by a wild cluster bootstrap-t over districts, \(LeverCalibration.bootstrapReplicates) replicates)\n"
            + "level: points at the rating step across the event; slope: points per year after it; stall: years of progress held (event study, event-study.csv)\n"
            + t.rendered
    }

    /// The catalogue with each identified lever's level and slope effect sizes replaced by the
    /// estimate as an elicited distribution, `{"p10": …, "p50": estimate, "p90": …}` from the
    /// bootstrap's 80% interval (a split normal, so a skewed interval stays skewed), and the
    /// effect's `source` saying so, and its lag (ramp, duration) set to the estimate's timing; a
    /// stall's length likewise from the event study. Every other line kept.
    public static func calibratedCatalogue(_ root: JSONNode, estimates: [LeverCalibration.Estimate]) -> String {
        var found: [String: Calibrated] = [:]
        for e in estimates {
            guard let x = e.estimate, let i = e.interval80, i.contains(x) else { continue }
            if e.kind == .stall {
                // A stall lasts zero years or more: a negative end of its interval means "none".
                guard x > 0 else { continue }
                found["\(e.lever)|\(e.kind)"] = (x, max(0, i.lowerBound)...i.upperBound, e.districts)
            } else {
                found["\(e.lever)|\(e.kind)"] = (x, i, e.districts)
            }
        }
        func rewrite(_ node: JSONNode, lever: String?) -> JSONNode {
            switch node.value {
            case .object(let members):
                var lever = lever
                if let id = members.first(where: { $0.key == "id" }), case .string(let s) = id.node.value,
                    members.contains(where: { $0.key == "reasoning" })
                {
                    lever = s
                }
                var out = members.map { (key: $0.key, node: rewrite($0.node, lever: lever)) }
                if let lever, out.contains(where: { $0.key == "kind" }) {
                    return rewriteEffect(
                        JSONNode(value: .object(out), line: node.line, column: node.column), lever: lever, found: found)
                }
                out = out.map { $0 }
                return JSONNode(value: .object(out), line: node.line, column: node.column)
            case .array(let items):
                return JSONNode(
                    value: .array(items.map { rewrite($0, lever: lever) }), line: node.line, column: node.column)
            default:
                return node
            }
        }
        return rewrite(root, lever: nil).rendered() + "\n"
    }

    /// Replaces member `key` of an object's members, or appends it.
    static func set(_ key: String, _ value: JSONNode, in members: inout [(key: String, node: JSONNode)]) {
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].node = value
        } else {
            members.append((key, value))
        }
    }

    /// An identified estimate as `--write` writes it: the estimate, its 80% interval, and how many districts carry it.
    typealias Calibrated = (estimate: Double, interval: ClosedRange<Double>, districts: Int)

    /// One effect of `lever` with its size, reason and source replaced when `found` has its estimate.
    static func rewriteEffect(_ node: JSONNode, lever: String, found: [String: Calibrated]) -> JSONNode {
        guard case .object(var members) = node.value,
            let kindIndex = members.firstIndex(where: { $0.key == "kind" }),
            case .string(let kind) = members[kindIndex].node.value,
            LeverCalibration.Estimate.Kind(rawValue: kind) != nil,
            let estimated = found["\(lever)|\(kind)"]
        else { return node }
        let size = JSONNode.make(
            .object([
                ("p10", .make(.number(estimated.interval.lowerBound))), ("p50", .make(.number(estimated.estimate))),
                ("p90", .make(.number(estimated.interval.upperBound))),
            ]))
        set("size", size, in: &members)
        // The timing the estimate has: the level shift shows at the step across the event (lag 1,
        // at once), the slope change from the step after (lag 2), both for good; the stall from the
        // step across the event (lag 1). See LeverCalibration and EventStudy.
        let kindValue = LeverCalibration.Estimate.Kind(rawValue: kind)!
        set("lag", .make(.number(kindValue == .slope ? 2 : 1)), in: &members)
        if kindValue == .level { set("ramp", .make(.number(1)), in: &members) }
        if kindValue != .stall { members.removeAll { $0.key == "duration" } }
        if let i = members.firstIndex(where: { $0.key == "reason" }) {
            members[i].node = .make(
                .string(
                    "Calibrated by simulate calibrate from the panel's event history: p50 the estimate, p10 and p90 the ends of its 80% wild cluster bootstrap interval; lag (and ramp, duration) as the estimate's timing."
                ))
        }
        let source = JSONNode.make(
            .string(
                "estimated: simulate calibrate, first differences over \(estimated.districts) districts' events, wild cluster bootstrap"
            ))
        if let i = members.firstIndex(where: { $0.key == "source" }) {
            members[i].node = source
        } else {
            members.append(("source", source))
        }
        return JSONNode(value: .object(members), line: node.line, column: node.column)
    }
}
