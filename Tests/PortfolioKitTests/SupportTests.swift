import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData
@testable import Reports

@Suite struct SupportTests {
    /// FIPS 180-4 example messages (digests as printed by coreutils `sha256sum`).
    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Ziggurat normals from the seeded generator: mean ≈ 0 and variance ≈ 1 over 200,000 draws
    /// (standard errors 0.0022 and 0.0032; tolerances are 5 of them).
    @Test func seededNormalsAreStandard() {
        var rng = SeededGenerator(seed: 42)
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<n {
            let z = rng.normal()
            sum += z
            squares += z * z
        }
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
        #expect(beyond.isApproximatelyEqual(to: p, absoluteTolerance: 5 * (p * (1 - p) / Double(n)).squareRoot()))
    }

    /// Four lanes give exactly the four scalar streams, rejections and tail draws included
    /// (400,000 normals per lane cross the ziggurat's slow path thousands of times).
    @Test func fourLanesEqualFourScalarStreams() {
        let seeds: SIMD4<UInt64> = [3, 1_000_003, 0xDEAD_BEEF, 42]
        var lanes = SeededGenerator4(seeds: seeds)
        var scalars = (0..<4).map { SeededGenerator(seed: seeds[$0]) }
        let table = ZigguratTable.normal
        var mismatches = 0
        for _ in 0..<400_000 {
            let z = lanes.normal(table)
            for i in 0..<4 where z[i] != scalars[i].normal() { mismatches += 1 }
        }
        let bits = lanes.next()
        for i in 0..<4 where bits[i] != scalars[i].next() { mismatches += 1 }
        #expect(mismatches == 0)
    }

    /// Φ⁻¹ against published values (Abramowitz & Stegun table 26.5 / R's qnorm) and the
    /// noise table against its definition: Φ(qᵢ) = (i + ½)/65,536 through the closed form
    /// Φ(x) = ½·erfc(−x/√2), symmetric, variance and support as documented.
    @Test func discretisedNormalMatchesItsDefinition() {
        #expect(abs(inverseNormalCDF(0.975) - 1.959963984540054) < 1e-13)
        #expect(abs(inverseNormalCDF(0.5)) < 1e-15)
        #expect(abs(inverseNormalCDF(1e-10) + 6.361340902404056) < 1e-10)
        #expect(abs(inverseNormalCDF(0.001) + 3.090232306167814) < 1e-12)
        let n = DiscretizedNormal.size
        let q = DiscretizedNormal.standard.values
        var worst = 0.0
        var squares = 0.0
        for i in 0..<n {
            worst = max(worst, abs(0.5 * erfc(-Double(q[i]) / 2.0.squareRoot()) - (Double(i) + 0.5) / Double(n)))
            squares += Double(q[i]) * Double(q[i])
            #expect(q[i] == -q[n - 1 - i])
        }
        // Single-precision storage moves qᵢ by at most 2⁻²⁴|qᵢ|, so Φ(qᵢ) by at most
        // max φ(x)|x| · 2⁻²⁴ = φ(1) · 5.96e-8 = 1.44e-8.
        #expect(worst < 1.5e-8)
        #expect(abs(squares / Double(n) - 0.99998) < 1e-5)
        #expect(abs(Double(q[n - 1]) - 4.3249) < 1e-4)
    }

    /// The binned percentiles equal the sort-based definition exactly (type 7), on samples with
    /// ties, values on the bounds, a constant sample, a few distinct values (read off single-valued bins), distinct
    /// values sharing a bin (sorted), and lengths that are not multiples of four.
    @Test func binnedPercentilesEqualSortedPercentiles() {
        var rng = SeededGenerator(seed: 77)
        for n in [64, 65, 101, 1_000, 10_007] {
            for shape in 0..<5 {
                let values: [Double] = (0..<n).map { _ in
                    switch shape {
                    case 0: return 1 + 4 * rng.uniform()
                    case 1: return min(5, max(1, 3 + 0.2 * rng.normal()))
                    case 2: return [1.0, 2.5, 2.5, 5.0][Int(rng.next() % 4)]
                    case 3: return 2.2  // one value: the mean is still the sum over n
                    // Distinct values sharing a bin beside bins holding one value each.
                    default: return [1.0, 2.5, 2.5 + 1e-9, 2.5 + 2e-9, 3.0, 5.0][Int(rng.next() % 6)]
                    }
                }
                var workspace = QuantileWorkspace(sampleSize: n)
                let binned = values.withUnsafeBufferPointer { QuantileSummary.binned($0, workspace: &workspace) }
                let sorted = QuantileSummary(values)
                #expect(
                    binned.p10 == sorted.p10 && binned.p50 == sorted.p50 && binned.p90 == sorted.p90,
                    "n \(n) shape \(shape)")
                #expect(binned.mean.isApproximatelyEqual(to: sorted.mean, absoluteTolerance: 1e-12))
            }
        }
    }

    @Test func sameSeedSameStream() {
        var a = SeededGenerator(seed: 9)
        var b = SeededGenerator(seed: 9)
        var c = SeededGenerator(seed: 10)
        let x = (0..<5).map { _ in a.next() }
        #expect(x == (0..<5).map { _ in b.next() })
        #expect(x != (0..<5).map { _ in c.next() })
    }
}
