extension Framework {
    /// Load a framework file (see `Scenarios/data/framework.json` for the format).
    public static func load(contentsOf path: String) throws(Diagnostic) -> Framework {
        try decode(try JSONParser.parse(contentsOf: path), file: path)
    }

    /// Decode a parsed framework document; every error names the file, line, column and JSON path.
    public static func decode(_ root: JSONNode, file: String) throws(Diagnostic) -> Framework {
        let top = try JSONObjectReader(root, file: file, path: "")
        try top.rejectUnknownKeys(allowed: [
            "name", "description", "source", "components", "elements", "levels",
            "inProgressThreshold", "advancedRule", "quadrantCutoffs",
        ])
        let name = try top.optionalString("name") ?? "unnamed framework"
        let components = try decodeComponents(top, file: file)
        let elements = try decodeElements(top, file: file, components: components)
        let levels = try decodeLevels(top, file: file)
        let threshold = try decodeThreshold(top, levels: levels)
        let rule = try decodeAdvancedRule(top, componentCount: components.count)
        var cutoffs: QuadrantCutoffs?
        if let q = try top.optionalObject("quadrantCutoffs") {
            try q.rejectUnknownKeys(allowed: ["strongAtLeast", "piecemealAbove"])
            cutoffs = QuadrantCutoffs(
                strongAtLeast: try q.number("strongAtLeast"), piecemealAbove: try q.number("piecemealAbove"))
        }
        return Framework(
            name: name, components: components, elements: elements, levels: levels,
            inProgressThreshold: threshold, advancedRule: rule, quadrantCutoffs: cutoffs)
    }

    /// `"components"`: at least one, ids unique and non-empty, ids and short names valid names.
    private static func decodeComponents(_ top: JSONObjectReader, file: String) throws(Diagnostic) -> [Component] {
        var components: [Component] = []
        for (node, path) in try top.array("components") {
            let c = try JSONObjectReader(node, file: file, path: path)
            try c.rejectUnknownKeys(allowed: ["id", "shortName", "name"])
            let id = try c.string("id")
            guard !id.isEmpty else {
                throw .error(at: c.location, "component id is empty; expected a non-empty string")
            }
            guard !components.contains(where: { $0.id == id }) else {
                throw .error(at: c.location, "duplicate component id \"\(id)\"; expected each id once")
            }
            let shortName = try c.string("shortName")
            for (text, what) in [(id, "component id"), (shortName, "component shortName")] {
                if let problem = NameRule.problem(text, what: what) { throw .error(at: c.location, problem) }
            }
            components.append(Component(id: id, shortName: shortName, name: try c.optionalString("name") ?? shortName))
        }
        guard !components.isEmpty else {
            throw .error(
                at: top.location(of: top.node("components")!, path: "components"), "expected at least one component")
        }
        return components
    }

    /// `"elements"`: ids unique and usable as CSV headers, each of a known component, and every
    /// component with at least one.
    private static func decodeElements(
        _ top: JSONObjectReader, file: String, components: [Component]
    ) throws(Diagnostic) -> [Element] {
        var elements: [Element] = []
        for (node, path) in try top.array("elements") {
            let e = try JSONObjectReader(node, file: file, path: path)
            try e.rejectUnknownKeys(allowed: ["id", "component", "text"])
            let id = try e.string("id")
            guard !id.isEmpty, !id.contains(","), !id.contains("\"") else {
                throw .error(at: e.location, "element id \"\(id)\" must be non-empty and contain no comma or quote")
            }
            if let problem = NameRule.problem(id, what: "element id") { throw .error(at: e.location, problem) }
            guard !elements.contains(where: { $0.id == id }) else {
                throw .error(at: e.location, "duplicate element id \"\(id)\"; expected each id once")
            }
            let componentID = try e.string("component")
            guard let ci = components.firstIndex(where: { $0.id == componentID }) else {
                throw .error(
                    at: e.location(of: e.node("component")!, path: "\(path).component"),
                    "unknown component \"\(componentID)\"; \(Suggestion.expectedOneOf(components.map(\.id)))")
            }
            elements.append(Element(id: id, componentIndex: ci, text: try e.optionalString("text") ?? ""))
        }
        for (ci, c) in components.enumerated() where !elements.contains(where: { $0.componentIndex == ci }) {
            throw .error(
                at: top.location, "component \"\(c.id)\" (\(c.shortName)) has no elements; expected at least one")
        }
        return elements
    }

    /// `"levels"`: the rating scale, at least two levels with distinct values and #rrggbb colours.
    private static func decodeLevels(_ top: JSONObjectReader, file: String) throws(Diagnostic) -> [RatingLevel] {
        var levels: [RatingLevel] = []
        for (node, path) in try top.array("levels") {
            let l = try JSONObjectReader(node, file: file, path: path)
            try l.rejectUnknownKeys(allowed: ["value", "label", "colour"])
            guard let value = try l.optionalInteger("value") else {
                throw .error(at: l.location, "missing required key \"value\"")
            }
            guard !levels.contains(where: { $0.value == value }) else {
                throw .error(at: l.location, "duplicate level value \(value); expected each value once")
            }
            let colour = try l.optionalString("colour") ?? "#888888"
            guard isHexColour(colour) else {
                throw .error(
                    at: l.location(of: l.node("colour")!, path: "\(path).colour"),
                    "colour \"\(colour)\" is not a #rrggbb colour")
            }
            levels.append(RatingLevel(value: value, label: try l.string("label"), colour: colour))
        }
        guard levels.count >= 2 else {
            throw .error(at: top.location, "the scale needs at least two levels; found \(levels.count)")
        }
        return levels
    }

    /// `"inProgressThreshold"`: inside the scale, above its bottom level.
    private static func decodeThreshold(_ top: JSONObjectReader, levels: [RatingLevel]) throws(Diagnostic) -> Double {
        let lo = Double(levels.map(\.value).min()!)
        let hi = Double(levels.map(\.value).max()!)
        let threshold = try top.number("inProgressThreshold")
        guard threshold > lo, threshold <= hi else {
            throw .error(
                at: top.location(of: top.node("inProgressThreshold")!, path: "inProgressThreshold"),
                "threshold \(threshold) is outside the scale; expected a value in (\(Int(lo)), \(Int(hi))]")
        }
        return threshold
    }

    /// `"advancedRule"`: exactly one of `moreThanFraction` (in [0, 1)) or `atLeast` (1 … components).
    private static func decodeAdvancedRule(
        _ top: JSONObjectReader, componentCount: Int
    ) throws(Diagnostic) -> AdvancedRule {
        guard let ruleReader = try top.optionalObject("advancedRule") else {
            throw .error(at: top.location, "missing required key \"advancedRule\"")
        }
        try ruleReader.rejectUnknownKeys(allowed: ["moreThanFraction", "atLeast"])
        switch (try ruleReader.optionalNumber("moreThanFraction"), try ruleReader.optionalInteger("atLeast")) {
        case (let f?, nil):
            guard f >= 0, f < 1 else {
                throw .error(at: ruleReader.location, "moreThanFraction \(f) must be in [0, 1)")
            }
            return .moreThanFraction(f)
        case (nil, let n?):
            guard n >= 1, n <= componentCount else {
                throw .error(
                    at: ruleReader.location,
                    "atLeast \(n) must be between 1 and the number of components (\(componentCount))")
            }
            return .atLeast(n)
        default:
            throw .error(at: ruleReader.location, "expected exactly one of \"moreThanFraction\" or \"atLeast\"")
        }
    }

    static func isHexColour(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 7 && u[0] == UInt8(ascii: "#")
            && u.dropFirst().allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46)
            }
    }
}
