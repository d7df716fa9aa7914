import Foundation

/// The maximiser of a unimodal `f` on [lower, upper] by Brent's method: golden-section steps
/// with parabolic interpolation where the function allows (Brent 1973, ch. 5; the classic
/// `fmin`), to a relative tolerance of 1e-10 in x. Typically 15–25 evaluations where plain
/// golden section needs about 50; the REML evaluation is the fit's dominant cost.
///
/// Length: longer than 60 lines on purpose — it is Brent's (1973) textbook routine step for step
/// (the names follow Brent's a, b, v, w, x, d, e), which is what makes it checkable against the
/// book; split into helpers it would no longer read against the original.
func brentMaximum<E: Error>(
    lower: Double, upper: Double, tolerance: Double = 1e-10,
    _ f: (Double) throws(E) -> Double
) throws(E) -> Double {
    let golden = (3 - 5.0.squareRoot()) / 2
    var a = lower
    var b = upper
    var x = a + golden * (b - a)
    var w = x
    var v = x
    var fx = -(try f(x))
    var fw = fx
    var fv = fx
    var d = 0.0
    var e = 0.0
    for _ in 0..<500 {
        let m = (a + b) / 2
        let tol1 = tolerance * abs(x) + 1e-12
        let tol2 = 2 * tol1
        if abs(x - m) <= tol2 - (b - a) / 2 { break }
        var parabolic = false
        if abs(e) > tol1 {
            let r = (x - w) * (fx - fv)
            var q = (x - v) * (fx - fw)
            var p = (x - v) * q - (x - w) * r
            q = 2 * (q - r)
            if q > 0 { p = -p } else { q = -q }
            let previous = e
            e = d
            if abs(p) < abs(q * previous / 2), p > q * (a - x), p < q * (b - x) {
                d = p / q
                let u = x + d
                if u - a < tol2 || b - u < tol2 { d = m >= x ? tol1 : -tol1 }
                parabolic = true
            }
        }
        if !parabolic {
            e = (x >= m ? a : b) - x
            d = golden * e
        }
        let u = abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1)
        let fu = -(try f(u))
        if fu <= fx {
            if u >= x { a = x } else { b = x }
            v = w
            fv = fw
            w = x
            fw = fx
            x = u
            fx = fu
        } else {
            if u < x { a = u } else { b = u }
            if fu <= fw || w == x {
                v = w
                fv = fw
                w = u
                fw = fu
            } else if fu <= fv || v == x || v == w {
                v = u
                fv = fu
            }
        }
    }
    return x
}
