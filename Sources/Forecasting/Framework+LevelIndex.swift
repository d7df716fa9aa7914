import RatingsData

/// Scale levels by index, for forecasts that count draws per level.
extension Framework {
    /// The levels' values, ascending (hoisted out of hot loops: `levels` holds labels and colours).
    var levelValues: [Double] { levels.map { Double($0.value) } }

    /// The index in `levels` of `rating(for: score)`: the nearest level, halves rounding up (the
    /// same rule), found without comparing the levels' labels and colours.
    func levelIndex(for score: Double) -> Int { Framework.nearestIndex(score, in: levelValues) }

    /// `score` moved to the value of its nearest level (so clamped to the scale).
    func snappedToLevel(_ score: Double) -> Double { levelValues[levelIndex(for: score)] }

    /// The index of the value nearest `score` in ascending `values`; of two equally near, the
    /// higher (the rule of `rating(for:)`).
    static func nearestIndex(_ score: Double, in values: [Double]) -> Int {
        var best = 0
        for i in values.indices where Swift.abs(values[i] - score) <= Swift.abs(values[best] - score) { best = i }
        return best
    }
}
