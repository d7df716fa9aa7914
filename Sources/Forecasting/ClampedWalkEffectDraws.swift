import RatingsData

/// The lever effects' random part for one group of four draws in the clamped walk
/// (`ClampedWalkState`): each effect's size per lane, and the cap a ceiling effect set when it
/// first acted in the group (empty until then).
struct ClampedWalkEffectDraws {
    var sizes: [SIMD4<Double>]
    var imposedCap: [[SIMD4<Double>]]

    init(count: Int) {
        sizes = [SIMD4<Double>](repeating: .zero, count: count)
        imposedCap = [[SIMD4<Double>]](repeating: [], count: count)
    }

    /// Each effect's size in each lane of group `r0`, from the effect's own stream for the draw
    /// (lever uncertainty), so the same lever draws the same size in every scenario.
    @inline(__always)
    mutating func draw(_ effects: [ScenarioPlan.ActiveEffect], group r0: Int, drawKeyBase: UInt64) {
        for (j, e) in effects.enumerated() {
            for i in 0..<SIMD4<Double>.scalarCount {
                var effectRNG = SeededGenerator(
                    seed: e.randomKey ^ Projection.drawSeed(drawKeyBase, r0 + i))
                sizes[j][i] = e.size.sample(&effectRNG)
            }
            imposedCap[j].removeAll(keepingCapacity: true)
        }
    }
}
