import Forecasting
import Policy
import RatingsData

/// A minimal SVG writer: shapes, text and a plot area with linear scales. Output is valid,
/// standalone SVG 1.1 (XML-escaped text, explicit size, a <title> and <desc> for readers).
public struct SVGDocument {
    /// Canvas width (SVG user units, one a CSS pixel).
    public let width: Double
    /// Canvas height (SVG user units).
    public let height: Double
    var body: [String] = []

    /// An empty canvas.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `title` becomes its tooltip.
    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        stroke: String? = nil, opacity: Double? = nil, title: String? = nil
    ) {
        var s =
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if let opacity { s += " fill-opacity=\"\(n(opacity))\"" }
        body.append(title.map { s + "><title>\(SVGDocument.escape($0))</title></rect>" } ?? s + "/>")
    }

    /// A straight line; `dash` is an SVG dash pattern such as "6 4".
    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) {
        var s =
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        body.append(s + "/>")
    }

    /// An open line through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        guard !points.isEmpty else { return }
        body.append(
            "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" points=\""
                + points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>")
    }

    /// A closed, filled shape through `points`.
    public mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        guard !points.isEmpty else { return }
        body.append(
            "<polygon fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\" stroke=\"none\" points=\""
                + points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>")
    }

    /// A dot; `title` becomes its tooltip.
    public mutating func circle(x: Double, y: Double, r: Double, fill: String, title: String? = nil) {
        let s = "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\""
        body.append(title.map { s + "><title>\(SVGDocument.escape($0))</title></circle>" } ?? s + "/>")
    }

    /// Where a text's `x` is: its start, middle or end.
    public enum Anchor: String { case start, middle, end }

    /// A text; `rotate` in degrees about (x, y).
    public mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
        weight: String? = nil, fill: String = "#222222", rotate: Double? = nil
    ) {
        var s =
            "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if let weight { s += " font-weight=\"\(weight)\"" }
        if let rotate { s += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body.append(s + ">\(SVGDocument.escape(content))</text>")
    }

    /// The document, with a title and a description (the caption) for accessibility.
    public func rendered(title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
            + "<title>\(SVGDocument.escape(title))</title>\n<desc>\(SVGDocument.escape(description))</desc>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
            + body.joined(separator: "\n") + "\n</svg>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    func n(_ x: Double) -> String { fixed(x, decimals: 2) }
}

/// A linear map from data to pixels.
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)
    func callAsFunction(_ x: Double) -> Double {
        let span = domain.1 - domain.0
        return range.0 + (span == 0 ? 0.5 : (x - domain.0) / span) * (range.1 - range.0)
    }
}

/// Axis helpers shared by the charts.
enum Axes {
    /// "Nice" ticks covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(count)
        var step = 1.0
        while step > raw { step /= 10 }
        while step * 10 <= raw { step *= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where step * m >= raw {
            step *= m
            break
        }
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + 1e-9 {
            out.append(t)
            t += step
        }
        return out
    }

    static func label(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : fixed(x, decimals: abs(x) < 1 ? 2 : 1)
    }
}
