/// Where a panel comes from: a CSV (long or wide, `PanelLoader`) or the first sheet — or a named
/// one — of an `.xlsx` workbook in either layout, with errors that name the sheet and cell.
public enum PanelSource {
    /// Load the panel at `path`: an `.xlsx` workbook by its extension, else a CSV. `sheet` names a
    /// workbook's sheet (nil: the first); `progress` gets the share of a CSV read (workbooks report none).
    public static func load(
        path: String, framework: Framework, districtsPath: String? = nil, sheet: String? = nil,
        progress: ((Double) -> Void)? = nil
    ) throws(Diagnostic) -> PanelLoader.Result {
        guard path.lowercased().hasSuffix(".xlsx") else {
            return try PanelLoader.load(
                path: path, framework: framework, districtsPath: districtsPath, progress: progress)
        }
        let districtTable = try districtsPath.map { (p: String) throws(Diagnostic) in try DistrictTable.load(path: p) }
        let (name, rows) = try Workbook(path: path).rows(sheet: sheet)
        return try PanelLoader.build(
            file: path, framework: framework, districtTable: districtTable, lineWord: "row",
            locate: { record, field in
                let column = record.columns[min(field, record.columns.count - 1)]
                return SourceLocation(
                    file: path, path: "sheet \"\(name)\" cell \(Workbook.letters(column))\(record.line)")
            }
        ) { (body) throws(Diagnostic) in
            for row in rows {
                try body(CSVRecord(fields: row.cells, line: row.number, columns: Array(1...max(1, row.cells.count))))
            }
        }
    }
}
