import RatingsData

/// Panels drawn from known trajectory-model parameters, on any framework, to test
/// that the fit recovers the truth.
///
/// Model (the one `TrajectoryModel` fits): y(s,t) = αₛ + (μₖ + mᵈ + uᵈₖ)(t − t₀) + ε, with
/// t₀ the first year, αₛ uniform on the lower half of the scale, mᵈ ~ N(0, momentumSD²) centred
/// to sum zero, uᵈₖ ~ N(0, deviationSD²), ε ~ N(0, residualSD²). With `rounded` the ratings are
/// rounded to the nearest scale level and clamped (what a real panel looks like); without,
/// they are the exact model values (what recovery tests need).
public struct SyntheticPanel: Sendable {
    struct Truth: Sendable {
        var componentSlope: [Double]
        var districtMomentum: [Double]
        /// True pooled slope of district d, component k.
        var slope: [[Double]]
        var variance: VarianceComponents
    }

    /// The drawn ratings (rounded to levels and clamped when drawn with `rounded`).
    public var panel: Panel
    var truth: Truth

    /// Draw a panel.
    /// - Parameters:
    ///   - districts: number of districts, named "District 1", "District 2", …
    ///   - years: the yearly snapshots, every district rated every year.
    ///   - componentSlopes: μₖ per component; default 0.05 to 0.20 points a year spread over components.
    public static func generate(
        framework: Framework, districts: Int, years: ClosedRange<Int>, seed: UInt64,
        componentSlopes: [Double]? = nil, momentumSD: Double = 0.08, deviationSD: Double = 0.05,
        residualSD: Double = 0.3, rounded: Bool = true
    ) -> SyntheticPanel {
        var rng = SeededGenerator(seed: seed)
        let k = framework.components.count
        let mu = componentSlopes ?? (0..<k).map { 0.05 + 0.15 * Double($0) / Double(max(1, k - 1)) }
        var momentum = (0..<districts).map { _ in momentumSD * rng.normal() }
        let centre = momentum.reduce(0, +) / Double(max(1, districts))
        momentum = momentum.map { $0 - centre }
        var slope = [[Double]]()
        for d in 0..<districts {
            slope.append((0..<k).map { mu[$0] + momentum[d] + deviationSD * rng.normal() })
        }
        let lo = Double(framework.minimumScore)
        let hi = Double(framework.maximumScore)
        let infos = (0..<districts).map { DistrictInfo(name: "District \($0 + 1)") }
        var snapshots: [Snapshot] = []
        for d in 0..<districts {
            let levels = framework.elements.map { _ in lo + (hi - lo) / 2 * rng.uniform() }
            for year in years {
                let t = Double(year - years.lowerBound)
                let scores: [Double?] = framework.elements.indices.map { e in
                    let y = levels[e] + slope[d][framework.elements[e].componentIndex] * t + residualSD * rng.normal()
                    return rounded ? Double(framework.rating(for: min(max(y, lo), hi)).value) : y
                }
                snapshots.append(Snapshot(districtIndex: d, year: year, scores: scores))
            }
        }
        return SyntheticPanel(
            panel: Panel(framework: framework, districts: infos, snapshots: snapshots),
            truth: Truth(
                componentSlope: mu, districtMomentum: momentum, slope: slope,
                variance: VarianceComponents(residual: residualSD * residualSD, deviation: deviationSD * deviationSD)))
    }

    /// The panel as long-format CSV (`district,year,element,score`).
    public var csv: CSVTable { panel.longCSV }
}
