import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// Every bad panel gets one error naming file:line (and column where it applies) and what was expected.
@Suite struct PanelLoaderErrorTests {
    let fw = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))
    let header = "district,year,element,score\n"

    /// A full valid snapshot for district `d`, year `y`.
    func snapshot(_ d: String = "North", _ y: Int = 2020, score: Int = 1) -> String {
        fw.elements.map { "\(d),\(y),\($0.id),\(score)\n" }.joined()
    }

    func error(_ text: String, districts: String? = nil) -> Diagnostic? {
        diagnostic { () throws(Diagnostic) in _ = try parsePanel(text, framework: fw, districts: districts) }
    }

    func expectError(
        _ text: String, line: Int, column: Int? = nil, mentions: [String],
        districts: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let e = error(text, districts: districts) else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        #expect(e.severity == .error, sourceLocation: sourceLocation)
        #expect(e.location.file == "panel.csv", sourceLocation: sourceLocation)
        #expect(e.location.line == line, "\(e)", sourceLocation: sourceLocation)
        if let column { #expect(e.location.column == column, "\(e)", sourceLocation: sourceLocation) }
        for word in mentions {
            #expect(e.message.contains(word), "\(e) should mention \(word)", sourceLocation: sourceLocation)
        }
    }

    @Test func unknownElement() {
        expectError(
            header + snapshot() + "North,2020,z9,1\n", line: 10, column: 12,
            mentions: ["\"z9\"", "not in the framework"])
    }

    @Test func districtMissingFromDistrictsFile() {
        guard let e = error(header + snapshot("East"), districts: "district,state,governance\nNorth,XX,board\n") else {
            Issue.record("expected an error")
            return
        }
        #expect(e.location.line == 2 && e.location.column == 1)
        #expect(e.message.contains("\"East\"") && e.message.contains("districts.csv"))
    }

    @Test func scoreOutsideTheScale() {
        expectError(header + "North,2020,a1,4\n", line: 2, column: 15, mentions: ["outside the scale", "0, 1, 2, 3"])
    }

    @Test func scoreNotAnInteger() {
        expectError(header + "North,2020,a1,2.5\n", line: 2, column: 15, mentions: ["not an integer"])
        expectError(header + "North,2020,a1,NaN\n", line: 2, column: 15, mentions: ["not an integer"])
        expectError(header + "North,2020,a1,\n", line: 2, column: 15, mentions: ["not an integer"])
    }

    @Test func duplicateRating() {
        expectError(header + snapshot() + "North,2020,b2,3\n", line: 10, mentions: ["duplicate", "line 6"])
    }

    @Test func snapshotWithNoElementOfAComponent() {
        let text = header + snapshot().split(separator: "\n").filter { !$0.contains(",b") }.map { $0 + "\n" }.joined()
        expectError(text, line: 2, mentions: ["no element of component B", "b1, b2"])
    }

    @Test func raggedRow() {
        expectError(header + "North,2020,a1\n", line: 2, column: 1, mentions: ["3 fields", "expected 4"])
        expectError(header + "North,2020,a1,1,extra\n", line: 2, mentions: ["5 fields"])
    }

    @Test func unterminatedQuote() {
        expectError(
            header + snapshot() + "\"North,2020,a1,1\nNorth,2021,a1,1\n", line: 10, column: 1,
            mentions: ["unterminated"])
    }

    @Test func emptyFile() {
        expectError("", line: 1, mentions: ["empty"])
        expectError("\n\n", line: 1, mentions: ["empty"])
        expectError(header, line: 2, mentions: ["no rows"])
    }

    @Test func wrongHeader() {
        expectError(
            "district,year,item,score\n" + snapshot(), line: 1, column: 1,
            mentions: ["expected exactly \"district,year,element,score\""])
    }

    @Test func nonNumericYear() {
        expectError(header + "North,twenty,a1,1\n", line: 2, column: 7, mentions: ["\"twenty\"", "not a whole number"])
        expectError(header + "North,20200,a1,1\n", line: 2, column: 7, mentions: ["out of range"])
    }

    @Test func latin1BytesAreLocated() {
        var bytes = Array((header + "North,2020,a1,1\nM").utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes += Array("rida,2020,a1,1\n".utf8)
        let e = diagnostic { () throws(Diagnostic) in _ = try PanelLoader.parse(bytes, file: "panel.csv", framework: fw)
        }
        #expect(e?.location.line == 3 && e?.location.column == 2)
        #expect(e?.message.contains("UTF-8") == true)
    }

    /// What spreadsheets write is accepted: a byte-order mark, CRLF, quoted numbers, a trailing blank line.
    @Test func spreadsheetExportsAreAccepted() throws {
        let rows = snapshot().split(separator: "\n").map { line -> String in
            let f = line.split(separator: ",")
            return "\"\(f[0])\",\(f[1]),\"\(f[2])\",\"\(f[3])\""
        }
        let text = "\u{FEFF}" + "district,year,element,score\r\n" + rows.joined(separator: "\r\n") + "\r\n\r\n"
        let result = try parsePanel(text, framework: fw)
        #expect(result.panel.snapshots.count == 1)
        #expect(result.panel.snapshots[0].scores.allSatisfy { $0 == 1 })
        #expect(result.warnings.isEmpty)
    }

    @Test func districtsFileAddsStateAndGovernance() throws {
        let result = try parsePanel(
            header + snapshot(), framework: fw,
            districts: "district,state,governance\nNorth,XX,elected-board\nWest,YY,board\n")
        #expect(result.panel.districts == [DistrictInfo(name: "North", state: "XX", governance: "elected-board")])
        #expect(result.warnings.count == 1 && result.warnings[0].message.contains("West"))
    }

    @Test func panelWithoutDistrictsFileNamesItsOwnDistricts() throws {
        let result = try parsePanel(header + snapshot("Zeta", 1999) + snapshot("Eta", 2031), framework: fw)
        #expect(result.panel.districts.map(\.name) == ["Zeta", "Eta"])
        #expect(result.panel.years == [1999, 2031])
    }
}
