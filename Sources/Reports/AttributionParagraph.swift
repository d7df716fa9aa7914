import Forecasting
import Policy
import RatingsData

/// The brief's plain words about one district's sticking points: what binds, what it would take,
/// and how sure that is.
enum AttributionParagraph {
    static func text(_ d: DistrictAttribution, benchmark: RelaxationBenchmark, horizon: Int) -> String {
        guard let first = d.values.first else { return "" }
        let name = first.district
        var text = ""
        if let all = d.bundles.first(where: { $0.bundle == RelaxationBundle.allName }) {
            text +=
                "Relaxing all of its sticking points together (\(d.values.map(\.stickingPoint).joined(separator: ", "))) — each component at the network's \(benchmark.rawValue) pace, ceilings lifted — would move its chance of being advanced by \(horizon) from \(percent(all.pAdvanced)) to \(percent(all.pRelaxed))."
        }
        let shares = d.values.sorted { $0.shapleyPGain.mean > $1.shapleyPGain.mean }
            .filter { $0.shapleyPGain.mean >= 0.005 && !($0.shapleyPGain.mean <= 2 * $0.shapleyPGain.standardError) }
        if shares.isEmpty {
            text +=
                " No sticking point's share of that gain is clearly above zero (none exceeds twice its Monte Carlo error)."
        } else {
            text +=
                " Of that gain, "
                + shares.prefix(3).map {
                    "\($0.stickingPoint) accounts for \(points($0.shapleyPGain.mean))"
                        + ($0.shapleyPGain.standardError.isFinite
                            ? " (± \(points($0.shapleyPGain.standardError)))" : "")
                }.joined(separator: ", ")
                + " (Shapley shares: the average gain each adds over every order of relaxing them)."
        }
        let binding = d.values.filter(\.binding)
        let allGain = d.bundles.first { $0.bundle == RelaxationBundle.allName }.map { $0.pRelaxed - $0.pAdvanced } ?? 0
        if !binding.isEmpty {
            text +=
                " Relaxed alone, \(binding.map(\.stickingPoint).joined(separator: " and ")) \(binding.count == 1 ? "makes" : "each make") it advanced earlier in at least half the draws."
        } else if allGain > 0 {
            text +=
                " No single one, relaxed alone, makes \(name) advanced earlier in half the draws: what binds is the combination."
        }
        if let already = d.requirements.first, already.pUnrelaxed >= PaceRequirement.targetProbability {
            return text
                + " It already has at least an even chance of being advanced by \(already.targetYear) as projected."
        }
        let reachable = d.requirements.filter { $0.reachable && $0.requiredPace != nil }
        if let cheapest = reachable.filter({ d.values.map(\.stickingPoint).contains($0.relaxed) }).min(by: {
            $0.requiredPace! < $1.requiredPace!
        }) {
            text +=
                " What it would take: \(cheapest.relaxed) moving \(fixed(cheapest.requiredPace!, decimals: 2)) points a year faster than its own \(fixed(cheapest.ownPace ?? 0, decimals: 3)), with the ceilings on it lifted, gives an even chance of being advanced by \(cheapest.targetYear)."
        } else if let bundle = reachable.min(by: { $0.requiredPace! < $1.requiredPace! }) {
            text +=
                " What it would take: no single component is enough even at the network's fastest pace; the \(bundle.relaxed) bundle at \(fixed(bundle.requiredPace!, decimals: 2)) points a year faster gives an even chance by \(bundle.targetYear)."
        } else if let any = d.requirements.first {
            text +=
                " Not even every sticking point at the network's fastest pace gives an even chance of being advanced by \(any.targetYear)."
        }
        return text
    }

    static func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }
    static func points(_ p: Double) -> String { "\(fixed(p * 100, decimals: 1)) points" }
}
