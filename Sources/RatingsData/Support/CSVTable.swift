/// A table to be written as CSV: RFC 4180, UTF-8, LF line ends, a header row,
/// fields quoted when they contain a comma, quote, CR or LF.
public struct CSVTable: Sendable, Equatable {
    /// Column names, written as the first row.
    public var header: [String]
    /// Data rows; each has as many fields as the header.
    public var rows: [[String]]

    /// A table with this header and these rows (each as long as the header).
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Add a row; it must have as many fields as the header (a programming error otherwise).
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header has \(header.count)")
        rows.append(row)
    }

    /// The CSV text.
    public var text: String {
        var out = ""
        for row in [header] + rows {
            out += row.map(CSVTable.escape).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A number with `decimals` places, or an empty field when it is not finite
    /// (never "nan" or "inf" in an output file).
    public static func number(_ x: Double, decimals: Int = 4) -> String {
        guard x.isFinite else { return "" }
        return fixed(x, decimals: decimals)
    }
}

/// `x` rounded half away from zero to `decimals` places, printed without exponent
/// and without a negative zero.
package func fixed(_ x: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let r = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = x < 0 && r != 0
    let whole = Int(r / scale)
    let fraction = Int(r - Double(whole) * scale)
    var text = "\(negative ? "-" : "")\(whole)"
    if decimals > 0 {
        let f = String(fraction)
        text += "." + String(repeating: "0", count: decimals - f.count) + f
    }
    return text
}

/// `x` as `fixed` with an explicit sign. By default "+" goes before every number that does not
/// print as negative ("+0.000" included); with `plusOnZero: false` only before positive ones
/// (tables of differences print "0.0" for no change).
package func signedFixed(_ x: Double, decimals: Int, plusOnZero: Bool = true) -> String {
    let text = fixed(x, decimals: decimals)
    let plus = plusOnZero ? !text.hasPrefix("-") : x > 0
    return plus ? "+" + text : text
}
