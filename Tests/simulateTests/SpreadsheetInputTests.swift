import Foundation
import Testing

/// Panels kept in spreadsheets: a wide CSV and .xlsx workbooks (written by openpyxl, an
/// independent writer) give byte-identical results to the shipped long CSV.
@Suite struct SpreadsheetInputTests {
    static let files = ["describe.csv", "components.csv", "elements.csv"]

    func workbooks() throws -> String {
        let dir = try CLI.temporaryDirectory()
        let made = try Tools.run(
            "python3", ["Tests/python/write_workbooks.py", "Scenarios/data/portfolio-snapshots.csv", dir])
        #expect(made.status == 0, "\(made.stderr)")
        return dir
    }

    func describe(_ data: String, _ extra: [String] = [], out: String) throws -> [String] {
        let run = try CLI.run(
            ["describe", "--data", data, "--districts", "Scenarios/data/districts.csv", "--out", out] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try Self.files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
    }

    @Test func workbooksGiveTheSameResultsAsTheLongCSV() throws {
        let dir = try workbooks()
        let reference = try describe("Scenarios/data/portfolio-snapshots.csv", out: dir + "/csv")
        #expect(try describe(dir + "/long.xlsx", out: dir + "/long") == reference)
        #expect(try describe(dir + "/wide.xlsx", ["--sheet", "Ratings"], out: dir + "/wide") == reference)
        try
            #"{"name": "xlsx", "horizon": 2020, "draws": 50, "data": "wide.xlsx", "sheet": "Ratings", "districtsFile": "\#(CLI.repository)/Scenarios/data/districts.csv", "events": "\#(CLI.repository)/Scenarios/data/events.csv"}"#
            .write(toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        try #"{"name": "csv", "horizon": 2020, "draws": 50}"#.write(
            toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let xlsx = try CLI.run([dir + "/s.json", "--skip-attribution", "--out", dir + "/sx"])
        let csv = try CLI.run([dir + "/c.json", "--skip-attribution", "--out", dir + "/sc"])
        #expect(xlsx.status == 0 && csv.status == 0, "\(xlsx.stderr)\(csv.stderr)")
        let a = try String(contentsOfFile: dir + "/sx/advanced.csv", encoding: .utf8).replacingOccurrences(
            of: "xlsx,", with: "")
        let b = try String(contentsOfFile: dir + "/sc/advanced.csv", encoding: .utf8).replacingOccurrences(
            of: "csv,", with: "")
        #expect(a == b)
    }

    @Test func wideCSVGivesTheSameResults() throws {
        let dir = try CLI.temporaryDirectory()
        let long = try String(
            contentsOfFile: CLI.repository + "/Scenarios/data/portfolio-snapshots.csv", encoding: .utf8)
        var elements: [String] = []
        var snapshots: [String: [String: String]] = [:]
        var order: [String] = []
        for line in long.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if !elements.contains(f[2]) { elements.append(f[2]) }
            let key = f[0] + "," + f[1]
            if snapshots[key] == nil { order.append(key) }
            snapshots[key, default: [:]][f[2]] = f[3]
        }
        let wide =
            (["district,year," + elements.joined(separator: ",")]
            + order.map { key in key + "," + elements.map { snapshots[key]![$0] ?? "" }.joined(separator: ",") })
            .joined(separator: "\n") + "\n"
        try wide.write(toFile: dir + "/wide.csv", atomically: true, encoding: .utf8)
        #expect(
            try describe(dir + "/wide.csv", out: dir + "/w")
                == describe("Scenarios/data/portfolio-snapshots.csv", out: dir + "/l"))
    }

    @Test func workbookErrorsNameTheSheetAndCell() throws {
        let dir = try workbooks()
        let bad = try CLI.run(["describe", "--data", dir + "/bad.xlsx", "--sheet", "Ratings", "--out", dir + "/b"])
        #expect(
            bad.status == 1
                && bad.stderr.contains("bad.xlsx: error: sheet \"Ratings\" cell C17: score 9 is outside the scale"),
            "\(bad.stderr)")
        let sheet = try CLI.run(["describe", "--data", dir + "/wide.xlsx", "--sheet", "Rating", "--out", dir + "/c"])
        #expect(
            sheet.status == 1 && sheet.stderr.contains("has no sheet \"Rating\"; did you mean \"Ratings\"?"),
            "\(sheet.stderr)")
        try "not a zip".write(toFile: dir + "/junk.xlsx", atomically: true, encoding: .utf8)
        let junk = try CLI.run(["describe", "--data", dir + "/junk.xlsx", "--out", dir + "/d"])
        #expect(junk.status == 1 && junk.stderr.contains("is not an .xlsx workbook"), "\(junk.stderr)")
        // The first sheet holds notes.
        let first = try CLI.run(["describe", "--data", dir + "/wide.xlsx", "--out", dir + "/e"])
        #expect(first.status == 1 && first.stderr.contains("sheet \"Notes\" cell A1: header is"), "\(first.stderr)")
    }

    /// Cells that would change a rating if read as something else are located errors: a
    /// TRUE/FALSE, a formula with no saved value (openpyxl saves none).
    @Test func booleansAndFormulasAreRefused() throws {
        let dir = try workbooks()
        let script = """
            import openpyxl, sys
            for name, value in [("bool", True), ("formula", "=1+1")]:
                wb = openpyxl.load_workbook(sys.argv[1] + "/wide.xlsx")
                wb["Ratings"]["D5"] = value
                wb.save(sys.argv[1] + "/" + name + ".xlsx")
            """
        try script.write(toFile: dir + "/make.py", atomically: true, encoding: .utf8)
        #expect(try Tools.run("python3", [dir + "/make.py", dir]).status == 0)
        let bool = try CLI.run(["describe", "--data", dir + "/bool.xlsx", "--sheet", "Ratings", "--out", dir + "/b"])
        #expect(
            bool.status == 1 && bool.stderr.contains("sheet \"Ratings\" cell D5: holds TRUE/FALSE"), "\(bool.stderr)")
        let formula = try CLI.run([
            "describe", "--data", dir + "/formula.xlsx", "--sheet", "Ratings", "--out", dir + "/f",
        ])
        #expect(
            formula.status == 1 && formula.stderr.contains("cell D5: holds a formula with no saved value"),
            "\(formula.stderr)")
        let csvSheet = try CLI.run(["describe", "--sheet", "Ratings", "--out", dir + "/c"])
        #expect(
            csvSheet.status == 1 && csvSheet.stderr.contains("applies only to an .xlsx --data"), "\(csvSheet.stderr)")
    }
}
