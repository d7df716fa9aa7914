/// How much a district × component pace changes from one year to the next, estimated from the
/// panel: the variance ω² (points²/year² per year) of a random-walk pace, pace(t+1) = pace(t) + N(0, ω²).
///
/// Method of moments on the yearly changes c(t) = C(t) − C(t−1) of every district × component
/// score over consecutive years. With integer ratings, c(t) = pace(t) + ν(t), where ν is the
/// rounding noise of the few elements that cross a level that year (about pace/n of variance
/// for n elements, nearly uncorrelated from year to year). Then
///   D1 = E[(c(t+1) − c(t))²] = ω² + 2 var ν,   D2 = E[(c(t+2) − c(t))²] = 2ω² + 2 var ν,
/// so ω² = D2 − D1 (floored at 0). Needs series of four consecutive years; with fewer it is 0.
/// On the shipped panel (four years, 133 pairs two years apart) ω² ≈ 0.012: paces change by
/// about 0.11 points a year from one year to the next — the reconstruction's stalls after
/// leadership changes (Baltimore, New York City, Sacramento) are pace changes of that size.
public enum PaceChange {
    /// The estimate with the pairs behind it.
    public struct Estimate: Equatable, Sendable {
        public var variance: Double
        public var lagOnePairs: Int
        public var lagTwoPairs: Int
    }

    public static func estimate(_ panel: Panel) -> Estimate {
        let fw = panel.framework
        var d1 = 0.0, n1 = 0, d2 = 0.0, n2 = 0
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            let scores = snaps.map { fw.componentScores($0.scores) }
            for k in fw.components.indices {
                // Yearly changes keyed by the later year, consecutive years only.
                var change: [Int: Double] = [:]
                for (a, b) in zip(snaps.indices, snaps.indices.dropFirst()) where snaps[b].year == snaps[a].year + 1 {
                    let x = scores[b][k] - scores[a][k]
                    if x.isFinite { change[snaps[b].year] = x }
                }
                for year in change.keys.sorted() {  // sorted: a Dictionary's order varies by process
                    let c = change[year]!
                    if let next = change[year + 1] { d1 += (next - c) * (next - c); n1 += 1 }
                    if let after = change[year + 2] { d2 += (after - c) * (after - c); n2 += 1 }
                }
            }
        }
        guard n1 > 0, n2 > 0 else { return Estimate(variance: 0, lagOnePairs: n1, lagTwoPairs: n2) }
        return Estimate(variance: max(0, d2 / Double(n2) - d1 / Double(n1)), lagOnePairs: n1, lagTwoPairs: n2)
    }
}
