import Foundation
import RatingsData

/// The memory a projection (and its attribution) will take, estimated before anything is
/// allocated, so that `--draws 1000000000` is a located error naming the limit rather than a
/// crash an hour later.
///
/// Kept for every district: its advanced years (16 bytes a draw) and advanced-year bits (about
/// 8 + years/8 bytes a draw, an allowance). Held per thread while a district runs: the kept
/// trajectory values (8 bytes × measures × years × draws — an upper bound, since the integer
/// projection counts component scores instead of keeping them) and, with attribution, its
/// coalition bank — about 40 runs of one 8-byte word per draw and year.
public enum ProjectionBudget {
    /// The most draws a run may ask for, whatever the memory.
    public static let maximumDraws = 10_000_000
    /// The share of physical memory a run may plan to use.
    static let memoryShare = 0.75

    /// Estimated peak bytes of a run with these sizes, to refuse one that would not fit before allocating.
    public static func bytes(
        districts: Int, draws: Int, years: Int, measures: Int, threads: Int,
        attribution: Bool
    ) -> Double {
        let d = Double(draws)
        let y = Double(max(1, years))
        let kept = Double(districts) * d * (24 + y / 8)
        let perThread = d * y * 8 * (Double(measures) + (attribution ? 40 : 0))
        return kept + Double(max(1, threads)) * perThread
    }

    /// A located error (at `location`, where the draws were asked for) when the run would not fit.
    public static func check(
        districts: Int, draws: Int, years: Int, measures: Int, threads: Int, attribution: Bool,
        at location: SourceLocation
    ) throws(Diagnostic) {
        guard draws >= 1, draws <= maximumDraws else {
            throw .error(at: location, "draws \(draws); expected between 1 and \(maximumDraws)")
        }
        let need = bytes(
            districts: districts, draws: draws, years: years, measures: measures, threads: threads,
            attribution: attribution)
        let budget = Double(ProcessInfo.processInfo.physicalMemory) * memoryShare
        guard need <= budget else {
            let perDraw = need / Double(draws)
            throw .error(
                at: location,
                "\(draws) draws × \(districts) districts × \(years) years would need about \(gib(need)) of memory; the limit is \(gib(budget)) (\(Int(memoryShare * 100))% of this machine's); expected at most \(Int(budget / perDraw)) draws\(attribution ? " (or --skip-attribution)" : "")"
            )
        }
    }

    static func gib(_ bytes: Double) -> String { String(format: "%.1f GiB", bytes / Double(1 << 30)) }
}
