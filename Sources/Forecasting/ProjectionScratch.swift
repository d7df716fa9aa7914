import RatingsData

/// The per-element working state of one district's integer projection, as flat buffers: the
/// inner loop runs 36 elements × years × draws per district, and arrays there cost a uniqueness
/// check and a bounds check per write (about 3× the loop's arithmetic, measured).
final class ProjectionScratch {
    let count: Int
    /// Latent score, yearly slope from effects, level shift this year, cap this year.
    let latent: UnsafeMutablePointer<Double>
    let slope: UnsafeMutablePointer<Double>
    let levelShift: UnsafeMutablePointer<Double>
    let cap: UnsafeMutablePointer<Double>
    /// Whether a stall holds the element this year.
    let stalled: UnsafeMutablePointer<Bool>

    init(count: Int) {
        self.count = count
        latent = .allocate(capacity: max(1, count))
        slope = .allocate(capacity: max(1, count))
        levelShift = .allocate(capacity: max(1, count))
        cap = .allocate(capacity: max(1, count))
        stalled = .allocate(capacity: max(1, count))
        latent.initialize(repeating: 0, count: max(1, count))
        slope.initialize(repeating: 0, count: max(1, count))
        levelShift.initialize(repeating: 0, count: max(1, count))
        cap.initialize(repeating: .infinity, count: max(1, count))
        stalled.initialize(repeating: false, count: max(1, count))
    }

    deinit {
        latent.deallocate()
        slope.deallocate()
        levelShift.deallocate()
        cap.deallocate()
        stalled.deallocate()
    }
}
