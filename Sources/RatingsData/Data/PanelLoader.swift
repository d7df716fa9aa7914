/// Loads a long-format panel CSV (`district,year,element,score`), checking
/// every row against the framework, with errors that name file:line:column.
public enum PanelLoader {
    /// The long layout's exact header (the wide one is district,year and one column per element).
    public static let header = ["district", "year", "element", "score"]
    /// Years outside this range are taken as typos (a snapshot in 201 or 20155).
    public static let plausibleYears = 1900...2200

    /// A loaded panel and the warnings met on the way.
    public struct Result: Sendable {
        /// The checked panel.
        public var panel: Panel
        /// What was accepted but looks wrong (say a district with one snapshot); empty when nothing does.
        public var warnings: [Diagnostic]
    }

    /// Load the panel at `path`, streaming it (memory holds one chunk plus the ratings kept);
    /// with `districtsPath`, every district must be listed there. `progress` gets the share read.
    public static func load(
        path: String, framework: Framework, districtsPath: String? = nil,
        progress: ((Double) -> Void)? = nil
    ) throws(Diagnostic) -> Result {
        let districtTable = try districtsPath.map { (p: String) throws(Diagnostic) in try DistrictTable.load(path: p) }
        return try build(file: path, framework: framework, districtTable: districtTable) { (body) throws(Diagnostic) in
            try CSVReader.forEachRecord(contentsOf: path, progress: progress, body)
        }
    }

    /// Parse panel bytes. `file` names the source in messages.
    public static func parse(
        _ bytes: [UInt8], file: String, framework: Framework,
        districtTable: DistrictTable? = nil
    ) throws(Diagnostic) -> Result {
        try build(file: file, framework: framework, districtTable: districtTable) { (body) throws(Diagnostic) in
            try CSVReader.forEachRecord(in: bytes, file: file, body)
        }
    }

    /// The checks and the panel, fed record by record by `records`.
    static func build(
        file: String, framework: Framework, districtTable: DistrictTable?, lineWord: String = "line",
        locate: @escaping (CSVRecord, Int) -> SourceLocation = { record, field in
            SourceLocation(file: "", line: record.line, column: record.columns[min(field, record.columns.count - 1)])
        },
        records: ((CSVRecord) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void
    ) throws(Diagnostic) -> Result {
        var builder = PanelBuilder(file: file, framework: framework, districtTable: districtTable, lineWord: lineWord) {
            record, field in
            var location = locate(record, field)
            if location.file.isEmpty { location.file = file }
            return location
        }
        try records { (record: CSVRecord) throws(Diagnostic) in try builder.row(record) }
        guard builder.layout != nil else {
            throw .error(
                at: SourceLocation(file: file, line: 1),
                "the file is empty; expected the header \"\(header.joined(separator: ","))\" and rows")
        }
        guard !builder.snapshots.isEmpty else {
            throw .error(
                at: SourceLocation(file: file, line: 2),
                "the file has a header but no rows; expected at least one rating")
        }
        return try finish(builder, framework: framework, districtTable: districtTable)
    }

    /// Whole-panel checks once every record is in: each snapshot rates every component.
    static func finish(_ builder: PanelBuilder, framework: Framework, districtTable: DistrictTable?) throws(Diagnostic)
        -> Result
    {
        let file = builder.file
        let snapshots = builder.snapshots
        let firstLines = builder.firstLines
        let districtNames = builder.districtNames
        let districtIndex = builder.districtIndex
        var warnings = builder.warnings
        // Each snapshot must rate at least one element of every component; gaps within a component are warned about.
        for (slot, snapshot) in snapshots.enumerated() {
            let snapshotLocation = SourceLocation(file: file, line: firstLines[slot])
            let name = districtNames[snapshot.districtIndex]
            var missing: [String] = []
            for (ci, members) in framework.elementsByComponent.enumerated() {
                let absent = members.filter { snapshot.scores[$0] == nil }
                if absent.count == members.count {
                    throw .error(
                        at: snapshotLocation,
                        "snapshot \(name) \(snapshot.year) rates no element of component \(framework.components[ci].id) (\(framework.components[ci].shortName)); expected at least one of \(members.map { framework.elements[$0].id }.joined(separator: ", "))"
                    )
                }
                missing += absent.map { framework.elements[$0].id }
            }
            if !missing.isEmpty {
                warnings.append(
                    .warning(
                        at: snapshotLocation,
                        "snapshot \(name) \(snapshot.year) lacks element\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); its component scores average the elements present"
                    ))
            }
        }

        let infos = districtNames.map { name in
            districtTable?.info(named: name) ?? DistrictInfo(name: name)
        }
        if let table = districtTable {
            let unused = table.rows.map(\.name).filter { districtIndex[$0] == nil }
            if !unused.isEmpty {
                warnings.append(
                    .warning(
                        at: SourceLocation(file: table.file),
                        "lists district\(unused.count == 1 ? "" : "s") with no snapshots in \(file), ignored: \(unused.joined(separator: ", "))"
                    ))
            }
        }
        return Result(panel: Panel(framework: framework, districts: infos, snapshots: snapshots), warnings: warnings)
    }

    struct SnapshotKey: Hashable {
        var district: Int
        var year: Int
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs (spreadsheet padding).
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
