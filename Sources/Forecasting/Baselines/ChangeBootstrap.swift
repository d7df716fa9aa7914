import RatingsData

/// The probabilistic band of the last-value baselines: a block bootstrap of the training
/// panel's own observed element changes, whole districts at a time.
///
/// A **source** is a (district, start year s) of the training panel with snapshots in s and
/// s + 1. Its **block** holds the district's observed cumulative changes from s, one element
/// vector per step h = 1…reach, where s + 1, …, s + reach are the consecutive years the district
/// has snapshots for after s. Each draw resamples one source (uniformly) and, for step h:
/// - h ≤ reach: takes that district's observed h-year change of every element (so elements move
///   together, as they did in one real district over the same years);
/// - h > reach (the training span, or this source's history, is too short): the source's full
///   block plus h − reach further 1-year change vectors, each from a freshly resampled source
///   (still whole districts), accumulated so the path stays coherent from one year to the next.
///
/// An element not rated at both ends of a source's step takes the mean change of the same
/// component's elements that are (0 when none is). With no source at all (no district rated in
/// two consecutive years) every change is 0: the band collapses to the point forecast.
/// Changes are in score points; the models add them to a rating and move the sum to its
/// nearest scale level.
struct ChangeBootstrap: Sendable {
    let elementCount: Int
    /// `blocks[source][h − 1][element]`: the source's observed change over h years.
    let blocks: [[[Double]]]

    init(training panel: Panel) {
        let fw = panel.framework
        elementCount = fw.elements.count
        var blocks: [[[Double]]] = []
        for d in panel.districts.indices {
            let snaps = Array(panel.snapshots(ofDistrict: d))
            for (i, start) in snaps.enumerated() {
                var block: [[Double]] = []
                var j = i + 1
                while j < snaps.count, snaps[j].year == start.year + (j - i) {
                    block.append(ChangeBootstrap.change(from: start.scores, to: snaps[j].scores, framework: fw))
                    j += 1
                }
                if !block.isEmpty { blocks.append(block) }
            }
        }
        self.blocks = blocks
    }

    /// One element's change vector between two snapshots, with the component-mean fallback for
    /// elements not rated in both.
    static func change(from a: [Double?], to b: [Double?], framework fw: Framework) -> [Double] {
        var out = [Double](repeating: 0, count: fw.elements.count)
        for members in fw.elementsByComponent {
            var sum = 0.0
            var count = 0
            for e in members {
                if let x = a[e], let y = b[e] {
                    out[e] = y - x
                    sum += y - x
                    count += 1
                }
            }
            let fallback = count > 0 ? sum / Double(count) : 0
            for e in members where a[e] == nil || b[e] == nil { out[e] = fallback }
        }
        return out
    }

    /// One draw's cumulative change vectors for steps 1…`steps` (`result[h − 1][element]`).
    func draw(steps: Int, using generator: inout SeededGenerator) -> [[Double]] {
        guard steps > 0 else { return [] }
        guard !blocks.isEmpty else { return Array(repeating: Array(repeating: 0, count: elementCount), count: steps) }
        let source = blocks[generator.index(below: blocks.count)]
        var out = Array(source.prefix(steps))
        while out.count < steps {
            let step = blocks[generator.index(below: blocks.count)][0]
            out.append(zip(out[out.count - 1], step).map { $0 + $1 })
        }
        return out
    }
}
