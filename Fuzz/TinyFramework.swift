// The small framework the panel and workbook fuzzers check their inputs against (shared by both builds).
@testable import RatingsData

let tinyFramework: Framework = {
    let json = """
        {"components": [{"id": "A", "shortName": "Alpha"}, {"id": "B", "shortName": "Beta"}],
         "elements": [{"id": "a1", "component": "A"}, {"id": "a2", "component": "A"}, {"id": "b1", "component": "B"}],
         "levels": [{"value": 1, "label": "low"}, {"value": 2, "label": "mid"}, {"value": 3, "label": "high"}],
         "inProgressThreshold": 2, "advancedRule": {"atLeast": 1}}
        """
    return try! Framework.decode(try! JSONParser.parse(Array(json.utf8), file: "tiny.json"), file: "tiny.json")
}()
