import Forecasting
import RatingsData

/// Ids that point from one input file into another, checked once everything is loaded: a typo
/// in any of them is a located error with a suggestion, never a silent change of results.
enum CatalogueCheck {
    /// Returns warnings: a sticking point's district that is not in this panel and close to none
    /// of its names (a catalogue shared across panels) is ignored with a warning; one close to a
    /// panel district is a typo, and an error.
    static func check(
        panel: Panel, levers: LeverCatalogue, points: StickingPointCatalogue,
        districtsFile: String?
    ) throws(Diagnostic) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let ids = points.points.map(\.id)
        let names = panel.districts.map(\.name)
        for lever in levers.levers {
            for effect in lever.effects + lever.provisions.flatMap(\.effects) where effect.kind == .liftCeiling {
                for id in effect.stickingPoints where !ids.contains(id) {
                    throw .error(
                        at: effect.location
                            ?? SourceLocation(file: levers.file, path: "lever \(lever.id), effect \(effect.id)"),
                        "lifts unknown sticking point \"\(id)\"\(Suggestion.didYouMean(id, among: ids)); \(Suggestion.expectedOneOf(ids))"
                    )
                }
            }
        }
        for point in points.points {
            let at = point.location ?? SourceLocation(file: points.file)
            for lever in point.liftedBy {
                guard let l = levers.lever(lever) else {
                    throw .error(
                        at: at,
                        "\(point.id): liftedBy names unknown lever \"\(lever)\"\(Suggestion.didYouMean(lever, among: levers.levers.map(\.id)))"
                    )
                }
                let lifts = (l.effects + l.provisions.flatMap(\.effects)).contains {
                    $0.kind == .liftCeiling && $0.stickingPoints.contains(point.id)
                }
                guard lifts else {
                    throw .error(
                        at: at,
                        "\(point.id): liftedBy names \"\(lever)\", but no lift-ceiling effect of that lever in \(levers.file) lifts it; add one or remove the lever from liftedBy"
                    )
                }
            }
            for name in point.districts + point.exceptDistricts where !names.contains(name) {
                guard Suggestion.closest(name, among: names) == nil else {
                    throw .error(
                        at: at,
                        "\(point.id): unknown district \"\(name)\"\(Suggestion.didYouMean(name, among: names)); expected a district of the panel"
                    )
                }
                warnings.append(.warning(at: at, "\(point.id): district \"\(name)\" is not in this panel; ignored"))
            }
        }
        guard let types = points.governanceTypes else { return warnings }
        for d in panel.districts {
            if let g = d.governance, !types.contains(g) {
                throw .error(
                    at: SourceLocation(file: districtsFile ?? points.file),
                    "district \"\(d.name)\": governance \"\(g)\" is not one of the governanceTypes in \(points.file)\(Suggestion.didYouMean(g, among: types)); \(Suggestion.expectedOneOf(types))"
                )
            }
        }
        return warnings
    }
}
