/// One level of the rating scale, e.g. 4 "In progress", light green.
public struct RatingLevel: Equatable, Hashable, Sendable {
    /// The numeric rating an element receives.
    public var value: Int
    /// What the level is called in reports (CRPE: "not in place" … "fully in place").
    public var label: String
    /// A CSS colour (`#rrggbb`) used by charts.
    public var colour: String

    /// A level of the scale; `colour` is `#rrggbb`.
    public init(value: Int, label: String, colour: String) {
        self.value = value
        self.label = label
        self.colour = colour
    }
}
