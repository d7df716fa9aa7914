import Forecasting
import Policy
import RatingsData

/// event-study.csv and the event-study charts of `simulate calibrate`.
public enum EventStudyReport {
    /// event-study.csv's columns.
    public static let header = [
        "lever", "event_time", "estimate", "ci95_low", "ci95_high", "n_districts", "n_steps", "status",
    ]

    /// One row per lever and event-time bin, levers in catalogue order.
    public static func table(_ rows: [EventStudy.Row]) -> CSVTable {
        var table = CSVTable(header: header)
        for r in rows {
            table.append([
                r.lever, String(r.eventTime), r.estimate.map { CSVTable.number($0) } ?? "",
                r.interval95.map { CSVTable.number($0.lowerBound) } ?? "",
                r.interval95.map { CSVTable.number($0.upperBound) } ?? "", String(r.districts),
                String(r.observations), r.status.description,
            ])
        }
        return table
    }

    /// `event-study-<lever>.svg` for every lever with at least one identified bin.
    public static func charts(_ rows: [EventStudy.Row], caveat: String?) -> [String: String] {
        var charts: [String: String] = [:]
        for (lever, mine) in Dictionary(grouping: rows, by: \.lever) where mine.contains(where: { $0.estimate != nil })
        {
            charts["event-study-\(lever).svg"] = svg(mine.sorted { $0.eventTime < $1.eventTime }, caveat: caveat)
        }
        return charts
    }

    /// One lever's coefficients by event time with their 95% intervals, and zero.
    static func svg(_ rows: [EventStudy.Row], caveat: String?) -> String {
        let (left, right, top, bottom) = (70.0, 600.0, 50.0, 290.0)
        var doc = SVGDocument(width: 640, height: 360)
        let ends = rows.flatMap { r in
            [r.estimate, r.interval95?.lowerBound, r.interval95?.upperBound].compactMap { $0 }
        }
        let span = max(0.05, ends.map(abs).max() ?? 0.05)
        let y = LinearScale(domain: (-span, span), range: (bottom, top))
        let last = EventStudy.bins[EventStudy.bins.count - 1]
        let x = LinearScale(domain: (Double(EventStudy.bins[0]) - 0.5, Double(last) + 0.5), range: (left, right))
        doc.text(
            "\(rows.first?.lever ?? ""): change of a yearly rating step by years since the event", x: 10, y: 24,
            size: 14, weight: "bold")
        doc.line(x1: left, y1: y(0), x2: right, y2: y(0), stroke: "#888888", dash: "4 3")
        for t in Axes.ticks(-span, span, count: 6) {
            doc.text(Axes.label(t), x: left - 8, y: y(t) + 4, size: 10, anchor: .end)
        }
        for r in rows {
            let cx = x(Double(r.eventTime))
            doc.text(
                r.eventTime == last ? "\(last)+" : String(r.eventTime), x: cx, y: bottom + 18, size: 11, anchor: .middle
            )
            guard let estimate = r.estimate else {
                doc.text("n/a", x: cx, y: y(0) - 8, size: 10, anchor: .middle, fill: "#999999")
                continue
            }
            if let i = r.interval95 {
                doc.line(x1: cx, y1: y(i.lowerBound), x2: cx, y2: y(i.upperBound), stroke: "#7570b3", width: 2)
            }
            doc.circle(
                x: cx, y: y(estimate), r: 5, fill: "#d95f02",
                title:
                    "event time \(r.eventTime): \(fixed(estimate, decimals: 3)) points a step, \(r.districts) districts"
            )
        }
        doc.text(
            "Years since the event (0: the step across it; negative: before it)", x: (left + right) / 2, y: bottom + 36,
            size: 11, anchor: .middle)
        doc.text("Points a step", x: 16, y: (top + bottom) / 2, size: 11, anchor: .middle, rotate: -90)
        if let caveat { doc.text(caveat, x: 10, y: 350, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Event study: \(rows.first?.lever ?? "")",
            description:
                "Coefficients of the first-difference regression by years since the event, with 95% wild cluster bootstrap intervals. "
                + (caveat ?? ""))
    }
}
