/// One component of the framework (for CRPE's: Choice, Autonomy, …).
public struct Component: Equatable, Hashable, Sendable {
    /// Stable identifier used by elements, e.g. "2".
    public var id: String
    /// Name for tables and charts, e.g. "Autonomy".
    public var shortName: String
    /// Full name, e.g. "School autonomy".
    public var name: String

    /// A component; `id` is what files refer to it by, `shortName` what tables and charts show.
    public init(id: String, shortName: String, name: String) {
        self.id = id
        self.shortName = shortName
        self.name = name
    }
}
