import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The episodic generator: a known truth (turnover stalls, backlashes, a ceiling, sticky
/// ratings) that the engine's linear model does not assume.
@Suite struct EpisodicPanelTests {
    static let years = 2010...2019
    /// 60 districts × 10 years on the shipped framework, default parameters, drawn once.
    static let sixty = EpisodicPanel.generate(framework: Shipped.framework, districts: 60, years: years, seed: 1)

    /// Share of (series, year) pairs whose rating equals the year before.
    static func repeatRate(_ panel: Panel) -> Double {
        var same = 0
        var pairs = 0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for (a, b) in zip(snaps, snaps.dropFirst()) {
                for (x, y) in zip(a.scores, b.scores) {
                    pairs += 1
                    if x == y { same += 1 }
                }
            }
        }
        return Double(same) / Double(pairs)
    }

    @Test(arguments: [Paths.shipped("framework.json"), Paths.fixture("tiny/framework.json")])
    func ratingsAreLevelsOfTheScale(frameworkPath: String) throws {
        let fw = try Framework.load(contentsOf: frameworkPath)
        let synthetic = EpisodicPanel.generate(framework: fw, districts: 12, years: 2010...2017, seed: 4)
        let levels = Set(fw.levels.map { Double($0.value) })
        #expect(synthetic.panel.snapshots.count == 12 * 8)
        for s in synthetic.panel.snapshots {
            #expect(s.scores.count == fw.elements.count)
            #expect(s.scores.allSatisfy { $0.map(levels.contains) == true })
        }
        #expect(synthetic.truth.pace.allSatisfy { $0.count == fw.components.count })
    }

    @Test func sameSeedSamePanelOtherSeedOtherPanel() {
        let fw = Shipped.framework
        let a = EpisodicPanel.generate(framework: fw, districts: 8, years: 2010...2016, seed: 7)
        let b = EpisodicPanel.generate(framework: fw, districts: 8, years: 2010...2016, seed: 7)
        let c = EpisodicPanel.generate(framework: fw, districts: 8, years: 2010...2016, seed: 8)
        #expect(a.panel.snapshots == b.panel.snapshots && a.events == b.events && a.truth.pace == b.truth.pace)
        #expect(a.csv.text == b.csv.text && a.eventsCSV.text == b.eventsCSV.text)
        #expect(a.panel.snapshots != c.panel.snapshots)
    }

    /// Sticky like a real panel: the shipped panel's last-value rule matches 0.9 of next-year ratings.
    @Test func oneYearRepeatRateIsInTheBand() {
        let rate = Self.repeatRate(Self.sixty.panel)
        #expect((0.85...0.95).contains(rate), "repeat rate \(rate)")
    }

    /// 600 district-years at hazard 0.12: the count is Binomial(600, 0.12), mean 72, sd 7.96;
    /// the tolerance is 4 sd (a false alarm about once in 16,000 seeds). Backlashes likewise
    /// (mean 18, sd 4.18).
    @Test func eventCountsMatchTheHazards() {
        let p = EpisodicPanel.Parameters()
        let n = Double(60 * Self.years.count)
        for (lever, hazard) in [("leadership-turnover", p.turnoverHazard), ("community-backlash", p.backlashHazard)] {
            let count = Double(Self.sixty.events.filter { $0.lever == lever }.count)
            let sd = (n * hazard * (1 - hazard)).squareRoot()
            #expect(
                count.isApproximatelyEqual(to: n * hazard, absoluteTolerance: 4 * sd),
                "\(lever): \(count) events, expected \(n * hazard) ± \(sd)")
        }
        let fromTruth = Self.sixty.truth.turnoverYears.map(\.count).reduce(0, +)
        #expect(fromTruth == Self.sixty.events.filter { $0.lever == "leadership-turnover" }.count)
    }

    /// A stall stops both the pace and the element shocks, so a district's ratings hold through
    /// it: the mean element rating at the end of each stalled year is at most the start's
    /// (tolerance 1e-9, for rounding only; a backlash year, which may fall, is not a stall year).
    @Test func ratingsDoNotRiseDuringAStall() {
        let synthetic = Self.sixty
        let panel = synthetic.panel
        var rises: [Double] = []
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for (i, phase) in synthetic.truth.phase[d].enumerated() where phase == .stalled && i + 1 < snaps.count {
                #expect(synthetic.truth.pace[d].allSatisfy { $0[i] == 0 })
                rises.append(mean(snaps[i + 1]) - mean(snaps[i]))
            }
        }
        #expect(rises.count > 50, "\(rises.count) stalled district-years")
        #expect(rises.allSatisfy { $0 <= 1e-9 }, "largest rise \(rises.max() ?? 0)")
    }

    /// Fresh paces after a turnover: the pace in the first progressing year after a stall is a
    /// new draw (not the one before the stall), and a turnover's year is stalled unless a
    /// backlash overrides it.
    @Test func turnoversStallThenRedrawThePace() {
        let truth = Self.sixty.truth
        var redraws = 0
        for d in truth.phase.indices {
            for year in truth.turnoverYears[d] {
                let i = year - Self.years.lowerBound
                #expect(truth.phase[d][i] != .progressing)
                guard i > 0, truth.phase[d][i - 1] == .progressing,
                    let j = (i..<truth.phase[d].count).first(where: { truth.phase[d][$0] == .progressing })
                else { continue }
                #expect(truth.pace[d][0][j] != truth.pace[d][0][i - 1])
                redraws += 1
            }
        }
        #expect(redraws > 10)
    }

    func mean(_ s: Snapshot) -> Double {
        let v = s.scores.compactMap { $0 }
        return v.reduce(0, +) / Double(v.count)
    }

    @Test func eventsCSVRoundTrips() throws {
        let synthetic = Self.sixty
        #expect(synthetic.eventsCSV.text.hasPrefix("district,date,lever,note\n"))
        let table = try EventTable.parse(Array(synthetic.eventsCSV.text.utf8), file: "events.csv")
        #expect(table.events.count == synthetic.events.count)
        for (read, drawn) in zip(table.events, synthetic.events) {
            #expect(read.district == drawn.district && read.year == drawn.year)
            #expect(read.lever == drawn.lever && read.note == drawn.note)
        }
    }

    @Test func panelCSVRoundTrips() throws {
        let synthetic = EpisodicPanel.generate(framework: Shipped.framework, districts: 10, years: 2012...2016, seed: 3)
        let loaded = try parsePanel(synthetic.csv.text, framework: Shipped.framework)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.panel.districts == synthetic.panel.districts)
        #expect(loaded.panel.snapshots == synthetic.panel.snapshots)
    }

    /// Every lever the generator writes is in the shipped lever catalogue.
    @Test func leversAreInTheCatalogue() throws {
        let catalogue = try String(contentsOfFile: Paths.repository + "/Scenarios/levers.json", encoding: .utf8)
        for lever in Set(Self.sixty.events.map(\.lever)) { #expect(catalogue.contains("\"\(lever)\"")) }
    }

    /// Prints the figures the documentation quotes (run with --filter to see them).
    @Test func measuredFigures() {
        let s = Self.sixty
        let panel = s.panel
        var up = 0
        var down = 0
        var pairs = 0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for (a, b) in zip(snaps, snaps.dropFirst()) {
                for (x, y) in zip(a.scores, b.scores) {
                    pairs += 1
                    if y! > x! { up += 1 } else if y! < x! { down += 1 }
                }
            }
        }
        let turnovers = s.events.filter { $0.lever == "leadership-turnover" }.count
        let stalled = s.truth.phase.joined().filter { $0 == .stalled }.count
        print(
            "episodic 60×10 seed 1: repeat \(Self.repeatRate(panel)), up \(Double(up) / Double(pairs)), "
                + "down \(Double(down) / Double(pairs)), turnovers \(turnovers), backlashes \(s.events.count - turnovers), "
                + "stalled district-years \(stalled)")
    }
}
