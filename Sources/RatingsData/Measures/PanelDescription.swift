/// The paper's analysis of a panel (Figures 1, 3, 4, 5 and 6), computed from data.
public struct PanelDescription: Sendable {
    /// One summary per district, in panel order.
    public var districts: [DistrictSummary]
    /// Components by mean latest score over the districts, highest first (Figure 6).
    public var componentRanking: [RankedMean]
    /// Elements by mean latest rating over the districts that rated them, highest first; NaN for an element none rated.
    public var elementRanking: [RankedMean]
    /// The quadrant cut-offs used (see `cutoffSource`).
    public var cutoffs: QuadrantCutoffs
    /// Whether the cut-offs came from the framework file, the caller, or the panel's medians.
    public var cutoffSource: String
    /// Whether spreads are of the latest snapshot or of over-time element means.
    public var spreadBasis: SpreadBasis

    /// Describe `panel`.
    /// - Parameters:
    ///   - cutoffs: quadrant cut-offs; default: the framework's, else the medians of the
    ///     districts' latest scores and spreads.
    ///   - spreadBasis: latest snapshot (default, as Figure 4) or over-time element means.
    public init(_ panel: Panel, cutoffs: QuadrantCutoffs? = nil, spreadBasis: SpreadBasis = .latest) {
        let framework = panel.framework
        let partial = panel.districts.indices.map { Self.measures(panel, district: $0, spreadBasis: spreadBasis) }
        let chosen: QuadrantCutoffs
        if let cutoffs {
            chosen = cutoffs
            cutoffSource = "given"
        } else if let fromFramework = framework.quadrantCutoffs {
            chosen = fromFramework
            cutoffSource = "framework file"
        } else {
            chosen = QuadrantCutoffs(
                strongAtLeast: median(partial.map(\.score)), piecemealAbove: median(partial.map(\.spread)))
            cutoffSource = "panel medians"
        }
        self.cutoffs = chosen
        self.spreadBasis = spreadBasis
        districts = partial.map { Self.summary($0, framework: framework, cutoffs: chosen) }
        componentRanking = RankedMean.rank(
            framework.components.indices.map { c in
                (
                    framework.components[c].id, framework.components[c].shortName,
                    partial.map { $0.components[c] }.reduce(0, +) / Double(partial.count)
                )
            })
        elementRanking = RankedMean.rank(
            framework.elements.indices.map { e in
                let values = partial.compactMap { $0.latest.scores[e] }
                return (
                    framework.elements[e].id, framework.elements[e].text,
                    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
                )
            })
    }

    /// One district's measures before the cut-offs are known.
    private typealias Measures = (
        info: DistrictInfo, latest: Snapshot, years: [Int], components: [Double], score: Double,
        history: [Double], spread: Double
    )

    /// District `d`'s latest snapshot, component and district scores, score history and spread.
    private static func measures(_ panel: Panel, district d: Int, spreadBasis: SpreadBasis) -> Measures {
        let framework = panel.framework
        let snaps = panel.snapshots(ofDistrict: d)
        let latest = snaps.last!
        let history = snaps.map { framework.districtScore(componentScores: framework.componentScores($0.scores)) }
        let components = framework.componentScores(latest.scores)
        let spread: Double
        switch spreadBasis {
        case .latest:
            spread = framework.spread(latest.scores)
        case .overTime:
            let means: [Double?] = framework.elements.indices.map { e in
                let values = snaps.compactMap { $0.scores[e] }
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            spread = framework.spread(means)
        }
        return (
            panel.districts[d], latest, snaps.map(\.year), components,
            framework.districtScore(componentScores: components), history, spread
        )
    }

    /// The district's summary: recent progress against its mean score, components in progress,
    /// whether it is advanced, and its quadrant under `cutoffs`.
    private static func summary(_ p: Measures, framework: Framework, cutoffs: QuadrantCutoffs) -> DistrictSummary {
        let mean = p.history.reduce(0, +) / Double(p.history.count)
        let inProgress = framework.componentsInProgress(p.components)
        return DistrictSummary(
            district: p.info, latestYear: p.latest.year, years: p.years, componentScores: p.components,
            districtScore: p.score, districtScoreHistory: p.history, spread: p.spread,
            recentProgress: p.score - mean, componentsInProgress: inProgress,
            advanced: framework.advancedRule.isAdvanced(
                componentsInProgress: inProgress, of: framework.components.count),
            quadrant: Quadrant(districtScore: p.score, spread: p.spread, cutoffs: cutoffs))
    }

    /// The summary of the district called `name`.
    public func district(_ name: String) -> DistrictSummary? { districts.first { $0.district.name == name } }
}

/// The median of `values` (mean of the middle two for an even count).
package func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
