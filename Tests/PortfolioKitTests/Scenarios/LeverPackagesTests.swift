import Foundation
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData

@Suite struct LeverPackagesTests {
    /// Combinations: every non-empty subset of at most K, by size then lexicographic; C(4,1) +
    /// C(4,2) = 10 for K = 2, and K beyond the count gives all 2⁴ − 1.
    @Test func combinationsBySizeThenOrder() {
        let two = LeverPackages.combinations(of: 4, maxSize: 2)
        #expect(two.count == 10)
        #expect(Array(two.prefix(5)) == [[0], [1], [2], [3], [0, 1]])
        #expect(LeverPackages.combinations(of: 4, maxSize: 9).count == 15)
        #expect(Set(LeverPackages.combinations(of: 4, maxSize: 9).map { Set($0) }).count == 15)
    }

    /// The smallest package found equals a brute-force check: each package written out as its own
    /// scenario (the same interventions by hand), projected on the same draws, P(advanced by the
    /// target year) counted from its advanced years, and the fewest levers reaching the target
    /// taken by scanning every package.
    @Test func smallestPackageEqualsBruteForce() throws {
        let baseline = try shippedScenario(#""draws": 120, "seed": 7"#, name: "baseline")
        let ids = ["union-contract-change", "central-office-restructuring", "civic-advocacy"]
        let targetYear = 2024
        var packages: [(levers: [String], result: ProjectionResult)] = []
        var bruteP: [[String]: [String: Double]] = [:]
        for combination in LeverPackages.combinations(of: ids.count, maxSize: 3) {
            let levers = combination.map { ids[$0] }
            let interventions = levers.map { #"{"lever": "\#($0)", "district": "Chicago", "year": 2018}"# }
            let run = try shippedScenario(
                #""draws": 120, "seed": 7, "interventions": [\#(interventions.joined(separator: ", "))]"#,
                name: levers.joined(separator: "_"))
            let result = run.project(trajectories: .none)
            packages.append((levers, result))
            for d in result.districts {
                let by = d.advancedYear.filter { ($0 ?? .max) <= targetYear }.count
                bruteP[levers, default: [:]][d.district.name] = Double(by) / Double(d.advancedYear.count)
            }
        }
        let base = baseline.project(trajectories: .none)
        let rows = LeverPackages.rows(baseline: base, packages: packages, horizon: targetYear)
        for target in [0.3, 0.5, 0.7, 0.95] {
            for district in ["Chicago", "Oakland", "Denver"] {
                // Brute force: every package, fewest levers first, then the highest P.
                let reaching = packages.map(\.levers).filter { bruteP[$0]![district]! >= target }
                let best = reaching.min { a, b in
                    (a.count, -bruteP[a]![district]!) < (b.count, -bruteP[b]![district]!)
                }
                let found = LeverPackages.smallest(rows, district: district, target: target)
                #expect(found?.size == best?.count, "\(district) ≥ \(target)")
                if let found, let best {
                    #expect(found.pAdvancedByHorizon == bruteP[best]![district]!, "\(district) ≥ \(target)")
                }
            }
        }
        // Paired draws: a package that does not touch a district changes nothing there.
        #expect(rows.filter { $0.district == "Albuquerque" }.allSatisfy { $0.deltaPAdvanced == 0 && $0.pEarlier == 0 })
    }
}
