import Foundation
import Reports
import Testing

/// The notebook's JSON has nbformat 4.5's shape, read back with Foundation's own parser.
@Suite struct NotebookTests {
    @Test func cellsHaveIdsSourceLinesAndCodeCellsHaveNullCountsAndNoOutputs() throws {
        let text = Notebook(cells: [.markdown("# Title\n\nline"), .code("x = 1\nx")]).json
        let root = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["nbformat"] as? Int == 4 && root["nbformat_minor"] as? Int == 5)
        let cells = try #require(root["cells"] as? [[String: Any]])
        #expect(cells.map { $0["id"] as? String } == ["cell-1", "cell-2"])
        #expect(cells[0]["source"] as? [String] == ["# Title\n", "\n", "line"])
        #expect(cells[0]["execution_count"] == nil && cells[0]["outputs"] == nil)
        #expect(cells[1]["execution_count"] is NSNull && (cells[1]["outputs"] as? [Any])?.isEmpty == true)
        let kernel = (root["metadata"] as? [String: Any])?["kernelspec"] as? [String: String]
        #expect(kernel == ["display_name": "Python 3", "language": "python", "name": "python3"])
    }
}
