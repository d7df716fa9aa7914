import Forecasting
import RatingsData

extension RelaxationBundle {
    /// Check every bundle's name (unique, not `all`, not empty) and sticking points (a component's
    /// short name or a catalogue ceiling id, each once).
    static func check(
        _ bundles: [RelaxationBundle], framework: Framework,
        catalogue: StickingPointCatalogue
    ) throws(Diagnostic) {
        let components = framework.components.map(\.shortName)
        let ceilings = catalogue.points.map(\.id)
        var names: Set<String> = []
        for b in bundles {
            let at = b.location ?? SourceLocation(file: catalogue.file)
            let problem: String? =
                b.name.isEmpty
                ? "is empty"
                : b.name == allName
                    ? "is reserved (every sticking point that holds)"
                    : components.contains(b.name) || ceilings.contains(b.name)
                        ? "is a sticking point's name (rows would be ambiguous)"
                        : names.contains(b.name) ? "is used by another bundle" : nil
            if let problem { throw .error(at: at, "bundle name \"\(b.name)\" \(problem); expected a new name") }
            if let problem = NameRule.problem(b.name, what: "bundle name") { throw .error(at: at, problem) }
            names.insert(b.name)
            guard !b.stickingPoints.isEmpty else {
                throw .error(at: at, "bundle \"\(b.name)\" names no sticking point")
            }
            var seen: Set<String> = []
            for (j, p) in b.stickingPoints.enumerated() {
                let at = j < b.pointLocations.count ? b.pointLocations[j] : at
                guard components.contains(p) || ceilings.contains(p) else {
                    throw .error(
                        at: at,
                        "bundle \"\(b.name)\": unknown sticking point \"\(p)\"\(Suggestion.didYouMean(p, among: components + ceilings)); expected a component (\(components.joined(separator: ", "))) or a ceiling (\(ceilings.joined(separator: ", ")))"
                    )
                }
                guard seen.insert(p).inserted else { throw .error(at: at, "bundle \"\(b.name)\" names \"\(p)\" twice") }
            }
        }
    }
}
