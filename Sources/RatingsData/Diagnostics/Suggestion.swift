/// "Did you mean" for a mistyped id: the closest known one by edit distance (case ignored),
/// offered only when it is close (at most a third of the name's length, and at least 1 edit away
/// unless only the case differs).
public enum Suggestion {
    /// `"; did you mean \"X\"?"` or the empty string.
    public static func didYouMean(_ name: String, among known: [String]) -> String {
        guard let best = closest(name, among: known) else { return "" }
        return "; did you mean \"\(best)\"?"
    }

    /// The known name closest to `name` (see the type's description), or nil when none is close enough.
    public static func closest(_ name: String, among known: [String]) -> String? {
        let lower = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in known where candidate != name {
            let d = distance(lower, Array(candidate.lowercased()))
            if d <= max(1, lower.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Suggestion {
    /// `"expected one of: a, b, c"`, or a sentence saying there is none to choose from — never
    /// "expected one of: " followed by nothing.
    public static func expectedOneOf(_ known: [String], none: String = "there are none to choose from") -> String {
        known.isEmpty ? none : "expected one of: " + known.joined(separator: ", ")
    }
}
