import RatingsData

/// How paces change from one year to the next, estimated from the panel: a district ×
/// component pace is the network's pace for the component plus a deviation that persists from
/// year to year with a factor φ and is renewed by fresh shocks, so that the spread of paces
/// across districts stays what it is in the panel:
///   pace(d, k, t) = μ(k) + dev(d, k, t),  dev(t+1) = φ·dev(t) + √(1 − φ²)·(σ_common·Z(d, t) + σ_own·Z(d, k, t)).
/// With φ = 1 a district keeps its own pace for good (the projection that shipped before); with
/// φ < 1 a fast or slow district drifts back toward the network, at the rate the panel shows.
///
/// φ: the ratio of the lag-2 to the lag-1 autocovariance of districts' yearly district-score
/// changes (each year centred on the network's mean change), over consecutive years: for a
/// score whose pace deviation is such a process, with rounding noise uncorrelated from year to
/// year, Cov(c(t), c(t+j)) = σ²φʲ for j ≥ 1. Clamped to [0, 1]; 1 when the panel has no four
/// consecutive years. On the shipped panel φ ≈ 0.58 (44 and 19 pairs: few, so uncertain); on an
/// episodic synthetic panel (paces redrawn at turnovers, about one district in eight a year)
/// about 0.5.
///
/// σ² (the stationary spread of paces): from the fit, the variance over districts × components of
/// the pooled slopes around their component's pace plus their mean squared standard error; the
/// share the districts' momenta explain is the common part.
public struct PaceChange: Equatable, Sendable {
    /// φ, per year (1 = no reversion).
    public var persistence: Double
    /// σ_common: the part of a pace shock a district's components share (points per year).
    public var commonSD: Double
    /// σ_own: the part of a pace shock each component of a district draws on its own (points per year).
    public var ownSD: Double
    /// District-score change pairs one year apart behind φ (0 when given directly).
    public var lagOnePairs: Int
    /// District-score change pairs two years apart behind φ (0 when given directly).
    public var lagTwoPairs: Int

    /// Paces never change: φ = 1 and no shocks (what the projection did before `PaceChange`).
    public static let none = PaceChange(persistence: 1, commonSD: 0, ownSD: 0, lagOnePairs: 0, lagTwoPairs: 0)

    /// Given parameters (known-truth tests); `estimate` derives them from a panel and fit.
    public init(persistence: Double, commonSD: Double, ownSD: Double, lagOnePairs: Int = 0, lagTwoPairs: Int = 0) {
        self.persistence = persistence
        self.commonSD = commonSD
        self.ownSD = ownSD
        self.lagOnePairs = lagOnePairs
        self.lagTwoPairs = lagTwoPairs
    }

    /// The estimate for `panel` with its fit.
    public static func estimate(_ panel: Panel, fit: TrajectoryFit) -> PaceChange {
        let (phi, n1, n2) = persistence(panel)
        let (common, own) = spread(fit)
        return PaceChange(persistence: phi, commonSD: common, ownSD: own, lagOnePairs: n1, lagTwoPairs: n2)
    }

    /// φ from the district scores' yearly changes (see the type's description).
    package static func persistence(_ panel: Panel) -> (Double, Int, Int) {
        let fw = panel.framework
        var changes: [[Int: Double]] = []  // per district: change keyed by the later year
        var byYear: [Int: (sum: Double, n: Int)] = [:]
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            let scores = snaps.map { fw.districtScore(componentScores: fw.componentScores($0.scores)) }
            var change: [Int: Double] = [:]
            for i in snaps.indices.dropFirst() where snaps[i].year == snaps[i - 1].year + 1 {
                let x = scores[i] - scores[i - 1]
                guard x.isFinite else { continue }
                change[snaps[i].year] = x
                byYear[snaps[i].year, default: (0, 0)].sum += x
                byYear[snaps[i].year, default: (0, 0)].n += 1
            }
            changes.append(change)
        }
        var g1 = 0.0
        var n1 = 0
        var g2 = 0.0
        var n2 = 0
        for change in changes {
            func centred(_ year: Int) -> Double? {
                guard let x = change[year], let m = byYear[year] else { return nil }
                return x - m.sum / Double(m.n)
            }
            for year in change.keys.sorted() {  // sorted: a Dictionary's order varies by process
                let c = centred(year)!
                if let next = centred(year + 1) {
                    g1 += c * next
                    n1 += 1
                }
                if let after = centred(year + 2) {
                    g2 += c * after
                    n2 += 1
                }
            }
        }
        guard n1 > 0, n2 > 0, g1 > 0 else { return (1, n1, n2) }
        return (min(max((g2 / Double(n2)) / (g1 / Double(n1)), 0), 1), n1, n2)
    }

    /// σ_common and σ_own from the fit (see the type's description).
    static func spread(_ fit: TrajectoryFit) -> (Double, Double) {
        var total = 0.0
        var se = 0.0
        var n = 0
        for (d, row) in fit.slope.enumerated() {
            for (k, slope) in row.enumerated() {
                let x = slope - fit.componentSlope[k]
                total += x * x
                se += fit.slopeSD[d][k] * fit.slopeSD[d][k]
                n += 1
            }
        }
        guard n > 0 else { return (0, 0) }
        let momentum = fit.districtMomentum.reduce(0) { $0 + $1 * $1 } / Double(max(1, fit.districtMomentum.count))
        let deviations = total / Double(n)
        let common = deviations > 0 ? min(1, momentum / deviations) : 0
        let variance = deviations + se / Double(n)
        return ((common * variance).squareRoot(), ((1 - common) * variance).squareRoot())
    }
}
