import Foundation
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData

/// The wild cluster bootstrap-t behind `simulate calibrate`'s intervals, checked on known truth
/// the regression does not assume: errors shared by every rating of a district in a year (so a
/// district's ratings are not independent), the lever carried by few districts.
@Suite(.tags(.slow)) struct WildClusterBootstrapTests {
    /// 20 synthetic districts, 2010–2015; 6 of them change their union contract in 2012 (+0.5 on
    /// its level elements from 2013); every district-year adds one shock N(0, 0.25²) to all of
    /// its elements.
    static func dataset(seed: UInt64) throws -> (Panel, EventTable) {
        let fw = Shipped.framework
        let synthetic = SyntheticPanel.generate(
            framework: fw, districts: 20, years: 2010...2015, seed: seed, rounded: false
        ).panel
        let levers = LeverCalibrationTests.levers
        let level = levers.lever("union-contract-change")!.effects(provisions: nil).filter { $0.kind == .level }
        let targeted = Set(level.flatMap { $0.targets.elementIndices(in: fw) })
        var rng = SeededGenerator(seed: seed &* 7919)
        var snapshots = synthetic.snapshots
        var shock: [String: Double] = [:]
        for i in snapshots.indices {
            let d = snapshots[i].districtIndex
            let key = "\(d)|\(snapshots[i].year)"
            let s = shock[key] ?? 0.25 * rng.normal()
            shock[key] = s
            for e in fw.elements.indices {
                snapshots[i].scores[e]! += s + (d < 6 && snapshots[i].year >= 2013 && targeted.contains(e) ? 0.5 : 0)
            }
        }
        let events = EventTable(
            file: "events.csv",
            events: (0..<6).map {
                .init(
                    district: synthetic.districts[$0].name, year: 2012, lever: "union-contract-change", note: "",
                    location: SourceLocation(file: "events.csv"))
            })
        return (Panel(framework: fw, districts: synthetic.districts, snapshots: snapshots), events)
    }

    /// Over 60 datasets the bootstrap's 95% interval for the level shift covers the truth (0.5)
    /// at least as often as β̂ ± 1.96·SE (cluster-robust), and in at least 88% of them.
    @Test func bootstrapIntervalCoversTheKnownEffect() throws {
        var bootstrapCovers = 0
        var normalCovers = 0
        let runs = 60
        for seed in 1...UInt64(runs) {
            let (panel, events) = try Self.dataset(seed: seed)
            let columns = LeverCalibration.Column.candidates(LeverCalibrationTests.levers, framework: panel.framework)
            let regression = LeverCalibration.Regression(panel: panel, events: events, columns: columns)
            let carried = regression.carriers()
            let (kept, _) = try regression.identify(carriers: carried.districts, carriedSteps: carried.steps)
            let fit = try regression.fit(kept)
            let c = columns.firstIndex { $0.lever == "union-contract-change" && $0.kind == .level }!
            let position = try #require(kept.firstIndex(of: regression.fixedCount + c))
            let bootstrap = try LeverCalibration.WildClusterBootstrap(
                regression, kept: kept, beta: fit.beta, standardErrors: fit.standardErrors, positions: [position],
                replicates: 199)
            let (b, se) = (fit.beta[position], fit.standardErrors[position])
            let interval = try #require(bootstrap.interval(0, estimate: b, standardError: se, level: 0.95))
            if interval.contains(0.5) { bootstrapCovers += 1 }
            if abs(b - 0.5) <= 1.96 * se { normalCovers += 1 }
        }
        print("coverage of 95% intervals over \(runs) datasets: bootstrap \(bootstrapCovers), normal \(normalCovers)")
        #expect(bootstrapCovers >= normalCovers)
        #expect(Double(bootstrapCovers) / Double(runs) >= 0.88, "bootstrap \(bootstrapCovers) of \(runs)")
    }

    /// The interval is read from the replicates' order statistics: with t* = −3 … 3 in 999 equal
    /// steps, the 95% interval of β̂ = 1, SE = 0.1 is 1 − t*₉₇₅·0.1 to 1 − t*₂₅·0.1.
    @Test func intervalReadsTheReplicatesOrderStatistics() throws {
        let t = (0..<999).map { -3 + 6 * Double($0) / 998 }
        let bootstrap = LeverCalibration.WildClusterBootstrap(statistics: [t])
        let interval = try #require(bootstrap.interval(0, estimate: 1, standardError: 0.1, level: 0.95))
        #expect(abs(interval.lowerBound - (1 - t[974] * 0.1)) < 1e-12)
        #expect(abs(interval.upperBound - (1 - t[24] * 0.1)) < 1e-12)
    }
}
