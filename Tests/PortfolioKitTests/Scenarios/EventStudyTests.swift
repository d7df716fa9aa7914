import Foundation
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The event study by years since the event, and a stall estimated as a stall.
@Suite(.tags(.slow)) struct EventStudyTests {
    /// 60 synthetic districts (2010–2017, exact model values); the even ones lose their
    /// superintendent in 2012, and every rating of theirs then holds still for two yearly steps
    /// (into 2013 and 2014) before moving at its old pace again: a two-year stall.
    static func stalledPanel() -> (Panel, EventTable) {
        let fw = Shipped.framework
        let synthetic = SyntheticPanel.generate(
            framework: fw, districts: 60, years: 2010...2017, seed: 5, rounded: false
        ).panel
        var snapshots = synthetic.snapshots
        var yearly: [String: Double] = [:]  // district|element → its step into 2013, before the stall
        for s in snapshots where s.year == 2012 || s.year == 2013 {
            for e in fw.elements.indices {
                let key = "\(s.districtIndex)|\(e)"
                yearly[key] = (s.year == 2013 ? 1 : -1) * s.scores[e]! + (yearly[key] ?? 0)
            }
        }
        for i in snapshots.indices where snapshots[i].districtIndex % 2 == 0 && snapshots[i].year >= 2013 {
            let held = Double(min(snapshots[i].year - 2012, 2))
            for e in fw.elements.indices {
                snapshots[i].scores[e]! -= held * yearly["\(snapshots[i].districtIndex)|\(e)"]!
            }
        }
        let panel = Panel(framework: fw, districts: synthetic.districts, snapshots: snapshots)
        let events = EventTable(
            file: "events.csv",
            events: panel.districts.indices.filter { $0 % 2 == 0 }.map {
                .init(
                    district: panel.districts[$0].name, year: 2012, lever: "leadership-turnover", note: "",
                    location: SourceLocation(file: "events.csv"))
            })
        return (panel, events)
    }

    /// Known truth: a two-year stall. The stall length comes out near 2 with an interval that
    /// holds 2; the steps before the event (leads) show nothing; the first two post-event bins
    /// lose about a year's pace each and the third none.
    @Test func recoversAKnownTwoYearStall() throws {
        let (panel, events) = Self.stalledPanel()
        let study = try EventStudy.run(panel: panel, events: events, levers: LeverCalibrationTests.levers)
        let stall = try #require(study.stalls.first { $0.lever == "leadership-turnover" })
        #expect(abs(stall.years - 2) < 0.3, "stall \(stall.years) years, pace \(stall.pace)")
        #expect(stall.interval95.contains(2), "\(stall.interval95)")
        let rows = Dictionary(
            uniqueKeysWithValues: study.rows.filter { $0.lever == "leadership-turnover" }.map { ($0.eventTime, $0) })
        for lead in [-2, -1] {
            if let interval = rows[lead]?.interval95 { #expect(interval.contains(0), "lead \(lead): \(interval)") }
        }
        let d0 = try #require(rows[0]?.estimate)
        let d1 = try #require(rows[1]?.estimate)
        let d2 = try #require(rows[2]?.estimate)
        #expect(d0 < -0.5 * stall.pace && d1 < -0.5 * stall.pace && abs(d2) < 0.5 * stall.pace)
    }

    /// A stall carried by three districts only is still a row of calibration.csv: no number, and
    /// why ("fewer than 5" districts).
    @Test func anUnidentifiedStallStillHasARow() throws {
        let (panel, events) = Self.stalledPanel()
        let few = EventTable(file: events.file, events: Array(events.events.prefix(3)))
        let study = try EventStudy.run(panel: panel, events: few, levers: LeverCalibrationTests.levers)
        #expect(study.stalls.isEmpty)
        let rows = EventStudy.stallRows(study, levers: LeverCalibrationTests.levers) { _ in 2 }
        let turnover = try #require(rows.first { $0.lever == "leadership-turnover" })
        #expect(turnover.kind == .stall && turnover.estimate == nil && turnover.assumed == 2)
        #expect(turnover.status == .tooFewDistricts(3), "\(turnover.status)")
    }

    /// Event times bin from −2 to "3 or more".
    @Test func eventTimesBin() {
        #expect(EventStudy.bin(-3) == nil && EventStudy.bin(-2) == -2 && EventStudy.bin(0) == 0)
        #expect(EventStudy.bin(3) == 3 && EventStudy.bin(9) == 3)
    }

    /// `--write` gives each estimate the timing it was estimated with: a level shift at the step
    /// across the event (lag 1, a one-year ramp: at once), a slope change from the step after (lag 2), both for
    /// good (no duration); a stall from the step across the event (lag 1), its length in years.
    @Test func calibratedCatalogueHasTheEstimatesTiming() throws {
        let root = try JSONParser.parse(contentsOf: Paths.repository + "/Scenarios/levers.json")
        func estimate(_ lever: String, _ kind: LeverCalibration.Estimate.Kind, _ x: Double) -> LeverCalibration.Estimate
        {
            var e = LeverCalibration.Estimate(
                lever: lever, kind: kind, estimate: x, standardError: nil, districts: 7, observations: 40,
                assumed: nil, status: .estimated)
            e.interval80 = (x - 0.125)...(x + 0.25)
            return e
        }
        let text = CalibrationReport.calibratedCatalogue(
            root,
            estimates: [
                estimate("state-takeover", .level, -0.25), estimate("state-takeover", .slope, 0.05),
                estimate("leadership-turnover", .stall, 1.5),
            ])
        let catalogue = try LeverCatalogue.decode(
            try JSONParser.parse(Array(text.utf8), file: "c.json"), file: "c.json", framework: Shipped.framework)
        let takeover = catalogue.lever("state-takeover")!.effects
        let level = try #require(takeover.first { $0.kind == .level })
        let slope = try #require(takeover.first { $0.kind == .slope })
        #expect(level.lag == 1 && level.ramp == 1 && level.duration == nil)
        #expect(level.size == .elicited(p10: -0.375, p50: -0.25, p90: 0))
        #expect(slope.lag == 2 && slope.duration == nil)
        let stall = try #require(catalogue.lever("leadership-turnover")!.effects.first { $0.kind == .stall })
        #expect(stall.lag == 1 && stall.size == .elicited(p10: 1.375, p50: 1.5, p90: 1.75))
    }
}
