import Forecasting
import Policy
import RatingsData

/// A plain-text table for terminals: a header, a rule, aligned columns.
public struct TextTable: Sendable {
    /// The column titles.
    public var header: [String]
    /// The cells, row by row (a short row leaves its last columns empty).
    public var rows: [[String]]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    /// A table; `rightAligned` columns (numbers) pad on the left.
    public init(header: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table as text: header, a rule of dashes, rows; no trailing spaces.
    public var rendered: String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        // The last column is never padded on the right, so lines carry no trailing spaces.
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let isLast = i == cells.count - 1
                if isLast && !rightAligned.contains(i) { return cell }
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
