// libFuzzer target: the strict JSON parser and the scenario and framework decoders on
// arbitrary bytes. Any input may be rejected with a Diagnostic; none may crash.
@testable import RatingsData

/// libFuzzer's entry point: one input of `count` bytes at `start`; always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    do {
        let node = try JSONParser.parse(bytes, file: "fuzz.json")
        _ = try? Scenario.decode(node, file: "fuzz.json")
        _ = try? Framework.decode(node, file: "fuzz.json")
    } catch {
        _ = error.description
    }
    return 0
}
