import RatingsData

/// A sticking point as data: a ceiling on some elements that holds in a district until a
/// lever lifts it (docs/domain.md §6). A ceiling never pushes a rating down: a rating already
/// above it may not rise further, one below it may rise only up to it.
public struct StickingPoint: Equatable, Sendable {
    /// Unique in the catalogue and not a component's name; lift-ceiling effects and bundles name it.
    public var id: String
    /// The ceiling in words, and the reason for any `exceptDistricts`.
    public var description: String
    /// The elements it caps.
    public var targets: Effect.Targets
    /// The cap, on the framework's scale.
    public var maximum: Double
    /// Governance types (from the districts file) where it holds.
    public var governance: [String]
    /// Districts where it holds whatever their governance.
    public var districts: [String]
    /// Districts exempt (the public record shows the ceiling already lifted), with the reason in `description`.
    public var exceptDistricts: [String]
    /// Levers that lift it: each must have a lift-ceiling effect naming it (checked against the
    /// lever catalogue; the effects do the lifting).
    public var liftedBy: [String]
    /// Where it is written, for errors found once the panel and levers are loaded.
    public var location: SourceLocation? = nil

    package init(
        id: String, description: String, targets: Effect.Targets, maximum: Double, governance: [String],
        districts: [String], exceptDistricts: [String], liftedBy: [String], location: SourceLocation? = nil
    ) {
        self.id = id
        self.description = description
        self.targets = targets
        self.maximum = maximum
        self.governance = governance
        self.districts = districts
        self.exceptDistricts = exceptDistricts
        self.liftedBy = liftedBy
        self.location = location
    }

    /// Whether it holds in `district` at the start of a projection.
    public func applies(to district: DistrictInfo) -> Bool {
        if exceptDistricts.contains(district.name) { return false }
        if districts.contains(district.name) { return true }
        return district.governance.map { governance.contains($0) } ?? false
    }
}
