import Foundation
import Testing
@testable import PortfolioKit

@Suite struct SupportTests {
    /// FIPS 180-4 example messages (digests as printed by coreutils `sha256sum`).
    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Ziggurat normals from the seeded generator: mean ≈ 0 and variance ≈ 1 over 200,000 draws
    /// (standard errors 0.0022 and 0.0032; tolerances are 5 of them).
    @Test func seededNormalsAreStandard() {
        var rng = SeededGenerator(seed: 42)
        let n = 200_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<n { let z = rng.normal(); sum += z; squares += z * z }
        let mean = sum / Double(n)
        #expect(abs(mean) < 0.011)
        #expect(abs(squares / Double(n) - mean * mean - 1) < 0.016)
    }

    /// The ziggurat's draws follow Φ: Kolmogorov–Smirnov distance over 200,000 draws against the
    /// closed-form CDF ½·erfc(−z/√2) below 1.63/√n (the 1% critical value), and the share beyond
    /// the base layer's edge (|z| > 3.654, where the tail sampler takes over) within 5 binomial
    /// standard errors of 2·Φ(−3.654) = 2.58e-4.
    @Test func zigguratNormalsFollowTheNormalCDF() {
        var rng = SeededGenerator(seed: 2024)
        let n = 200_000
        var z = (0..<n).map { _ in rng.normal() }
        z.sort()
        var distance = 0.0
        for (i, x) in z.enumerated() {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            distance = max(distance, abs(cdf - Double(i) / Double(n)), abs(cdf - Double(i + 1) / Double(n)))
        }
        #expect(distance < 1.63 / Double(n).squareRoot())
        let edge = 3.6541528853610088
        let p = erfc(edge / 2.0.squareRoot())
        let beyond = Double(z.filter { abs($0) > edge }.count) / Double(n)
        #expect(abs(beyond - p) < 5 * (p * (1 - p) / Double(n)).squareRoot())
    }

    @Test func sameSeedSameStream() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9), c = SeededGenerator(seed: 10)
        let x = (0..<5).map { _ in a.next() }
        #expect(x == (0..<5).map { _ in b.next() })
        #expect(x != (0..<5).map { _ in c.next() })
    }
}
