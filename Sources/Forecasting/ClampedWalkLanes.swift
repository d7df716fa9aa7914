/// The per-group scratch of the clamped walk (`ClampedWalkState`): four draws at a time, one per
/// SIMD lane, in flat buffers — in the loops, arrays would cost a uniqueness and a bounds check
/// per element. Element buffers are indexed by slot (`ClampedWalkSetup`), component buffers by
/// component. Allocated once per district projection; `deallocate()` frees them.
struct ClampedWalkLanes {
    typealias Lanes = SIMD4<Double>
    typealias LaneMask = SIMDMask<SIMD4<Int64>>

    /// Per slot: the rating, this year's move from effects, the cap effects impose, whether a
    /// stall freezes it, and this year's persistence noise.
    let y: UnsafeMutablePointer<Lanes>
    let increment: UnsafeMutablePointer<Lanes>
    let effectCap: UnsafeMutablePointer<Lanes>
    let frozen: UnsafeMutablePointer<LaneMask>
    let noise: UnsafeMutablePointer<Lanes>
    /// Per component: the drawn drift (points/year), in progress last year, crossed this year.
    let drift: UnsafeMutablePointer<Lanes>
    let previousInProgress: UnsafeMutablePointer<LaneMask>
    let crossedThisYear: UnsafeMutablePointer<LaneMask>
    /// Component k's slots are `firstSlot[k] ..< firstSlot[k + 1]`; `componentSize[k]` counts them.
    let firstSlot: UnsafeMutablePointer<Int>
    let componentSize: UnsafeMutablePointer<Double>

    init(_ s: ClampedWalkSetup) {
        let elementCount = s.elementCount
        let componentCount = s.componentCount
        y = .allocate(capacity: elementCount)
        increment = .allocate(capacity: elementCount)
        effectCap = .allocate(capacity: elementCount)
        frozen = .allocate(capacity: elementCount)
        noise = .allocate(capacity: elementCount)
        drift = .allocate(capacity: componentCount)
        previousInProgress = .allocate(capacity: componentCount)
        crossedThisYear = .allocate(capacity: componentCount)
        firstSlot = .allocate(capacity: componentCount + 1)
        componentSize = .allocate(capacity: componentCount)
        for k in 0...componentCount { firstSlot[k] = s.componentStart[k] }
        for k in 0..<componentCount { componentSize[k] = Double(s.componentStart[k + 1] - s.componentStart[k]) }
    }

    func deallocate() {
        y.deallocate()
        increment.deallocate()
        effectCap.deallocate()
        frozen.deallocate()
        noise.deallocate()
        drift.deallocate()
        previousInProgress.deallocate()
        crossedThisYear.deallocate()
        firstSlot.deallocate()
        componentSize.deallocate()
    }
}
