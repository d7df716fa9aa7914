/// One district's ratings in one year.
public struct Snapshot: Equatable, Sendable {
    /// Index into `Panel.districts`.
    public var districtIndex: Int
    /// Calendar year of the ratings.
    public var year: Int
    /// One entry per framework element, in framework order; nil when the element was not rated.
    public var scores: [Double?]

    /// One district's ratings in one year; `scores` has one entry per framework element.
    public init(districtIndex: Int, year: Int, scores: [Double?]) {
        self.districtIndex = districtIndex
        self.year = year
        self.scores = scores
    }
}
