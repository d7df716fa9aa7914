/// The rating framework as data: components, their elements, the rating
/// scale, the in-progress threshold and the rule for "advanced".
///
/// Nothing in the engine assumes CRPE's 7 components, 36 elements or 1–5
/// scale; everything reads them from here.
public struct Framework: Equatable, Sendable {
    /// The framework file's `name` ("unnamed framework" when it has none).
    public var name: String
    /// Components in file order; indices into this are "component k" everywhere.
    public var components: [Component]
    /// Elements in file order; a snapshot's scores follow this order.
    public var elements: [Element]
    /// Levels sorted by ascending value.
    public var levels: [RatingLevel]
    /// A component score at or above this is "in progress or better" (CRPE: 3.5).
    public var inProgressThreshold: Double
    /// How many components in progress make a district advanced.
    public var advancedRule: AdvancedRule
    /// Default quadrant cut-offs (Figure 4); nil means "use the panel's medians".
    public var quadrantCutoffs: QuadrantCutoffs?

    /// Element indices of each component, in framework order.
    public let elementsByComponent: [[Int]]
    let elementIndexByID: [String: Int]

    /// A framework; `levels` may come in any order (they are sorted by value).
    public init(
        name: String, components: [Component], elements: [Element], levels: [RatingLevel],
        inProgressThreshold: Double, advancedRule: AdvancedRule, quadrantCutoffs: QuadrantCutoffs? = nil
    ) {
        self.name = name
        self.components = components
        self.elements = elements
        self.levels = levels.sorted { $0.value < $1.value }
        self.inProgressThreshold = inProgressThreshold
        self.advancedRule = advancedRule
        self.quadrantCutoffs = quadrantCutoffs
        var groups = [[Int]](repeating: [], count: components.count)
        for (i, e) in elements.enumerated() { groups[e.componentIndex].append(i) }
        elementsByComponent = groups
        elementIndexByID = Dictionary(elements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Index of the element with identifier `id`.
    public func elementIndex(_ id: String) -> Int? { elementIndexByID[id] }

    /// Index of the component whose id or short name is `name` (case-insensitive for names).
    public func componentIndex(_ name: String) -> Int? {
        components.firstIndex { $0.id == name }
            ?? components.firstIndex { $0.shortName.lowercased() == name.lowercased() }
    }

    /// The lowest level's value (0 for a framework without levels).
    public var minimumScore: Int { levels.first?.value ?? 0 }
    /// The highest level's value (0 for a framework without levels).
    public var maximumScore: Int { levels.last?.value ?? 0 }

    /// The level a score rounds to (nearest level value; halves round up, so a
    /// 3.5 with CRPE's scale is "in progress").
    public func rating(for score: Double) -> RatingLevel {
        var best = levels[0]
        for level in levels where abs(Double(level.value) - score) <= abs(Double(best.value) - score) {
            best = level
        }
        return best
    }

    /// The scale level with exactly this value, if any.
    public func level(value: Int) -> RatingLevel? { levels.first { $0.value == value } }
}

extension Framework {
    /// Equal when everything read from the file is; the lookup tables derived from it are not compared.
    public static func == (a: Framework, b: Framework) -> Bool {
        a.name == b.name && a.components == b.components && a.elements == b.elements && a.levels == b.levels
            && a.inProgressThreshold == b.inProgressThreshold && a.advancedRule == b.advancedRule
            && a.quadrantCutoffs == b.quadrantCutoffs
    }
}
