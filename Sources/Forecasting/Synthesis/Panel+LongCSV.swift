import RatingsData

extension Panel {
    /// The panel as long-format CSV (`district,year,element,score`), the layout `PanelLoader`
    /// reads: one row per rated element, in snapshot order (district, then year), unrated
    /// elements left out. Whole scores print as integers ("3"), others with 6 decimals, so a
    /// rounded synthetic panel loads back exactly.
    public var longCSV: CSVTable {
        var t = CSVTable(header: PanelLoader.header)
        for s in snapshots {
            for (e, score) in s.scores.enumerated() {
                guard let score else { continue }
                let text = score == score.rounded() ? String(Int(score)) : CSVTable.number(score, decimals: 6)
                t.append([districts[s.districtIndex].name, String(s.year), framework.elements[e].id, text])
            }
        }
        return t
    }
}
