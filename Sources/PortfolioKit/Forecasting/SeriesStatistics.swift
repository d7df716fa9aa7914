import LinearAlgebra

/// Per-series sufficient statistics of a panel, computed with one GEMM per
/// group of series that share the same observed years (they share one design).
///
/// A series is one (district, element) pair. For series s with observed years
/// tₛ (mean t̄ₛ), the model needs only: nₛ, ȳₛ, Sxyₛ = Σ(t − t̄ₛ)y, Sxxₛ = Σ(t − t̄ₛ)²,
/// and Syyₛ = Σ(y − ȳₛ)².
struct SeriesStatistics {
    var district: [Int]
    var element: [Int]
    var count: [Int]
    var meanYear: [Double]
    var meanScore: [Double]
    var sxy: [Double]
    var sxx: [Double]
    var syy: [Double]

    var seriesCount: Int { district.count }

    init(_ panel: Panel) throws(LinearAlgebraError) {
        district = []; element = []; count = []; meanYear = []; meanScore = []; sxy = []; sxx = []; syy = []
        let elementCount = panel.framework.elements.count
        // Group (district, element) series by their set of observed years.
        var groups: [[Int]: [(d: Int, e: Int)]] = [:]
        var groupOrder: [[Int]] = []
        for d in panel.districts.indices {
            let snaps = panel.snapshots(ofDistrict: d)
            for e in 0..<elementCount {
                let years = snaps.filter { $0.scores[e] != nil }.map(\.year)
                if years.isEmpty { continue }
                if groups[years] == nil { groupOrder.append(years) }
                groups[years, default: []].append((d, e))
            }
        }
        for years in groupOrder {
            let members = groups[years]!
            let n = years.count
            let tbar = Double(years.reduce(0, +)) / Double(n)
            // Design Z = [1, t − t̄] (n × 2) and scores Y (n × series), column-major.
            var z = Matrix(rows: n, columns: 2)
            for (i, y) in years.enumerated() { z[i, 0] = 1; z[i, 1] = Double(y) - tbar }
            var yMatrix = Matrix(rows: n, columns: members.count)
            var sumSquares = [Double](repeating: 0, count: members.count)
            for (j, m) in members.enumerated() {
                let snaps = panel.snapshots(ofDistrict: m.d)
                var i = 0
                for snap in snaps {
                    if let v = snap.scores[m.e] { yMatrix[i, j] = v; sumSquares[j] += v * v; i += 1 }
                }
            }
            let zty = try Matrix.product(z, transposeA: true, yMatrix)  // 2 × series
            let sxxGroup = years.reduce(0.0) { $0 + (Double($1) - tbar) * (Double($1) - tbar) }
            for (j, m) in members.enumerated() {
                let mean = zty[0, j] / Double(n)
                district.append(m.d); element.append(m.e); count.append(n)
                meanYear.append(tbar); meanScore.append(mean)
                sxy.append(zty[1, j]); sxx.append(sxxGroup)
                syy.append(max(0, sumSquares[j] - Double(n) * mean * mean))
            }
        }
    }
}
