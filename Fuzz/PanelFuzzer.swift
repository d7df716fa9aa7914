// libFuzzer target: the panel loader (strict CSV reader + panel checks) on arbitrary bytes.
// Any input may be rejected with a Diagnostic; none may crash. Built by Fuzz/run.sh.
@testable import RatingsData

/// libFuzzer's entry point: one input of `count` bytes at `start`; always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPanel(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    do {
        let result = try PanelLoader.parse(bytes, file: "fuzz.csv", framework: tinyFramework)
        // A loaded panel must describe without trapping.
        _ = PanelDescription(result.panel)
    } catch {
        _ = error.description
    }
    _ = try? DistrictTable.parse(bytes, file: "fuzz.csv")
    _ = try? EventTable.parse(bytes, file: "fuzz.csv")
    return 0
}
