extension RelaxationBundle {
    /// Check every bundle's name (unique, not `all`, not empty) and sticking points (a component's
    /// short name or a catalogue ceiling id, each once).
    static func check(_ bundles: [RelaxationBundle], framework: Framework,
                      catalogue: StickingPointCatalogue) throws(Diagnostic) {
        let components = framework.components.map(\.shortName), ceilings = catalogue.points.map(\.id)
        var names: Set<String> = []
        for b in bundles {
            let at = b.location ?? SourceLocation(file: catalogue.file)
            guard !b.name.isEmpty, b.name != allName, names.insert(b.name).inserted else {
                throw .error(at: at, "bundle name \"\(b.name)\" is empty, reserved (\"all\") or used twice; expected a new name")
            }
            guard !b.stickingPoints.isEmpty else { throw .error(at: at, "bundle \"\(b.name)\" names no sticking point") }
            var seen: Set<String> = []
            for (j, p) in b.stickingPoints.enumerated() {
                let at = j < b.pointLocations.count ? b.pointLocations[j] : at
                guard components.contains(p) || ceilings.contains(p) else {
                    throw .error(at: at, "bundle \"\(b.name)\": unknown sticking point \"\(p)\"; expected a component (\(components.joined(separator: ", "))) or a ceiling (\(ceilings.joined(separator: ", ")))")
                }
                guard seen.insert(p).inserted else { throw .error(at: at, "bundle \"\(b.name)\" names \"\(p)\" twice") }
            }
        }
    }
}
