/// Figure 4's quadrants: strong/weak by district score, consistent/piecemeal by spread.
public enum Quadrant: String, CaseIterable, Sendable {
    case strongConsistent = "strong-consistent"
    case strongPiecemeal = "strong-piecemeal"
    case weakConsistent = "weak-consistent"
    case weakPiecemeal = "weak-piecemeal"

    /// Strong when the district score is at least `strongAtLeast`; piecemeal when the spread is above `piecemealAbove`.
    public init(districtScore: Double, spread: Double, cutoffs: QuadrantCutoffs) {
        let strong = districtScore >= cutoffs.strongAtLeast
        let piecemeal = spread > cutoffs.piecemealAbove
        switch (strong, piecemeal) {
        case (true, false): self = .strongConsistent
        case (true, true): self = .strongPiecemeal
        case (false, false): self = .weakConsistent
        case (false, true): self = .weakPiecemeal
        }
    }

    /// "strong & consistent", as the paper writes it.
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " & ") }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
