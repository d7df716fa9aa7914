import Foundation
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct FrameworkLoaderTests {
    func error(_ text: String) -> Diagnostic? {
        diagnostic { () throws(Diagnostic) in
            _ = try Framework.decode(try JSONParser.parse(Array(text.utf8), file: "fw.json"), file: "fw.json")
        }
    }

    let valid = """
        {"components": [{"id": "A", "shortName": "Alpha"}],
         "elements": [{"id": "a1", "component": "A"}],
         "levels": [{"value": 1, "label": "low"}, {"value": 2, "label": "high"}],
         "inProgressThreshold": 1.5,
         "advancedRule": {"atLeast": 1}}
        """

    @Test func minimalFrameworkLoads() throws {
        #expect(error(valid) == nil)
    }

    @Test func shippedFrameworkIsCRPEs() {
        let fw = Shipped.framework
        #expect(
            fw.components.map(\.shortName) == [
                "Choice", "Autonomy", "Funding", "Talent", "Support", "Accountability", "Engagement",
            ])
        #expect(fw.elements.count == 36)
        #expect(fw.levels.map(\.value) == [1, 2, 3, 4, 5])
        #expect(fw.inProgressThreshold == 3.5)
        #expect(fw.advancedRule.minimumComponents(of: 7) == 4)
    }

    /// A missing comma: the error names line and column.
    @Test func malformedJSONHasLineAndColumn() {
        let e = error("{\n  \"components\": []\n  \"elements\": []\n}")
        #expect(e?.location.line == 3 && e?.location.column == 3)
        #expect(e?.message.contains("expected ',' or '}'") == true)
    }

    @Test func truncatedJSON() {
        let e = error("{\"components\": [{\"id\": \"A\"")
        #expect(e?.location.line == 1)
        #expect(e?.message.contains("truncated") == true)
    }

    @Test func unknownKeyIsAnError() {
        let e = error(valid.replacingOccurrences(of: "\"inProgressThreshold\"", with: "\"inProgresThreshold\""))
        #expect(e?.message.contains("unknown key \"inProgresThreshold\"") == true)
        #expect(e?.location.line == 4)
    }

    @Test func duplicateKeyIsAnError() {
        let e = error("{\"name\": \"a\", \"name\": \"b\"}")
        #expect(e?.message.contains("duplicate key \"name\"") == true)
        #expect(e?.location.column == 15)
    }

    @Test func elementOfUnknownComponentNamesItsPath() {
        let e = error(valid.replacingOccurrences(of: "\"component\": \"A\"", with: "\"component\": \"B\""))
        #expect(e?.location.path == "elements[0].component")
        #expect(e?.message.contains("unknown component \"B\"") == true)
    }

    @Test func wrongTypeNamesItsPath() {
        let e = error(valid.replacingOccurrences(of: "1.5", with: "\"high\""))
        #expect(e?.location.path == "inProgressThreshold")
        #expect(e?.message.contains("expected a number, found a string") == true)
    }

    @Test func thresholdOutsideTheScale() {
        #expect(error(valid.replacingOccurrences(of: "1.5", with: "7"))?.message.contains("outside the scale") == true)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(error(deep)?.message.contains("nesting deeper") == true)
    }

    @Test func hugeNumbersAreRefused() {
        #expect(error("{\"inProgressThreshold\": 1e999}")?.message.contains("out of range") == true)
    }
}
