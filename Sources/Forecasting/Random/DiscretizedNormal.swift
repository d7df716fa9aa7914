import Foundation
import RatingsData

/// The standard normal as 65,536 equally likely points: the quantiles Φ⁻¹((i + ½)/65,536).
///
/// The projection draws one year-to-year noise term per element-year — 9 billion of them for
/// 13,000 districts × 1,000 draws × 20 years — and an exact normal (the ziggurat) costs about
/// 4 ns here, more than everything else in the step. A 16-bit index into this table costs a
/// quarter of one 64-bit random number and one load. What it gives up is measurable and small:
/// its CDF is within 1/65,536 of Φ everywhere (Kolmogorov distance 7.6e-6, far below what
/// any number of draws the engine runs can resolve), its variance is 0.99998 instead of 1,
/// and it never goes beyond ±4.32 sd (probability 1.5e-5 for a true normal), where a rating
/// clamped to the scale cannot tell the difference. Drift draws and lever effect sizes, one
/// per component or effect rather than per element-year, stay exact (`SeededGenerator.normal`).
struct DiscretizedNormal: @unchecked Sendable {
    static let bits = 16
    static let size = 1 << bits
    /// Single precision (relative error 6e-8): half the cache footprint of doubles, and the
    /// inner loop's table lookups are random. Immutable after creation and never freed, so a
    /// plain pointer for the inner loop.
    let values: UnsafePointer<Float>

    static let standard: DiscretizedNormal = {
        let table = UnsafeMutablePointer<Float>.allocate(capacity: size)
        for i in 0..<size { table[i] = Float(inverseNormalCDF((Double(i) + 0.5) / Double(size))) }
        return DiscretizedNormal(values: table)
    }()

    /// Points per 64-bit draw: its four 16-bit fields.
    static let pointsPerDraw = 64 / bits

    /// Four lanes' points from field `field` (0 ..< 4) of four 64-bit draws.
    @inline(__always)
    func points(_ draws: SIMD4<UInt64>, field: Int) -> SIMD4<Double> {
        let index = SIMD4<Int>(
            truncatingIfNeeded: (draws &>> UInt64(DiscretizedNormal.bits * field)) & UInt64(DiscretizedNormal.size - 1))
        return SIMD4(
            Double(values[index[0]]), Double(values[index[1]]), Double(values[index[2]]), Double(values[index[3]]))
    }
}

/// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error 1.2e-9) refined by
/// one Halley step on Φ(x) = ½·erfc(−x/√2), which brings it to full double precision.
func inverseNormalCDF(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "inverseNormalCDF needs 0 < p < 1, got \(p)")
    let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ]
    let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low {
        let q = (-2 * log(p)).squareRoot()
        x =
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - low {
        let q = p - 0.5
        let r = q * q
        x =
            (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
        let q = (-2 * log(1 - p)).squareRoot()
        x =
            -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
}
