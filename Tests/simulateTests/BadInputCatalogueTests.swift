import Foundation
import TestSupport
import Testing

/// The bad-input catalogue (Fixtures/bad/catalogue.tsv): every malformed panel, framework and
/// scenario exits non-zero with one message naming the file and place and what was expected,
/// no stack trace or "Fatal error", and no output files.
@Suite struct BadInputCatalogueTests {
    struct Entry: CustomStringConvertible, Sendable {
        var fixture: String
        var command: String
        var expected: String
        var description: String { fixture }
    }

    static let folder = "Tests/simulateTests/Fixtures/bad/"

    static let entries: [Entry] = {
        let text = try! String(contentsOfFile: CLI.repository + "/" + folder + "catalogue.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Entry(fixture: f[0], command: f[1], expected: f[2])
        }
    }()

    @Test func catalogueHasAtLeastThirtyEntries() {
        #expect(Self.entries.count >= 30)
    }

    @Test(arguments: entries)
    func badInputFailsCleanly(_ entry: Entry) throws {
        let out = try CLI.temporaryDirectory() + "/out"
        let path = Self.folder + entry.fixture
        let arguments: [String]
        switch entry.command {
        case "describe":
            arguments = ["describe", "--data", path, "--framework", "Scenarios/data/framework.json", "--out", out]
        case "describe-framework": arguments = ["describe", "--framework", path, "--out", out]
        default: arguments = ["run", path, "--out", out]
        }
        let run = try CLI.run(arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(entry.expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one message: \(run.stderr)")
        #expect(
            !run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump")
                && !run.stderr.contains("backtrace"))
        #expect(!FileManager.default.fileExists(atPath: out), "no output written")
    }

    /// What spreadsheets write loads as it is: a byte-order mark, CRLF line ends, quoted numbers,
    /// padded fields and a trailing blank line.
    @Test func spreadsheetExportIsAccepted() throws {
        let shipped = try String(
            contentsOfFile: CLI.repository + "/Scenarios/data/portfolio-snapshots.csv", encoding: .utf8)
        let rows = shipped.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",")
            return "\"\(f[0])\", \(f[1]),\"\(f[2])\",\"\(f[3])\""
        }
        let dir = try CLI.temporaryDirectory()
        let text = "\u{FEFF}district,year,element,score\r\n" + rows.joined(separator: "\r\n") + "\r\n\r\n"
        try text.write(toFile: dir + "/excel.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run([
            "describe", "--data", dir + "/excel.csv", "--districts", "Scenarios/data/districts.csv", "--out",
            dir + "/out",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let original = try CLI.run(["describe", "--out", dir + "/original"])
        #expect(original.status == 0, "\(original.stderr)")
        #expect(
            try String(contentsOfFile: dir + "/out/describe.csv", encoding: .utf8)
                == String(contentsOfFile: dir + "/original/describe.csv", encoding: .utf8))
    }

    /// A 1,000,000-row panel with one bad row at the very end: the error names that line.
    @Test(.tags(.slow)) func millionRowPanelWithOneBadRowAtTheEnd() throws {
        let dir = try CLI.temporaryDirectory()
        let elements = (1...36).map { i -> String in
            let counts = [6, 6, 4, 6, 3, 5, 6]
            var k = 0
            var n = i
            while n > counts[k] {
                n -= counts[k]
                k += 1
            }
            return "\(k + 1).\(n)"
        }
        var text = "district,year,element,score\n"
        text.reserveCapacity(32_000_000)
        var rows = 0
        var district = 0
        while rows < 999_999 {
            for year in 2000...2009 {
                for e in elements where rows < 999_999 {
                    text += "D\(district),\(year),\(e),\((district + year) % 5 + 1)\n"
                    rows += 1
                }
            }
            district += 1
        }
        text += "D0,2000,1.1,seven\n"
        try text.write(toFile: dir + "/big.csv", atomically: false, encoding: .utf8)
        let run = try CLI.run([
            "describe", "--data", dir + "/big.csv", "--framework", "Scenarios/data/framework.json", "--out",
            dir + "/out",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("big.csv:1000001:13: error: score \"seven\" is not an integer"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
