/// Loads a long-format panel CSV (`district,year,element,score`), checking
/// every row against the framework, with errors that name file:line:column.
public enum PanelLoader {
    public static let header = ["district", "year", "element", "score"]
    /// Years outside this range are taken as typos (a snapshot in 201 or 20155).
    public static let plausibleYears = 1900...2200

    /// A loaded panel and the warnings met on the way.
    public struct Result: Sendable {
        public var panel: Panel
        public var warnings: [Diagnostic]
    }

    /// Load the panel at `path`, streaming it (memory holds one chunk plus the ratings kept);
    /// with `districtsPath`, every district must be listed there. `progress` gets the share read.
    public static func load(path: String, framework: Framework, districtsPath: String? = nil,
                            progress: ((Double) -> Void)? = nil) throws(Diagnostic) -> Result {
        let districtTable = try districtsPath.map { (p: String) throws(Diagnostic) in try DistrictTable.load(path: p) }
        return try build(file: path, framework: framework, districtTable: districtTable) { (body) throws(Diagnostic) in
            try CSVReader.forEachRecord(contentsOf: path, progress: progress, body)
        }
    }

    /// Parse panel bytes. `file` names the source in messages.
    public static func parse(_ bytes: [UInt8], file: String, framework: Framework,
                             districtTable: DistrictTable? = nil) throws(Diagnostic) -> Result {
        try build(file: file, framework: framework, districtTable: districtTable) { (body) throws(Diagnostic) in
            try CSVReader.forEachRecord(in: bytes, file: file, body)
        }
    }

    /// The checks and the panel, fed record by record by `records`.
    static func build(file: String, framework: Framework, districtTable: DistrictTable?,
                      records: ((CSVRecord) throws(Diagnostic) -> Void) throws(Diagnostic) -> Void) throws(Diagnostic) -> Result {
        var warnings: [Diagnostic] = []
        var districtNames: [String] = []
        var districtIndex: [String: Int] = [:]
        /// (district, year) → snapshot slot, with the line where the snapshot first appears.
        var slotIndex: [SnapshotKey: Int] = [:]
        var snapshots: [Snapshot] = []
        var firstLines: [Int] = []
        /// Line where each (slot, element) was first rated, for duplicate reports.
        var ratedAt: [Int: [Int]] = [:]
        var sawHeader = false
        let levels = Set(framework.levels.map(\.value))
        let levelList = framework.levels.map { String($0.value) }.joined(separator: ", ")
        let elementCount = framework.elements.count

        try records { (record: CSVRecord) throws(Diagnostic) in
            func at(_ field: Int) -> SourceLocation {
                SourceLocation(file: file, line: record.line, column: record.columns[min(field, record.columns.count - 1)])
            }
            if !sawHeader {
                sawHeader = true
                let names = record.fields.map { $0.trimmingASCIISpaces() }
                guard names == header else {
                    throw .error(at: at(0), CSVReader.headerMismatch(record.fields, expected: header))
                }
                return
            }
            guard record.fields.count == header.count else {
                throw .error(at: at(0), "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(header.count) (\(header.joined(separator: ",")))")
            }
            let district = record.fields[0].trimmingASCIISpaces()
            guard !district.isEmpty else { throw .error(at: at(0), "district is empty; expected a district name") }

            let yearText = record.fields[1].trimmingASCIISpaces()
            guard let year = Int(yearText) else {
                throw .error(at: at(1), "year \"\(yearText)\" is not a whole number; expected a year such as 2016")
            }
            guard plausibleYears.contains(year) else {
                throw .error(at: at(1), "year \(year) is out of range; expected a year between \(plausibleYears.lowerBound) and \(plausibleYears.upperBound)")
            }

            let elementID = record.fields[2].trimmingASCIISpaces()
            guard let element = framework.elementIndex(elementID) else {
                throw .error(at: at(2), "element \"\(elementID)\" is not in the framework \"\(framework.name)\"; expected an element id such as \"\(framework.elements[0].id)\"")
            }

            let scoreText = record.fields[3].trimmingASCIISpaces()
            guard let score = Int(scoreText) else {
                throw .error(at: at(3), "score \"\(scoreText)\" is not an integer; expected one of \(levelList)")
            }
            guard levels.contains(score) else {
                throw .error(at: at(3), "score \(score) is outside the scale; expected one of \(levelList)")
            }

            if let table = districtTable, table.info(named: district) == nil {
                throw .error(at: at(0), "district \"\(district)\" is not in \(table.file); expected a district listed there")
            }
            let d: Int
            if districtIndex[district] == nil, let problem = NameRule.problem(district, what: "district name") {
                throw .error(at: at(0), problem)
            }
            if let known = districtIndex[district] {
                d = known
            } else {
                d = districtNames.count
                districtIndex[district] = d
                districtNames.append(district)
            }
            let key = SnapshotKey(district: d, year: year)
            let slot: Int
            if let known = slotIndex[key] {
                slot = known
            } else {
                slot = snapshots.count
                slotIndex[key] = slot
                snapshots.append(Snapshot(districtIndex: d, year: year, scores: Array(repeating: nil, count: elementCount)))
                firstLines.append(record.line)
                ratedAt[slot] = Array(repeating: 0, count: elementCount)
            }
            if let previous = ratedAt[slot]?[element], previous != 0 {
                throw .error(at: at(0), "duplicate rating of \(district), \(year), element \(elementID); first given on line \(previous); expected one row per (district, year, element)")
            }
            ratedAt[slot]![element] = record.line
            snapshots[slot].scores[element] = Double(score)
        }
        guard sawHeader else {
            throw .error(at: SourceLocation(file: file, line: 1), "the file is empty; expected the header \"\(header.joined(separator: ","))\" and rows")
        }
        guard !snapshots.isEmpty else {
            throw .error(at: SourceLocation(file: file, line: 2), "the file has a header but no rows; expected at least one rating")
        }

        // Each snapshot must rate at least one element of every component; gaps within a component are warned about.
        for (slot, snapshot) in snapshots.enumerated() {
            let where_ = SourceLocation(file: file, line: firstLines[slot])
            let name = districtNames[snapshot.districtIndex]
            var missing: [String] = []
            for (ci, members) in framework.elementsByComponent.enumerated() {
                let absent = members.filter { snapshot.scores[$0] == nil }
                if absent.count == members.count {
                    throw .error(at: where_, "snapshot \(name) \(snapshot.year) rates no element of component \(framework.components[ci].id) (\(framework.components[ci].shortName)); expected at least one of \(members.map { framework.elements[$0].id }.joined(separator: ", "))")
                }
                missing += absent.map { framework.elements[$0].id }
            }
            if !missing.isEmpty {
                warnings.append(.warning(at: where_, "snapshot \(name) \(snapshot.year) lacks element\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); its component scores average the elements present"))
            }
        }

        let infos = districtNames.map { name in
            districtTable?.info(named: name) ?? DistrictInfo(name: name)
        }
        if let table = districtTable {
            let unused = table.rows.map(\.name).filter { districtIndex[$0] == nil }
            if !unused.isEmpty {
                warnings.append(.warning(at: SourceLocation(file: table.file), "lists district\(unused.count == 1 ? "" : "s") with no snapshots in \(file), ignored: \(unused.joined(separator: ", "))"))
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
