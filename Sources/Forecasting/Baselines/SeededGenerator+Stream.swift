import RatingsData

extension SeededGenerator {
    /// An independent stream for item `stream` (a district) of a run seeded with `seed`: the
    /// baselines give each district its own generator, so a district's paths depend only on the
    /// seed and its index, never on the order districts are simulated in.
    init(seed: UInt64, stream: Int) {
        self.init(seed: seed ^ (UInt64(stream + 1) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// A uniform index in 0..<count (count ≥ 1), from 53 random bits (bias below 2⁻⁴⁰ for the
    /// pool sizes here; used instead of `Int.random(in:using:)`, whose algorithm the standard
    /// library does not promise to keep).
    mutating func index(below count: Int) -> Int {
        min(Int(uniform() * Double(count)), count - 1)
    }
}
