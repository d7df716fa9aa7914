/// The optional districts file (`district,state,governance`): what the panel
/// alone cannot say about a district.
public struct DistrictTable: Sendable {
    /// The districts file's exact header.
    public static let header = ["district", "state", "governance"]
    /// The path it was read from, for messages.
    public let file: String
    /// One entry per district, in file order.
    public let rows: [DistrictInfo]
    let byName: [String: Int]

    /// The row of the district called `name`; nil when the file does not list it.
    public func info(named name: String) -> DistrictInfo? { byName[name].map { rows[$0] } }

    /// Read and check the districts file at `path`; errors name the file, line and column.
    public static func load(path: String) throws(Diagnostic) -> DistrictTable {
        try parse(try InputFile.read(path), file: path)
    }

    /// Check `bytes` as a districts file (read from `file`, named in errors).
    public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> DistrictTable {
        var rows: [DistrictInfo] = []
        var byName: [String: Int] = [:]
        var lines: [String: Int] = [:]
        var sawHeader = false
        try CSVReader.forEachRecord(in: bytes, file: file) { (record: CSVRecord) throws(Diagnostic) in
            let here = SourceLocation(file: file, line: record.line, column: 1)
            if !sawHeader {
                sawHeader = true
                guard record.fields.map({ $0.trimmingASCIISpaces() }) == header else {
                    throw .error(at: here, CSVReader.headerMismatch(record.fields, expected: header))
                }
                return
            }
            guard record.fields.count == header.count else {
                throw .error(
                    at: here,
                    "row has \(record.fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))"
                )
            }
            let name = record.fields[0].trimmingASCIISpaces()
            guard !name.isEmpty else { throw .error(at: here, "district is empty; expected a district name") }
            if let problem = NameRule.problem(name, what: "district name") { throw .error(at: here, problem) }
            if let first = lines[name] {
                throw .error(
                    at: here,
                    "district \"\(name)\" is listed twice (first on line \(first)); expected each district once")
            }
            lines[name] = record.line
            byName[name] = rows.count
            let state = record.fields[1].trimmingASCIISpaces()
            let governance = record.fields[2].trimmingASCIISpaces()
            rows.append(
                DistrictInfo(
                    name: name, state: state.isEmpty ? nil : state, governance: governance.isEmpty ? nil : governance))
        }
        guard sawHeader else {
            throw .error(
                at: SourceLocation(file: file, line: 1),
                "the file is empty; expected the header \"\(header.joined(separator: ","))\"")
        }
        return DistrictTable(file: file, rows: rows, byName: byName)
    }
}
