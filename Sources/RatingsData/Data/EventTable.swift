/// The events file (`district,date,lever,note`): dated interventions from the public record.
public struct EventTable: Sendable {
    /// The events file's exact header.
    public static let header = ["district", "date", "lever", "note"]

    /// One row of the events file.
    public struct Event: Equatable, Sendable {
        /// District name, as in the panel.
        public var district: String
        /// Calendar year of the event (dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
        public var year: Int
        /// The lever id the event is an instance of (an id in the lever catalogue).
        public var lever: String
        /// Free text from the file; may be empty.
        public var note: String
        /// Where the row is in the events file, for messages about it.
        public var location: SourceLocation

        package init(district: String, year: Int, lever: String, note: String, location: SourceLocation) {
            self.district = district
            self.year = year
            self.lever = lever
            self.note = note
            self.location = location
        }
    }

    /// The path it was read from, for messages.
    public var file: String
    /// Every event, in file order.
    public var events: [Event]

    /// A table of events already checked (synthetic panels write theirs this way).
    public init(file: String, events: [Event]) {
        self.file = file
        self.events = events
    }

    /// Read and check the events file at `path`; errors name the file, line and column.
    public static func load(path: String) throws(Diagnostic) -> EventTable {
        try parse(try InputFile.read(path), file: path)
    }

    /// Check `bytes` as an events file (read from `file`, named in errors).
    public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> EventTable {
        var events: [Event] = []
        var sawHeader = false
        try CSVReader.forEachRecord(in: bytes, file: file) { (record: CSVRecord) throws(Diagnostic) in
            func at(_ i: Int) -> SourceLocation {
                SourceLocation(file: file, line: record.line, column: record.columns[min(i, record.columns.count - 1)])
            }
            if !sawHeader {
                sawHeader = true
                guard record.fields.map({ $0.trimmingASCIISpaces() }) == header else {
                    throw .error(at: at(0), CSVReader.headerMismatch(record.fields, expected: header))
                }
                return
            }
            guard record.fields.count == header.count else {
                throw .error(
                    at: at(0),
                    "row has \(record.fields.count) fields; expected \(header.count) (\(header.joined(separator: ",")))"
                )
            }
            let date = record.fields[1].trimmingASCIISpaces()
            guard let year = parseYear(date) else {
                throw .error(at: at(1), "date \"\(date)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
            }
            events.append(
                Event(
                    district: record.fields[0].trimmingASCIISpaces(), year: year,
                    lever: record.fields[2].trimmingASCIISpaces(), note: record.fields[3], location: at(0)))
        }
        guard sawHeader else {
            throw .error(
                at: SourceLocation(file: file, line: 1),
                "the file is empty; expected the header \"\(header.joined(separator: ","))\"")
        }
        return EventTable(file: file, events: events)
    }

    static func parseYear(_ date: String) -> Int? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]),
            PanelLoader.plausibleYears.contains(year)
        else { return nil }
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return nil }
        }
        return year
    }
}
