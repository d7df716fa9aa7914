import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// docs/domain.md §4: the shipped, reconstructed panel agrees with every claim the
/// paper makes, computed through the library's own measures.
@Suite struct PaperClaimsTests {
    let d = Shipped.description
    let names = Shipped.description.districts.map(\.district.name)

    static let figure1 = [
        "Albuquerque", "Detroit", "Sacramento", "Jefferson Parish", "Memphis-Shelby County",
        "Henry County", "Tulsa", "Spokane", "Central Falls", "Nashville", "Indianapolis",
        "Fulton County", "Chicago", "Cleveland", "Hartford", "Los Angeles", "Spring Branch",
        "Fullerton", "Oakland", "Baltimore", "Lawrence", "New York City", "Denver", "NOLA RSD", "TN ASD",
    ]

    func s(_ name: String) -> DistrictSummary { d.district(name)! }

    @Test func p1TwentyFiveDistrictsOfFigure1() {
        #expect(Set(names) == Set(Self.figure1))
        #expect(names.count == 25)
    }

    @Test func p2AtLeastThreeSnapshots2013To2016LastIn2014OrLater() {
        for summary in d.districts {
            #expect(summary.years.count >= 3, "\(summary.district.name)")
            #expect(summary.years.allSatisfy { (2013...2016).contains($0) }, "\(summary.district.name)")
            #expect(summary.latestYear >= 2014, "\(summary.district.name)")
        }
    }

    @Test func p3ExactlyFiveAdvanced() {
        let advanced = Set(d.districts.filter(\.advanced).map(\.district.name))
        #expect(advanced == ["NOLA RSD", "TN ASD", "Denver", "New York City", "Lawrence"])
    }

    /// Spearman's ρ between the latest-score ranking and Figure 1's order, by the closed form
    /// 1 − 6Σd²/(n(n²−1)) (no ties in either ranking).
    @Test func p4RankingFollowsFigure1() {
        let byScore = d.districts.sorted { $0.districtScore < $1.districtScore }.map(\.district.name)
        #expect(Set(d.districts.map(\.districtScore)).count == 25, "ties would make the closed form wrong")
        let n = Double(byScore.count)
        let sumSquares = Self.figure1.enumerated().reduce(0.0) { acc, item in
            let diff = Double(item.offset - byScore.firstIndex(of: item.element)!)
            return acc + diff * diff
        }
        let rho = 1 - 6 * sumSquares / (n * (n * n - 1))
        #expect(rho >= 0.95)
        // The one adjacent swap P4 and P5 together need.
        #expect(byScore.firstIndex(of: "Spring Branch")! == byScore.firstIndex(of: "Fullerton")! + 1)
    }

    @Test func p5Quadrants() {
        func members(_ q: Quadrant) -> Set<String> { Set(d.districts.filter { $0.quadrant == q }.map(\.district.name)) }
        let strongConsistent = members(.strongConsistent)
        #expect(strongConsistent.count == 7)
        #expect(strongConsistent.isSuperset(of: ["NOLA RSD", "TN ASD", "Denver", "New York City", "Lawrence"]))
        #expect(members(.strongPiecemeal) == ["Spring Branch"])
        let weakPiecemeal = members(.weakPiecemeal)
        #expect(weakPiecemeal.count == 6)
        #expect(weakPiecemeal.isSuperset(of: ["Albuquerque", "Memphis-Shelby County", "Spokane"]))
        #expect(
            members(.weakConsistent).isSuperset(of: [
                "Sacramento", "Chicago", "Nashville", "Detroit", "Tulsa", "Indianapolis",
            ]))
        let bySpread = d.districts.sorted { $0.spread > $1.spread }.prefix(2).map(\.district.name)
        #expect(Set(bySpread) == ["Albuquerque", "Memphis-Shelby County"])
    }

    @Test func p6RecentProgress() {
        let ranked = d.districts.sorted { $0.recentProgress > $1.recentProgress }.map(\.district.name)
        for name in ["Indianapolis", "Oakland", "Lawrence"] {
            #expect(ranked.firstIndex(of: name)! < 5, "\(name) in the top five")
        }
        let leastOfThree = ["Indianapolis", "Oakland", "Lawrence"].map { s($0).recentProgress }.min()!
        #expect(s("NOLA RSD").recentProgress < leastOfThree)
        #expect(s("Denver").recentProgress < leastOfThree)
        #expect(s("Baltimore").recentProgress <= 0)
        #expect(s("New York City").recentProgress <= 0)
        for name in ["Sacramento", "Detroit", "Albuquerque"] {
            #expect(ranked.firstIndex(of: name)! >= 13, "\(name) in the bottom half")
        }
    }

    @Test func p7ComponentRanking() {
        let order = d.componentRanking.map(\.name)
        #expect(Array(order.prefix(4)) == ["Accountability", "Talent", "Choice", "Engagement"])
        #expect(Set(order.suffix(3)) == ["Autonomy", "Funding", "Support"])
    }

    @Test func p8Elements() {
        let lowestThree = d.elementRanking.suffix(3).map(\.id)
        #expect(lowestThree.contains("4.6"))
        let panel = Shipped.loaded.panel
        let fw = panel.framework
        func latest(_ district: String, _ element: String) -> Double {
            panel.latestSnapshot(ofDistrict: panel.districtIndex(named: district)!).scores[fw.elementIndex(element)!]!
        }
        let top23 = panel.districts.map { latest($0.name, "2.3") }.max()!
        #expect(latest("TN ASD", "2.3") == top23 && latest("NOLA RSD", "2.3") == top23)
        #expect(latest("Albuquerque", "3.3") == 1)
        #expect(latest("Spokane", "3.3") == 2)
        #expect(latest("Cleveland", "3.3") == 3)
        #expect(latest("Oakland", "3.3") == 3)
        #expect(latest("Lawrence", "3.3") >= 4)
        #expect(latest("Albuquerque", "5.1") == 1 && latest("Albuquerque", "5.2") == 1)
        #expect(latest("Baltimore", "5.1") >= 3 && latest("Baltimore", "5.3") <= 2)
    }

    @Test func p9Histories() {
        func history(_ name: String) -> [(year: Int, score: Double)] {
            let x = s(name)
            return Array(zip(x.years, x.districtScoreHistory)).map { ($0.0, $0.1) }
        }
        for name in ["Baltimore", "New York City"] {
            let after = history(name).filter { $0.year >= 2014 }
            #expect(
                zip(after, after.dropFirst()).allSatisfy { $1.score <= $0.score }, "\(name) flat or falling after 2014")
        }
        let sacramento = history("Sacramento").filter { $0.year >= 2014 }
        #expect(zip(sacramento, sacramento.dropFirst()).allSatisfy { $1.score < $0.score })
        for name in ["Indianapolis", "Tulsa"] {
            let h = history(name)
            #expect(zip(h, h.dropFirst()).allSatisfy { $1.score > $0.score }, "\(name) rising every year")
            for (year, score) in h {
                let others = d.districts.compactMap { o in
                    o.years.firstIndex(of: year).map { o.districtScoreHistory[$0] }
                }
                #expect(score < median(others), "\(name) low in \(year)")
            }
        }
        let detroit = history("Detroit").map(\.score)
        #expect(detroit.max()! - detroit.min()! < 0.15)
    }
}
