import Foundation
import TestSupport
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The streaming reader gives exactly the records, lines and columns of the in-memory one,
/// whatever the chunk size — records, quotes and CRLF pairs split across chunks included.
@Suite struct CSVStreamingTests {
    let text = "\u{FEFF}a,b,c\r\n1,\"two\nlines\",3\r\n\n\"q\"\"uote\",x,y\nlast,row,here"

    func write(_ bytes: [UInt8]) throws -> String {
        let path = try Repository.temporaryDirectory(prefix: "stream-") + "/t.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func flatten(_ records: [CSVRecord]) -> [String] {
        records.map { "\($0.line):\($0.columns):\($0.fields)" }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func sameRecordsAsInMemory(_ chunk: Int) throws {
        let bytes = Array(text.utf8)
        let expected = flatten(try CSVReader.records(in: bytes, file: "t.csv"))
        var streamed: [CSVRecord] = []
        try CSVReader.forEachRecord(contentsOf: try write(bytes), chunkSize: chunk) { streamed.append($0) }
        #expect(flatten(streamed) == expected)
        #expect(expected.count == 4)
    }

    @Test(arguments: [3, 16, 1 << 20])
    func errorsKeepTheirLineAcrossChunks(_ chunk: Int) throws {
        var bytes = Array("h,i\n1,2\n3,4\n5,".utf8)
        bytes.append(0xE9)
        bytes += Array("\n".utf8)
        let path = try write(bytes)
        let e = diagnostic { () throws(Diagnostic) in
            try CSVReader.forEachRecord(contentsOf: path, chunkSize: chunk) { _ in }
        }
        #expect(e?.location.line == 4 && e?.location.column == 3)
        let open = try write(Array("h,i\n1,\"open\n2,3\n".utf8))
        let f = diagnostic { () throws(Diagnostic) in
            try CSVReader.forEachRecord(contentsOf: open, chunkSize: chunk) { _ in }
        }
        #expect(f?.location.line == 2 && f?.message.contains("unterminated") == true)
    }

    /// The shipped panel loads the same streamed as in memory.
    @Test func shippedPanelStreamsIdentically() throws {
        let path = Paths.shipped("portfolio-snapshots.csv")
        let streamed = try PanelLoader.load(path: path, framework: Shipped.framework).panel
        let inMemory = try PanelLoader.parse(try InputFile.read(path), file: path, framework: Shipped.framework).panel
        #expect(streamed.snapshots == inMemory.snapshots)
        #expect(streamed.districts == inMemory.districts)
    }
}
