import RatingsData

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
    var district: [Int]
    var element: [Int]
    var count: [Int]
    var meanYear: [Double]
    var meanScore: [Double]
    var sxy: [Double]
    var sxx: [Double]
    var syy: [Double]

    var seriesCount: Int { district.count }

    /// Districts are read in fixed chunks, in parallel; chunk c writes the series of its
    /// districts into its own region of the outputs, which are then closed up in order — so
    /// the result does not depend on the thread count.
    init(_ panel: Panel, threads: Int? = nil) {
        let elementCount = panel.framework.elements.count
        let capacity = panel.districts.count * elementCount
        let chunkCount = min(64, max(1, panel.districts.count / 64))
        let bounds = (0...chunkCount).map { $0 * panel.districts.count / chunkCount }
        district = [Int](repeating: 0, count: capacity)
        element = district
        count = district
        meanYear = [Double](repeating: 0, count: capacity)
        meanScore = meanYear
        sxy = meanYear
        sxx = meanYear
        syy = meanYear
        let written = readChunks(panel, bounds: bounds, threads: threads)
        // Close up the regions of chunks that had unrated series (none in a balanced panel).
        var end = 0
        for c in 0..<chunkCount {
            let start = bounds[c] * elementCount
            if start != end { move(written[c], from: start, to: end) }
            end += written[c]
        }
        if end < capacity {
            for keyPath in [\SeriesStatistics.district, \.element, \.count] {
                self[keyPath: keyPath].removeLast(capacity - end)
            }
            for keyPath in [\SeriesStatistics.meanYear, \.meanScore, \.sxy, \.sxx, \.syy] {
                self[keyPath: keyPath].removeLast(capacity - end)
            }
        }
    }

    /// Reads the districts of chunk c (`bounds[c] ..< bounds[c + 1]`) into the region from
    /// `bounds[c] · elements` on, chunks in parallel; returns how many series each chunk wrote.
    private mutating func readChunks(_ panel: Panel, bounds: [Int], threads: Int?) -> [Int] {
        let elementCount = panel.framework.elements.count
        return district.withUnsafeMutableBufferPointer { district in
            element.withUnsafeMutableBufferPointer { element in
                count.withUnsafeMutableBufferPointer { count in
                    meanYear.withUnsafeMutableBufferPointer { meanYear in
                        meanScore.withUnsafeMutableBufferPointer { meanScore in
                            sxy.withUnsafeMutableBufferPointer { sxy in
                                sxx.withUnsafeMutableBufferPointer { sxx in
                                    syy.withUnsafeMutableBufferPointer { syy in
                                        let out = Output(
                                            district: district.baseAddress!, element: element.baseAddress!,
                                            count: count.baseAddress!,
                                            meanYear: meanYear.baseAddress!, meanScore: meanScore.baseAddress!,
                                            sxy: sxy.baseAddress!, sxx: sxx.baseAddress!, syy: syy.baseAddress!)
                                        return Parallel.map(bounds.count - 1, threads: threads) { c in
                                            SeriesStatistics.read(
                                                panel, districts: bounds[c]..<bounds[c + 1], into: out,
                                                at: bounds[c] * elementCount)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Moves `n` series from index `start` down to index `end`.
    private mutating func move(_ n: Int, from start: Int, to end: Int) {
        for i in 0..<n {
            district[end + i] = district[start + i]
            element[end + i] = element[start + i]
            count[end + i] = count[start + i]
            meanYear[end + i] = meanYear[start + i]
            meanScore[end + i] = meanScore[start + i]
            sxy[end + i] = sxy[start + i]
            sxx[end + i] = sxx[start + i]
            syy[end + i] = syy[start + i]
        }
    }

    /// Where a chunk writes (disjoint regions of the output arrays).
    private struct Output: @unchecked Sendable {
        let district: UnsafeMutablePointer<Int>, element: UnsafeMutablePointer<Int>, count: UnsafeMutablePointer<Int>
        let meanYear: UnsafeMutablePointer<Double>, meanScore: UnsafeMutablePointer<Double>
        let sxy: UnsafeMutablePointer<Double>, sxx: UnsafeMutablePointer<Double>, syy: UnsafeMutablePointer<Double>
    }

    /// The series of `districts`, written from index `first` on; returns how many.
    private static func read(_ panel: Panel, districts: Range<Int>, into out: Output, at first: Int) -> Int {
        let elementCount = panel.framework.elements.count
        var series = first
        let longest = districts.map { panel.snapshotRanges[$0].count }.max() ?? 0
        // block[e · snapshots + i]: rating of element e in snapshot i, or NaN when not rated.
        let block = UnsafeMutablePointer<Double>.allocate(capacity: max(1, longest * elementCount))
        let years = UnsafeMutablePointer<Double>.allocate(capacity: max(1, longest))
        defer {
            block.deallocate()
            years.deallocate()
        }
        for d in districts {
            let snaps = panel.snapshots(ofDistrict: d)
            let n = snaps.count
            for (i, snap) in snaps.enumerated() {
                years[i] = Double(snap.year)
                snap.scores.withUnsafeBufferPointer { scores in
                    for e in 0..<elementCount { block[e * n + i] = scores[e] ?? .nan }
                }
            }
            for e in 0..<elementCount {
                let row = block + e * n
                var observed = 0
                var sumT = 0.0
                var sumY = 0.0
                for i in 0..<n where !row[i].isNaN {
                    observed += 1
                    sumT += years[i]
                    sumY += row[i]
                }
                guard observed > 0 else { continue }
                let tbar = sumT / Double(observed)
                let ybar = sumY / Double(observed)
                var ctx = 0.0
                var ctt = 0.0
                var cyy = 0.0
                for i in 0..<n where !row[i].isNaN {
                    let dt = years[i] - tbar
                    let dy = row[i] - ybar
                    ctx += dt * row[i]
                    ctt += dt * dt
                    cyy += dy * dy
                }
                out.district[series] = d
                out.element[series] = e
                out.count[series] = observed
                out.meanYear[series] = tbar
                out.meanScore[series] = ybar
                out.sxy[series] = ctx
                out.sxx[series] = ctt
                out.syy[series] = cyy
                series += 1
            }
        }
        return series - first
    }
}
