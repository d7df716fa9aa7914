import RatingsData

/// What the lever effects, background events and ceilings of four draws in SIMD lanes hold
/// across a group's years (`IntegerProjectionState.simulateLanes` with effects): each lane's
/// effect sizes, background stream, events that happened and ceilings' lift years, and this
/// year's per-slot buffers (slots in component order, as the lanes' latents).
struct EffectLanes {
    typealias Lanes = SIMD4<Double>

    /// Per plan effect, its size in each lane.
    var size: [Lanes]
    /// Per lane, its draw's background stream and the background effects that happened in it.
    var background: [SeededGenerator]
    var happened: [[IntegerProjectionState.Happened]]
    /// `liftYear[4 × ceiling + lane]`: the first year the ceiling no longer holds in that lane's draw.
    var liftYear: [Int]
    /// This year's slope change, level shift, cap and stall (all bits set where stalled), per slot.
    let slope: UnsafeMutablePointer<Lanes>
    let levelShift: UnsafeMutablePointer<Lanes>
    let cap: UnsafeMutablePointer<Lanes>
    let stalled: UnsafeMutablePointer<SIMD4<Int64>>
    let slots: Int

    init(effects: Int, ceilings: Int, slots: Int) {
        size = [Lanes](repeating: .zero, count: effects)
        background = [SeededGenerator](repeating: SeededGenerator(seed: 0), count: 4)
        happened = [[IntegerProjectionState.Happened]](repeating: [], count: 4)
        liftYear = [Int](repeating: 0, count: 4 * ceilings)
        self.slots = slots
        slope = .allocate(capacity: max(1, slots))
        levelShift = .allocate(capacity: max(1, slots))
        cap = .allocate(capacity: max(1, slots))
        stalled = .allocate(capacity: max(1, slots))
        slope.initialize(repeating: .zero, count: max(1, slots))
        levelShift.initialize(repeating: .zero, count: max(1, slots))
        cap.initialize(repeating: Lanes(repeating: .infinity), count: max(1, slots))
        stalled.initialize(repeating: .zero, count: max(1, slots))
    }

    /// Free the buffers (the owner calls this once, when the district is done).
    func deallocate() {
        slope.deallocate()
        levelShift.deallocate()
        cap.deallocate()
        stalled.deallocate()
    }

    /// Every slot neutral: no slope change, no shift, no cap, no stall.
    mutating func reset() {
        slope.update(repeating: .zero, count: slots)
        levelShift.update(repeating: .zero, count: slots)
        cap.update(repeating: Lanes(repeating: .infinity), count: slots)
        stalled.update(repeating: .zero, count: slots)
    }

    /// Whether any lane's draw has a background effect acting or pending.
    var anyHappened: Bool {
        !(happened[0].isEmpty && happened[1].isEmpty && happened[2].isEmpty && happened[3].isEmpty)
    }
}
