import RatingsData

/// The framework's rating scale as the integer projection uses it: which level a latent score
/// is rated at. Cut-points lie halfway between neighbouring levels, as `Framework.rating(for:)`
/// rounds (halves up).
package struct LevelGrid: Sendable {
    /// Level values, ascending.
    package let values: [Double]
    package let lowest: Double
    package let highest: Double
    /// The gap between neighbouring levels when they are equally spaced (every shipped scale), nil otherwise.
    package let step: Double?
    /// Half the smallest gap between neighbouring levels: the width of a rating's cell on either side.
    package let halfCell: Double
    /// 1/step and the highest level's index, for the equally spaced case.
    private let inverseStep: Double
    private let topIndex: Int

    package init(_ framework: Framework) {
        self.init(values: framework.levels.map { Double($0.value) })
    }

    package init(values levels: [Double]) {
        values = levels.sorted()
        lowest = values.first ?? 0
        highest = values.last ?? 0
        let gaps = zip(values, values.dropFirst()).map { $1 - $0 }
        let smallest = gaps.min() ?? 1
        step = gaps.allSatisfy { $0 == smallest } ? smallest : nil
        halfCell = smallest / 2
        inverseStep = 1 / smallest
        topIndex = max(0, values.count - 1)
    }

    /// The level a latent score is rated at (nearest level; halves up; beyond the ends, the end).
    @inline(__always)
    package func level(_ x: Double) -> Double {
        if let step {
            // Truncation is the floor here (the argument is ≥ 0), and needs no call to libm's floor.
            let shifted = (x - lowest) * inverseStep + 0.5
            guard shifted > 0 else { return lowest }
            return lowest + step * Double(min(Int(shifted), topIndex))
        }
        var best = values[0]
        for v in values where abs(v - x) <= abs(best - x) { best = v }
        return best
    }

    /// The highest latent score still rated at `level` (just below the cut to the next level up).
    package func cellTop(_ level: Double) -> Double {
        (level + halfCell).nextDown
    }
}
