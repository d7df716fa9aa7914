import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

/// The lanes' element step, AVX kernel and SSE2 Swift, against a scalar reference written from
/// the model's definition (clamp the moved latent to the outer cells; rate it at the nearest
/// level, halves up, as `LevelGrid.level` does; a component's ratings summed).
@Suite struct LaneStepTests {
    typealias Lanes = SIMD4<Double>

    /// The scalar reference for one lane: the latents after the move and the component rating sums.
    static func reference(_ latent: [Double], move: [Double], grid: LevelGrid, start: [Int]) -> ([Double], [Double]) {
        let bottom = grid.lowest - grid.halfCell
        let top = grid.cellTop(grid.highest)
        var moved = latent
        var sums: [Double] = []
        for c in 0..<(start.count - 1) {
            var sum = 0.0
            for j in start[c]..<start[c + 1] {
                moved[j] = min(max(latent[j] + move[c], bottom), top)
                sum += grid.level(moved[j])
            }
            sums.append(sum)
        }
        return (moved, sums)
    }

    /// Random latents across the scale, with a quarter placed exactly on the bounds and on the
    /// cut-points between levels, and moves that push some past the bounds.
    static func inputs(grid: LevelGrid, slots: Int, components: Int, seed: UInt64) -> ([Lanes], [Lanes]) {
        var rng = SeededGenerator(seed: seed)
        let bottom = grid.lowest - grid.halfCell
        let top = grid.cellTop(grid.highest)
        let special = [bottom, top, grid.lowest, grid.highest] + grid.values.dropLast().map { $0 + grid.halfCell }
        let latent = (0..<slots).map { _ in
            Lanes(
                (0..<4).map { _ in
                    rng.uniform() < 0.25
                        ? special[Int(rng.next() % UInt64(special.count))]
                        : bottom + (top - bottom) * rng.uniform()
                })
        }
        let move = (0..<components).map { _ in Lanes((0..<4).map { _ in (rng.uniform() - 0.5) * 3 * grid.halfCell }) }
        return (latent, move)
    }

    /// Both implementations equal the scalar reference bit for bit, on the shipped scale (1–5),
    /// a scale from 0, a seven-level one and one with a spacing of 2 (levels are integers).
    @Test(arguments: [[1.0, 2, 3, 4, 5], [0, 1, 2, 3], [1.0, 2, 3, 4, 5, 6, 7], [0, 2, 4, 6, 8]])
    func stepEqualsScalarReference(levels: [Double]) {
        let grid = LevelGrid(values: levels)
        let start = [0, 5, 11, 12, 18]
        let slots = start.last!
        let components = start.count - 1
        let implementations = [false] + (LaneStep.cpuHasAVX ? [true] : [])
        for seed in 1...50 {
            let (latent, move) = Self.inputs(grid: grid, slots: slots, components: components, seed: UInt64(seed))
            for vector in implementations {
                let step = LaneStep(grid: grid, unit: grid.step!, componentStart: start, allowVector: vector)
                var moved = latent
                var sums = [Lanes](repeating: .zero, count: components)
                moved.withUnsafeMutableBufferPointer { l in
                    sums.withUnsafeMutableBufferPointer { s in
                        move.withUnsafeBufferPointer { m in
                            step.year(latent: l.baseAddress!, move: m.baseAddress!, sums: s.baseAddress!)
                        }
                    }
                }
                for lane in 0..<4 {
                    let (expectedLatent, expectedSums) = Self.reference(
                        latent.map { $0[lane] }, move: move.map { $0[lane] }, grid: grid, start: start)
                    #expect(moved.map { $0[lane] } == expectedLatent, "vector \(vector) seed \(seed) lane \(lane)")
                    #expect(sums.map { $0[lane] } == expectedSums, "vector \(vector) seed \(seed) lane \(lane)")
                }
            }
        }
    }
}
