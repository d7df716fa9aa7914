import RatingsData

/// One effect of a lever on ratings.
public struct Effect: Equatable, Sendable {
    /// What the effect does; the raw value is the catalogue's `"kind"`.
    public enum Kind: String, CaseIterable, Sendable {
        /// A permanent shift of the ratings (points), phased in over `ramp` years.
        case level
        /// A change of the yearly drift (points per year) for `duration` years (nil: for good).
        case slope
        /// A cap on the ratings (a scale value) for `duration` years: a sticking point imposed.
        case ceiling
        /// Removes the named sticking points' ceilings from the onset year.
        case liftCeiling = "lift-ceiling"
        /// Progress held for `size` years (rounded to whole years): a rising move is 0 while it
        /// lasts, a falling one goes on; ratings are never frozen.
        case stall
    }

    /// Which elements an effect touches.
    public enum Targets: Equatable, Sendable {
        case all
        case components([String])
        case elements([String])
    }

    /// Unique within its lever; `"overrides"` in a scenario name it.
    public var id: String
    /// Sets the meaning of `size`, `ramp` and `duration`.
    public var kind: Kind
    /// The elements it acts on (a lift-ceiling effect may give none: it acts through `stickingPoints`).
    public var targets: Targets
    /// Size (points, points per year, a scale value, or years, by kind); unused by lift-ceiling.
    public var size: Distribution
    /// Years from the intervention to the onset.
    public var lag: Int
    /// Years over which a level shift phases in (≥ 1).
    public var ramp: Int
    /// Years the effect lasts; nil = for good.
    public var duration: Int?
    /// Sticking-point ids a lift-ceiling effect removes.
    public var stickingPoints: [String]
    /// Why this size: the stated assumption and its source.
    public var reason: String
    /// Where the size comes from: "assumed", "elicited: …" (who, when), "estimated: …" (how, from
    /// what) or a citation. Defaults to "assumed" ("elicited" for a p10/p50/p90 size).
    public var source: String = "assumed"
    /// Where the effect is written (for errors found once every file is loaded); nil when built in
    /// code. Not part of equality: the same effect read from two files is the same effect.
    public var location: SourceLocation? {
        get { written.value }
        set { written.value = newValue }
    }
    var written = Unequated<SourceLocation?>(value: nil)

    package init(
        id: String, kind: Kind, targets: Targets, size: Distribution, lag: Int, ramp: Int, duration: Int?,
        stickingPoints: [String], reason: String, source: String = "assumed"
    ) {
        self.id = id
        self.kind = kind
        self.targets = targets
        self.size = size
        self.lag = lag
        self.ramp = ramp
        self.duration = duration
        self.stickingPoints = stickingPoints
        self.reason = reason
        self.source = source
    }
}

extension Effect.Targets {
    /// Element indices targeted.
    public func elementIndices(in framework: Framework) -> [Int] {
        switch self {
        case .all: return Array(framework.elements.indices)
        case .components(let names):
            let ks = Set(names.compactMap { framework.componentIndex($0) })
            return framework.elements.indices.filter { ks.contains(framework.elements[$0].componentIndex) }
        case .elements(let ids): return ids.compactMap { framework.elementIndex($0) }
        }
    }
}
