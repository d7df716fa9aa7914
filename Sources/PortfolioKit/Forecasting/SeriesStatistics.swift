/// Per-series sufficient statistics of a panel, in (district, element) order.
///
/// A series is one (district, element) pair. For series s with observed years
/// tₛ (mean t̄ₛ), the model needs only: nₛ, ȳₛ, Sxyₛ = Σ(t − t̄ₛ)y, Sxxₛ = Σ(t − t̄ₛ)²,
/// and Syyₛ = Σ(y − ȳₛ)².
///
/// One pass over the ratings, district by district: a district's ratings are copied into a
/// small dense block (snapshots × elements) and each series' centred sums are taken from it
/// in two passes (mean first), which keeps them exact where raw sums of years² would cancel.
/// This step is memory-bound — each rating is read once — so it is plain loops; the model's
/// linear algebra (the GLS normal equations) goes through BLAS/LAPACK in `CellProblem`.
struct SeriesStatistics {
    var district: [Int] = []
    var element: [Int] = []
    var count: [Int] = []
    var meanYear: [Double] = []
    var meanScore: [Double] = []
    var sxy: [Double] = []
    var sxx: [Double] = []
    var syy: [Double] = []

    var seriesCount: Int { district.count }

    init(_ panel: Panel) {
        let elementCount = panel.framework.elements.count
        let capacity = panel.districts.count * elementCount
        district.reserveCapacity(capacity); element.reserveCapacity(capacity); count.reserveCapacity(capacity)
        meanYear.reserveCapacity(capacity); meanScore.reserveCapacity(capacity)
        sxy.reserveCapacity(capacity); sxx.reserveCapacity(capacity); syy.reserveCapacity(capacity)
        var block: [Double] = []     // block[e · snapshots + i]: rating of element e in snapshot i
        var present: [Bool] = []
        for d in panel.districts.indices {
            let snaps = panel.snapshots(ofDistrict: d)
            let n = snaps.count
            if block.count < n * elementCount {
                block = [Double](repeating: 0, count: n * elementCount)
                present = [Bool](repeating: false, count: n * elementCount)
            }
            let years = snaps.map { Double($0.year) }
            for (i, snap) in snaps.enumerated() {
                snap.scores.withUnsafeBufferPointer { scores in
                    for e in 0..<elementCount {
                        if let v = scores[e] { block[e * n + i] = v; present[e * n + i] = true } else { present[e * n + i] = false }
                    }
                }
            }
            for e in 0..<elementCount {
                var observed = 0, sumT = 0.0, sumY = 0.0
                for i in 0..<n where present[e * n + i] { observed += 1; sumT += years[i]; sumY += block[e * n + i] }
                guard observed > 0 else { continue }
                let tbar = sumT / Double(observed), ybar = sumY / Double(observed)
                var ctx = 0.0, ctt = 0.0, cyy = 0.0
                for i in 0..<n where present[e * n + i] {
                    let dt = years[i] - tbar, dy = block[e * n + i] - ybar
                    ctx += dt * block[e * n + i]; ctt += dt * dt; cyy += dy * dy
                }
                district.append(d); element.append(e); count.append(observed)
                meanYear.append(tbar); meanScore.append(ybar)
                sxy.append(ctx); sxx.append(ctt); syy.append(cyy)
            }
        }
    }
}
