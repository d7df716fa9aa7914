import Foundation
import SWXMLHash
import ZIPFoundation

/// One sheet of an `.xlsx` workbook as rows of cell texts: the zip container read by
/// ZIPFoundation, its XML by SWXMLHash (Office Open XML, SpreadsheetML: `xl/workbook.xml`
/// names the sheets, `xl/_rels/workbook.xml.rels` says which part holds each, shared strings
/// live in `xl/sharedStrings.xml`). Numbers that are whole come out without a decimal point
/// (a spreadsheet stores 3 as `3` or `3.0`), so a rating reads as it does from a CSV.
struct Workbook {
    /// A non-empty row: its sheet row number and its cells' texts by column (1-based, dense).
    struct Row {
        var number: Int
        var cells: [String]
    }

    let path: String
    let archive: Archive

    init(path: String) throws(Diagnostic) {
        // Opened by path. ZIPFoundation 0.9.20's in-memory archive traps on malformed input
        // ("Range requires lowerBound <= upperBound" in MemoryFile.readData, found by the workbook
        // fuzzer), while opening by path leaks the 30-byte C path string Foundation hands it
        // (LeakSanitizer): a small leak per workbook beats a crash, so the fuzzer ignores leaks.
        _ = try InputFile.regularFileSize(path, limit: Self.fileLimit)
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .error(
                at: SourceLocation(file: path),
                "is not an .xlsx workbook (not a zip container: \(error)); expected a workbook saved as .xlsx")
        }
    }

    /// The largest workbook file read.
    static let fileLimit = 512 << 20
    /// The largest part read (unzipped): a zip bomb is an error, not an exhausted machine.
    static let partLimit = 256 << 20
    /// The deepest XML nesting read (SpreadsheetML needs about 6; the parser recurses per level).
    static let depthLimit = 256

    /// The text of a part of the package (nil when absent).
    func part(_ name: String) throws(Diagnostic) -> XMLIndexer? {
        guard let entry = archive[name] else { return nil }
        guard entry.uncompressedSize <= Self.partLimit else {
            throw .error(
                at: SourceLocation(file: path, path: name),
                "unzips to \(entry.uncompressedSize) bytes; the limit for one part of a workbook is \(Self.partLimit >> 20) MiB"
            )
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .error(at: SourceLocation(file: path, path: name), "cannot be read from the workbook: \(error)")
        }
        guard Self.nestingDepth(data) <= Self.depthLimit else {
            throw .error(
                at: SourceLocation(file: path, path: name),
                "XML nested deeper than \(Self.depthLimit) levels; expected a workbook's sheet")
        }
        return XMLHash.config { $0.shouldProcessNamespaces = true }.parse(data)
    }

    /// The deepest element nesting in XML bytes (tags counted, not validated).
    static func nestingDepth(_ data: Data) -> Int {
        var depth = 0
        var deepest = 0
        data.withUnsafeBytes { (b: UnsafeRawBufferPointer) in
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "<"), i + 1 < b.count {
                    let next = b[i + 1]
                    if next == UInt8(ascii: "/") {
                        depth -= 1
                    } else if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") {
                        var j = i + 1
                        while j < b.count && b[j] != UInt8(ascii: ">") { j += 1 }
                        if j < b.count && b[j - 1] != UInt8(ascii: "/") {
                            depth += 1
                            deepest = max(deepest, depth)
                        }
                        i = j
                    }
                }
                i += 1
            }
        }
        return deepest
    }

    /// The sheet's name and its rows: `sheet` by name, else the first sheet.
    func rows(sheet: String?) throws(Diagnostic) -> (name: String, rows: [Row]) {
        guard let workbook = try part("xl/workbook.xml") else {
            throw .error(at: SourceLocation(file: path), "has no xl/workbook.xml; expected an .xlsx workbook")
        }
        let sheets = workbook["workbook"]["sheets"]["sheet"].all.compactMap { s -> (String, String)? in
            // The relationship id is `r:id`; with namespaces processed some parsers report it as `id`.
            guard let name = s.element?.attribute(by: "name")?.text,
                let id = (s.element?.attribute(by: "r:id") ?? s.element?.attribute(by: "id"))?.text
            else { return nil }
            return (name, id)
        }
        guard let chosen = sheet.map({ wanted in sheets.first { $0.0 == wanted } }) ?? sheets.first else {
            let names = sheets.map(\.0)
            throw .error(
                at: SourceLocation(file: path, path: "--sheet"),
                "has no sheet \"\(sheet ?? "")\"\(Suggestion.didYouMean(sheet ?? "", among: names)); \(Suggestion.expectedOneOf(names, none: "it has no sheets"))"
            )
        }
        let target = try sheetPart(relationship: chosen.1)
        guard let xml = try part(target) else {
            throw .error(
                at: SourceLocation(file: path, path: target), "sheet \"\(chosen.0)\" is missing from the workbook")
        }
        let shared = try sharedStrings()
        var rows: [Row] = []
        var previousRow = 0
        for row in xml["worksheet"]["sheetData"]["row"].all {
            // `r` is optional in the format: a row without it follows the previous one, a cell without it the previous cell.
            let number = row.element?.attribute(by: "r").flatMap { Int($0.text) } ?? previousRow + 1
            guard number >= 1, number <= Self.maximumRow else {
                throw .error(
                    at: SourceLocation(file: path, path: "sheet \"\(chosen.0)\""),
                    "row number \(number) is outside 1–\(Self.maximumRow); expected a workbook's row")
            }
            previousRow = number
            var cells: [String] = []
            for cell in row["c"].all {
                let reference = cell.element?.attribute(by: "r")?.text
                guard let column = reference.map({ Self.column(of: $0) }) ?? cells.count + 1,
                    column <= Self.maximumColumn
                else {
                    throw .error(
                        at: SourceLocation(file: path, path: "sheet \"\(chosen.0)\" row \(number)"),
                        "cell reference \(NameRule.quoted(reference ?? "")) is not a column A–XFD; expected a workbook's cell"
                    )
                }
                let at = SourceLocation(file: path, path: "sheet \"\(chosen.0)\" cell \(Self.letters(column))\(number)")
                let text = try Self.text(of: cell, shared: shared, at: at)
                if cells.count < column { cells += Array(repeating: "", count: column - cells.count) }
                cells[column - 1] = text
            }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(Row(number: number, cells: cells)) }
        }
        return (chosen.0, rows)
    }

    /// The part a sheet relationship id points to (`xl/worksheets/sheet1.xml`).
    func sheetPart(relationship id: String) throws(Diagnostic) -> String {
        let rels = try part("xl/_rels/workbook.xml.rels")
        let target = rels?["Relationships"]["Relationship"].all.first { $0.element?.attribute(by: "Id")?.text == id }?
            .element?.attribute(by: "Target")?.text
        guard let target else {
            throw .error(
                at: SourceLocation(file: path), "sheet relationship \(id) has no target in xl/_rels/workbook.xml.rels")
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    func sharedStrings() throws(Diagnostic) -> [String] {
        guard let sst = try part("xl/sharedStrings.xml") else { return [] }
        return sst["sst"]["si"].all.map { si in
            // Plain `<t>` or rich-text runs `<r><t>`; phonetic hints (`<rPh>`) are not text.
            let runs = si["r"].all.compactMap { $0["t"].element?.text }
            return runs.isEmpty ? (si["t"].element?.text ?? "") : runs.joined()
        }
    }

    /// A cell's text: a shared or inline string, or a number (whole numbers without `.0`). A
    /// boolean, an error value, a formula with no saved value or a missing shared string is a
    /// located error: read as anything else it would change a rating silently.
    static func text(of cell: XMLIndexer, shared: [String], at: SourceLocation) throws(Diagnostic) -> String {
        let type = cell.element?.attribute(by: "t")?.text ?? "n"
        let value = cell["v"].element?.text ?? ""
        if cell["f"].element != nil && value.isEmpty {
            throw .error(
                at: at,
                "holds a formula with no saved value; expected a value (open and save the workbook in a spreadsheet app, or paste values)"
            )
        }
        switch type {
        case "s":
            guard let i = Int(value), i >= 0, i < shared.count else {
                throw .error(
                    at: at,
                    "refers to shared string \(value), which the workbook does not have (it has \(shared.count)); expected a readable workbook"
                )
            }
            return shared[i]
        case "b": throw .error(at: at, "holds TRUE/FALSE; expected a number or text")
        case "e": throw .error(at: at, "holds the error value \(value); expected a number or text")
        case "inlineStr":
            let runs = cell["is"]["r"].all.compactMap { $0["t"].element?.text }
            return runs.isEmpty ? (cell["is"]["t"].element?.text ?? "") : runs.joined()
        case "n":
            if let x = Double(value), x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
            return value
        default: return value
        }
    }

    /// A spreadsheet's limits (Excel's): columns A…XFD and rows 1…1,048,576.
    static let maximumColumn = 16_384
    static let maximumRow = 1_048_576

    /// The 1-based column of a cell reference (`C17` → 3); nil when it has no letters or names a
    /// column beyond `maximumColumn` (a fuzzer found `ZZZZZZZZZZZZZZ…` overflowing Int).
    static func column(of reference: String) -> Int? {
        var n = 0
        for c in reference.uppercased().unicodeScalars {
            guard c.value >= 65 && c.value <= 90 else { break }
            n = n * 26 + Int(c.value - 64)
            if n > maximumColumn { return nil }
        }
        return n > 0 ? n : nil
    }

    /// The letters of a 1-based column (3 → `C`).
    static func letters(_ column: Int) -> String {
        var n = column
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
