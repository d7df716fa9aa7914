import Foundation

@testable import RatingsData

// libFuzzer target: the .xlsx reader (ZIPFoundation + SWXMLHash + the panel checks) on arbitrary
// bytes written to a temporary .xlsx file. Any input may be rejected with a Diagnostic; none may
// crash. Seeds in Fuzz/corpus/workbook are small workbooks written by openpyxl. Built by Fuzz/run.sh.

let scratch = NSTemporaryDirectory() + "workbook-fuzz-\(getpid()).xlsx"

/// libFuzzer's entry point: one input of `count` bytes at `start`; always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard FileManager.default.createFile(atPath: scratch, contents: data) else { return 0 }
    do {
        let result = try PanelSource.load(path: scratch, framework: tinyFramework)
        _ = PanelDescription(result.panel)
    } catch {
        _ = error.description
    }
    return 0
}
