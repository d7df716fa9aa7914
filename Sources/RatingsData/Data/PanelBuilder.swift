/// Builds a panel record by record, checking every rating against the framework. Two layouts,
/// told apart by the header:
/// - long: `district,year,element,score`, one rating a row;
/// - wide: `district,year,<element id>,<element id>,…`, one snapshot a row, one column per
///   element (the layout spreadsheets keep); an empty cell is a rating not given.
struct PanelBuilder {
    enum Layout {
        case long
        /// The framework element of each column after `district,year`.
        case wide([Int])
    }

    let file: String
    let framework: Framework
    let districtTable: DistrictTable?
    /// Where field `i` of a record is, for messages (CSV: line and column; a workbook: its cell).
    let locate: (CSVRecord, Int) -> SourceLocation
    /// What a record's line is called in duplicate reports ("line", or "row" in a workbook).
    let lineWord: String

    var layout: Layout?
    var warnings: [Diagnostic] = []
    var districtNames: [String] = []
    var districtIndex: [String: Int] = [:]
    var slotIndex: [PanelLoader.SnapshotKey: Int] = [:]
    var snapshots: [Snapshot] = []
    var firstLines: [Int] = []
    /// Line where each (slot, element) was first rated, for duplicate reports.
    var ratedAt: [Int: [Int]] = [:]
    let levels: Set<Int>
    let levelList: String

    init(
        file: String, framework: Framework, districtTable: DistrictTable?, lineWord: String = "line",
        locate: @escaping (CSVRecord, Int) -> SourceLocation
    ) {
        self.file = file
        self.framework = framework
        self.districtTable = districtTable
        self.lineWord = lineWord
        self.locate = locate
        levels = Set(framework.levels.map(\.value))
        levelList = framework.levels.map { String($0.value) }.joined(separator: ", ")
    }

    /// The first record: which layout, and for a wide file which element each column holds.
    mutating func header(_ record: CSVRecord) throws(Diagnostic) {
        let names = record.fields.map { $0.trimmingASCIISpaces() }
        if names.contains(where: { $0.contains("\r") }) {  // CR-only line ends: the whole file is one record
            throw .error(at: locate(record, 0), CSVReader.headerMismatch(record.fields, expected: PanelLoader.header))
        }
        if names == PanelLoader.header {
            layout = .long
            return
        }
        guard names.count > 2, names[0] == "district", names[1] == "year",
            names.dropFirst(2).contains(where: { framework.elementIndex($0) != nil })
        else {
            throw .error(
                at: locate(record, 0),
                CSVReader.headerMismatch(record.fields, expected: PanelLoader.header)
                    + " (or district,year followed by one column per element id)")
        }
        var columns: [Int] = []
        for (i, id) in names.enumerated().dropFirst(2) {
            guard let e = framework.elementIndex(id) else {
                throw .error(
                    at: locate(record, i),
                    "column \"\(id)\" is not an element of the framework \"\(framework.name)\"\(Suggestion.didYouMean(id, among: framework.elements.map(\.id))); expected district,year and element ids such as \"\(framework.elements[0].id)\""
                )
            }
            guard !columns.contains(e) else {
                throw .error(at: locate(record, i), "element \"\(id)\" has two columns; expected one")
            }
            columns.append(e)
        }
        layout = .wide(columns)
    }

    mutating func row(_ record: CSVRecord) throws(Diagnostic) {
        switch layout {
        case .none: try header(record)
        case .long:
            guard record.fields.count == PanelLoader.header.count else {
                throw .error(
                    at: locate(record, 0),
                    "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(PanelLoader.header.count) (\(PanelLoader.header.joined(separator: ",")))"
                )
            }
            let elementID = record.fields[2].trimmingASCIISpaces()
            guard let element = framework.elementIndex(elementID) else {
                throw .error(
                    at: locate(record, 2),
                    "element \"\(elementID)\" is not in the framework \"\(framework.name)\"; expected an element id such as \"\(framework.elements[0].id)\""
                )
            }
            try rate(record, element: element, scoreField: 3, required: true)
        case .wide(let columns):
            guard record.fields.count == columns.count + 2 else {
                throw .error(
                    at: locate(record, 0),
                    "row has \(record.fields.count) fields; expected \(columns.count + 2) (district, year and one per element column)"
                )
            }
            for (j, e) in columns.enumerated() { try rate(record, element: e, scoreField: j + 2, required: false) }
        }
    }

    /// One rating: the record's district and year, `element`, and the score in field `scoreField`
    /// (an empty cell is no rating when not `required`).
    mutating func rate(_ record: CSVRecord, element: Int, scoreField: Int, required: Bool) throws(Diagnostic) {
        let scoreText = record.fields[scoreField].trimmingASCIISpaces()
        if scoreText.isEmpty && !required { return }
        let district = record.fields[0].trimmingASCIISpaces()
        guard !district.isEmpty else {
            throw .error(at: locate(record, 0), "district is empty; expected a district name")
        }
        let yearText = record.fields[1].trimmingASCIISpaces()
        guard let year = Int(yearText) else {
            throw .error(
                at: locate(record, 1), "year \"\(yearText)\" is not a whole number; expected a year such as 2016")
        }
        guard PanelLoader.plausibleYears.contains(year) else {
            throw .error(
                at: locate(record, 1),
                "year \(year) is out of range; expected a year between \(PanelLoader.plausibleYears.lowerBound) and \(PanelLoader.plausibleYears.upperBound)"
            )
        }
        guard let score = Int(scoreText) else {
            throw .error(
                at: locate(record, scoreField), "score \"\(scoreText)\" is not an integer; expected one of \(levelList)"
            )
        }
        guard levels.contains(score) else {
            throw .error(
                at: locate(record, scoreField), "score \(score) is outside the scale; expected one of \(levelList)")
        }
        let slot = try snapshotSlot(record, district: district, year: year)
        if let previous = ratedAt[slot]?[element], previous != 0 {
            throw .error(
                at: locate(record, 0),
                "duplicate rating of \(district), \(year), element \(framework.elements[element].id); first given on \(lineWord) \(previous); expected one row per (district, year, element)"
            )
        }
        ratedAt[slot]![element] = record.line
        snapshots[slot].scores[element] = Double(score)
    }

    /// The snapshot slot of (district, year), created on first sight (the district name checked then).
    mutating func snapshotSlot(_ record: CSVRecord, district: String, year: Int) throws(Diagnostic) -> Int {
        if let table = districtTable, table.info(named: district) == nil {
            throw .error(
                at: locate(record, 0),
                "district \"\(district)\" is not in \(table.file); expected a district listed there")
        }
        let d: Int
        if let known = districtIndex[district] {
            d = known
        } else {
            if let problem = NameRule.problem(district, what: "district name") {
                throw .error(at: locate(record, 0), problem)
            }
            d = districtNames.count
            districtIndex[district] = d
            districtNames.append(district)
        }
        let key = PanelLoader.SnapshotKey(district: d, year: year)
        if let known = slotIndex[key] { return known }
        let slot = snapshots.count
        slotIndex[key] = slot
        snapshots.append(
            Snapshot(districtIndex: d, year: year, scores: Array(repeating: nil, count: framework.elements.count)))
        firstLines.append(record.line)
        ratedAt[slot] = Array(repeating: 0, count: framework.elements.count)
        return slot
    }
}
