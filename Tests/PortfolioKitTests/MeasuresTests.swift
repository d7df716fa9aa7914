import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The measures on a made-up framework (3 components, 8 elements, levels 0–3,
/// advanced = at least 2 components ≥ 2), checked against values computed by hand.
@Suite struct MeasuresTests {
    let framework = try! Framework.load(contentsOf: Paths.fixture("tiny/framework.json"))
    var loaded: PanelLoader.Result {
        try! PanelLoader.load(path: Paths.fixture("tiny/panel.csv"), framework: framework)
    }

    @Test func frameworkShapeComesFromTheFile() {
        #expect(framework.components.count == 3)
        #expect(framework.elements.count == 8)
        #expect(framework.levels.map(\.value) == [0, 1, 2, 3])
        #expect(framework.elementsByComponent == [[0, 1, 2], [3, 4], [5, 6, 7]])
        #expect(framework.advancedRule.minimumComponents(of: 3) == 2)
    }

    @Test func componentAndDistrictScoresByHand() {
        // North 2021: A = (3+3+3)/3 = 3, B = (2+3)/2 = 2.5, C = (1+2+0)/3 = 1; district = 6.5/3.
        let scores: [Double?] = [3, 3, 3, 2, 3, 1, 2, 0]
        let components = framework.componentScores(scores)
        #expect(components == [3, 2.5, 1])
        #expect(abs(framework.districtScore(componentScores: components) - 6.5 / 3) < 1e-12)
        #expect(framework.componentsInProgress(components) == 2)
        #expect(framework.isAdvanced(componentScores: components))
        // Population variance of [3,3,3,2,3,1,2,0]: mean 17/8, Σx² = 45, so 45/8 − (17/8)² = 71/64.
        #expect(abs(framework.spread(scores) - 71.0 / 64.0) < 1e-12)
    }

    @Test func missingElementsAverageThoseThatArePresent() {
        // South 2021 lacks a3: A = (0+1)/2 = 0.5.
        let result = loaded
        let south = result.panel.latestSnapshot(ofDistrict: result.panel.districtIndex(named: "South")!)
        #expect(framework.componentScores(south.scores)[0] == 0.5)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].severity == .warning)
        #expect(result.warnings[0].message.contains("a3"))
        #expect(result.warnings[0].location.line == 18)
    }

    @Test func ratingRoundsToTheNearestLevelHalvesUp() {
        #expect(framework.rating(for: 1.5).value == 2)
        #expect(framework.rating(for: 1.49).value == 1)
        #expect(framework.rating(for: -3).value == 0)
        #expect(Shipped.framework.rating(for: 3.5).label == "In progress")
    }

    @Test func describeOnTheTinyPanel() {
        let d = PanelDescription(loaded.panel)
        let north = d.district("North")!
        let south = d.district("South")!
        // North 2020: A = 2, B = 2, C = 1 → 5/3; 2021 → 6.5/3; recent progress = 6.5/3 − (5/3 + 6.5/3)/2 = 0.75/3.
        #expect(north.recentProgress.isApproximatelyEqual(to: 0.25, absoluteTolerance: 1e-12))
        #expect(north.advanced && !south.advanced)
        #expect(north.latestYear == 2021 && south.years == [2019, 2021])
        // No cut-offs in this framework: the panel medians are used (two districts: the means of the two).
        #expect(d.cutoffSource == "panel medians")
        #expect(abs(d.cutoffs.strongAtLeast - (north.districtScore + south.districtScore) / 2) < 1e-12)
        #expect(north.quadrant == .strongPiecemeal && south.quadrant == .weakConsistent)
        // Components: A mean (3 + 0.5)/2 = 1.75, B (2.5 + 1)/2 = 1.75, C (1 + 0)/2 = 0.5; ties share rank 1.
        #expect(d.componentRanking.map(\.rank) == [1, 1, 3])
        #expect(d.componentRanking.last!.name == "Gamma")
        let csv = DescribeReport.districts(d).text
        #expect(
            csv.hasPrefix(
                "district,latest_year,district_score,spread,recent_progress,quadrant,advanced,components_in_progress\n")
        )
        #expect(csv.contains("North,2021,2.1667,1.1094,0.2500,strong-piecemeal,true,2\n"))
    }

    @Test func overTimeSpreadUsesElementMeans() {
        let d = PanelDescription(loaded.panel, spreadBasis: .overTime)
        // North element means: [3,3,1.5,2,2.5,1,1.5,0.5]; mean 15/8; Σx² = 34 → 34/8 − (15/8)² = 47/64.
        #expect(abs(d.district("North")!.spread - 47.0 / 64.0) < 1e-12)
    }

    @Test func shippedDescribeFileHeaders() {
        let d = Shipped.description
        #expect(
            DescribeReport.districts(d).text.hasPrefix(
                "district,latest_year,district_score,spread,recent_progress,quadrant,advanced,components_in_progress\n")
        )
        #expect(DescribeReport.components(d).text.hasPrefix("component,network_mean,rank\n"))
        #expect(DescribeReport.elements(d).text.hasPrefix("element,network_mean,rank\n"))
        #expect(DescribeReport.elements(d).rows.count == 36)
    }
}
