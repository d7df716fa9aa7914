import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct JSONParserTests {
    /// Every value's line and column in a 5 MB document (an array of 100,000 objects, one a line,
    /// with multi-byte characters before some values), against positions worked out when the
    /// document was written. Positions are counted once through the file; counting each value's
    /// from byte 0, as the parser once did, would take on the order of 10¹¹ steps here.
    @Test func positionsInAFiveMegabyteDocument() throws {
        var text = "[\n"
        var expected: [(line: Int, column: Int)] = []
        for i in 0..<100_000 {
            let name = i % 7 == 0 ? "Zürich–\(i)" : "district \(i)"
            let prefix = "  {\"name\": \"\(name)\", \"score\": "
            expected.append((i + 2, prefix.count + 1))  // columns count characters, 1-based
            text += prefix + "\(Double(i % 400) / 100)" + ", \"pad\": \"" + String(repeating: "x", count: 4) + "\"}"
            text += i < 99_999 ? ",\n" : "\n"
        }
        text += "]\n"
        #expect(text.utf8.count > 5_000_000)
        let root = try JSONParser.parse(Array(text.utf8), file: "big.json")
        guard case .array(let rows) = root.value else {
            Issue.record("not an array")
            return
        }
        #expect(rows.count == 100_000)
        for (i, row) in rows.enumerated() {
            guard case .object(let fields) = row.value, let score = fields.first(where: { $0.key == "score" })?.node
            else {
                Issue.record("row \(i) is not an object with a score")
                return
            }
            if score.line != expected[i].line || score.column != expected[i].column {
                Issue.record(
                    "row \(i): \(score.line):\(score.column), expected \(expected[i].line):\(expected[i].column)")
                return
            }
        }
    }

    /// An error after many values still names its own line and column (the cursor is not
    /// confused by positions asked for out of order).
    @Test func errorLocationAfterManyValues() {
        let text = "[\n" + String(repeating: "1,\n", count: 1_000) + "  tru\n]"
        #expect(throws: Diagnostic.self) { try JSONParser.parse(Array(text.utf8), file: "x.json") }
        do {
            _ = try JSONParser.parse(Array(text.utf8), file: "x.json")
        } catch {
            #expect(error.location.line == 1_002 && error.location.column == 3, "\(error)")
        }
    }
}
