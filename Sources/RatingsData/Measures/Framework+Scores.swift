/// The paper's scoring rules (docs/domain.md §3), as functions of one snapshot's element scores.
extension Framework {
    /// Component score = mean of the component's rated elements (unrated ones, nil, are skipped).
    /// A component with no rated element scores NaN; the panel loader never lets one through.
    public func componentScores(_ elementScores: [Double?]) -> [Double] {
        elementsByComponent.map { members in
            var sum = 0.0
            var count = 0
            for e in members {
                if let s = elementScores[e] {
                    sum += s
                    count += 1
                }
            }
            return count == 0 ? .nan : sum / Double(count)
        }
    }

    /// District score = mean of the component scores (not the mean of all elements).
    public func districtScore(componentScores: [Double]) -> Double {
        componentScores.reduce(0, +) / Double(componentScores.count)
    }

    /// How many components are rated in progress or better (score ≥ the threshold).
    public func componentsInProgress(_ componentScores: [Double]) -> Int {
        componentScores.filter { $0 >= inProgressThreshold }.count
    }

    /// Whether these component scores make a district advanced under the framework's rule.
    public func isAdvanced(componentScores: [Double]) -> Bool {
        advancedRule.isAdvanced(componentsInProgress: componentsInProgress(componentScores), of: components.count)
    }

    /// Spread (Figure 4, footnote 3): the population variance Σ(X−μ)²/N of the rated element scores.
    public func spread(_ elementScores: [Double?]) -> Double {
        let present = elementScores.compactMap { $0 }
        guard !present.isEmpty else { return .nan }
        let mean = present.reduce(0, +) / Double(present.count)
        return present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count)
    }
}
