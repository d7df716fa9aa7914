/// One row of a network-wide ranking (Figure 6 for components; the same for elements).
public struct RankedMean: Sendable, Equatable {
    /// Component or element id.
    public var id: String
    /// Display name (component short name or element text).
    public var name: String
    /// Mean over districts of the latest-snapshot score.
    public var networkMean: Double
    /// 1 = highest mean; ties share the better rank.
    public var rank: Int

    /// Rank `items` by descending mean (ties share the better rank), keeping their given order among equals.
    static func rank(_ items: [(id: String, name: String, mean: Double)]) -> [RankedMean] {
        // An element nobody rated has a NaN mean: it ranks last.
        func key(_ i: Int) -> Double { items[i].mean.isNaN ? -.infinity : items[i].mean }
        let order = items.indices.sorted { key($0) > key($1) || (key($0) == key($1) && $0 < $1) }
        var out: [RankedMean] = []
        for (position, i) in order.enumerated() {
            let tied =
                out.last.map { $0.networkMean == items[i].mean || ($0.networkMean.isNaN && items[i].mean.isNaN) }
                ?? false
            out.append(
                RankedMean(
                    id: items[i].id, name: items[i].name, networkMean: items[i].mean,
                    rank: tied ? out.last!.rank : position + 1))
        }
        return out
    }
}
