import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct LeverCalibrationTests {
    static let levers = try! LeverCatalogue.load(
        contentsOf: Paths.repository + "/Scenarios/levers.json", framework: Shipped.framework)
    var levers: LeverCatalogue { Self.levers }

    /// 60 synthetic districts (2010–2017, exact model values); the even ones change their union
    /// contract in 2013, which adds +0.5 to the contract elements from 2014 and +0.1 a year to
    /// 4.5 and 4.6 from 2015.
    static func treatedPanel() throws -> Panel {
        let fw = Shipped.framework
        let synthetic = SyntheticPanel.generate(
            framework: fw, districts: 60, years: 2010...2017, seed: 3, rounded: false
        ).panel
        let contract = Set(["2.1", "2.3", "2.6", "3.1", "3.2", "4.5", "4.6"].compactMap { fw.elementIndex($0) })
        let talent = Set(["4.5", "4.6"].compactMap { fw.elementIndex($0) })
        var snapshots = synthetic.snapshots
        for i in snapshots.indices where snapshots[i].districtIndex % 2 == 0 {
            let t = snapshots[i].year
            for e in fw.elements.indices {
                var add = 0.0
                if contract.contains(e) && t >= 2014 { add += 0.5 }
                if talent.contains(e) && t >= 2015 { add += 0.1 * Double(t - 2014) }
                snapshots[i].scores[e]! += add
            }
        }
        return Panel(framework: fw, districts: synthetic.districts, snapshots: snapshots)
    }

    /// Known truth: half of 60 synthetic districts change their union contract (`treatedPanel`).
    /// The estimates land within 3 standard errors of the truth.
    @Test func recoversAKnownLevelShiftAndSlopeChange() throws {
        let synthetic = try Self.treatedPanel()
        let events = EventTable(
            file: "events.csv",
            events: synthetic.districts.indices.filter { $0 % 2 == 0 }.map {
                .init(
                    district: synthetic.districts[$0].name, year: 2013, lever: "union-contract-change", note: "",
                    location: SourceLocation(file: "events.csv"))
            })
        let estimates = try LeverCalibration.run(panel: synthetic, events: events, levers: levers)
        let level = estimates.first { $0.lever == "union-contract-change" && $0.kind == .level }!
        let slope = estimates.first { $0.lever == "union-contract-change" && $0.kind == .slope }!
        #expect(level.districts == 30 && slope.districts == 30)
        #expect(
            level.estimate!.isApproximatelyEqual(to: 0.5, absoluteTolerance: 3 * level.standardError!),
            "level \(level.estimate!) ± \(level.standardError!)")
        #expect(
            slope.estimate!.isApproximatelyEqual(to: 0.1, absoluteTolerance: 3 * slope.standardError!),
            "slope \(slope.estimate!) ± \(slope.standardError!)")
        #expect(level.standardError! < 0.05 && slope.standardError! < 0.05)
        // Levers without events: no number.
        let advocacy = estimates.first { $0.lever == "civic-advocacy" && $0.kind == .level }!
        #expect(advocacy.estimate == nil && advocacy.status.description.hasPrefix("not identified"))
    }

    /// The same known effect carried by only four districts is not identified: with fewer than
    /// five clusters no number is given, however small its cluster-robust SE would be.
    @Test func fewerThanFiveTreatedDistrictsIsNotIdentified() throws {
        let synthetic = try Self.treatedPanel()
        let treated = synthetic.districts.indices.filter { $0 % 2 == 0 }.prefix(4)
        let events = EventTable(
            file: "events.csv",
            events: treated.map {
                .init(
                    district: synthetic.districts[$0].name, year: 2013, lever: "union-contract-change", note: "",
                    location: SourceLocation(file: "events.csv"))
            })
        let estimates = try LeverCalibration.run(panel: synthetic, events: events, levers: Self.levers)
        let level = estimates.first { $0.lever == "union-contract-change" && $0.kind == .level }!
        #expect(level.districts == 4 && level.estimate == nil)
        #expect(
            level.status.description.contains("only 4 districts") && level.status.description.contains("fewer than 5"),
            "\(level.status)")
    }

    /// An event before the data whose effect spans every element is absorbed by the district's
    /// momentum: said, not estimated.
    @Test func eventBeforeTheDataIsNotIdentified() throws {
        let panel = Shipped.loaded.panel
        let events = EventTable(
            file: "e.csv",
            // Six districts: enough to pass the five-district rule and reach the collinearity check.
            events: ["Denver", "Oakland", "Chicago", "Tulsa", "Spokane", "Hartford"].map {
                .init(
                    district: $0, year: 2008, lever: "leadership-turnover", note: "",
                    location: SourceLocation(file: "e.csv"))
            })
        let estimates = try LeverCalibration.run(panel: panel, events: events, levers: levers)
        let slope = estimates.first { $0.lever == "leadership-turnover" && $0.kind == .slope }!
        #expect(slope.estimate == nil && slope.status.description.contains("collinear"))
    }

    @Test func badEventsAreLocated() {
        let e = diagnostic { () throws(Diagnostic) in
            _ = try EventTable.parse(
                Array("district,date,lever,note\nDenver,2016-13,leadership-turnover,x\n".utf8), file: "e.csv")
        }
        #expect(e?.location.line == 2 && e?.location.column == 8 && e?.message.contains("2016-13") == true)
        let table = try! EventTable.parse(
            Array("district,date,lever,note\nDenver,2016,teleport,x\n".utf8), file: "e.csv")
        let f = diagnostic { () throws(Diagnostic) in
            _ = try LeverCalibration.run(panel: Shipped.loaded.panel, events: table, levers: levers)
        }
        #expect(f?.location.line == 2 && f?.message.contains("unknown lever \"teleport\"") == true)
    }

    /// The calibrated catalogue keeps everything but the identified sizes, and loads as a catalogue.
    @Test func calibratedCatalogueLoads() throws {
        let root = try JSONParser.parse(contentsOf: Paths.repository + "/Scenarios/levers.json")
        var estimate = LeverCalibration.Estimate(
            lever: "civic-advocacy", kind: .slope, estimate: 0.02, standardError: 0.01,
            districts: 6, observations: 10, assumed: 0.08, status: .estimated)
        estimate.interval80 = 0.005...0.04
        let text = CalibrationReport.calibratedCatalogue(root, estimates: [estimate])
        let catalogue = try LeverCatalogue.decode(
            try JSONParser.parse(Array(text.utf8), file: "c.json"), file: "c.json", framework: Shipped.framework)
        let effect = catalogue.lever("civic-advocacy")!.effects.first { $0.kind == .slope }!
        // The 80% interval's ends become p10 and p90 (skewed here), the estimate p50; the source says so.
        #expect(effect.size == .elicited(p10: 0.005, p50: 0.02, p90: 0.04))
        #expect(effect.source.hasPrefix("estimated: simulate calibrate") && effect.source.contains("6 districts"))
        #expect(catalogue.lever("union-contract-change")! == levers.lever("union-contract-change")!)
        #expect(catalogue.levers.count == levers.levers.count)
    }
}
