import Forecasting
import LinearAlgebra
import RatingsData

extension LeverCalibration {
    /// What `LeverCalibration.run` and `EventStudy.run` share: the first-difference regression on
    /// some lever columns, which of them are identified, the least-squares fit, and the wild
    /// cluster bootstrap over the identified lever columns.
    struct FittedRegression {
        let columns: [Column]
        let regression: Regression
        /// Per lever column, the districts whose rows carry it and how many rows do.
        let carried: (districts: [Set<Int>], steps: [Int])
        /// The fit's columns (indices into the regression's), and each lever column's status.
        let kept: [Int]
        let status: [Estimate.Status]
        let fit: (beta: [Double], standardErrors: [Double], design: Matrix, inverse: Matrix)
        /// Fit positions of the identified lever columns, in column order (the bootstrap's order).
        let positions: [Int]
        let bootstrap: WildClusterBootstrap

        /// Fits `columns` on `panel` and `events`; `functionals` (given the regression and the kept
        /// columns) are functions of the coefficients whose replicate values the bootstrap keeps.
        /// - Throws: an error on the events file when the drifts are not identified or the fit fails.
        init(
            panel: Panel, events: EventTable, columns: [Column],
            functionals: (Regression, [Int]) -> [([Double]) -> Double] = { _, _ in [] }
        ) throws(Diagnostic) {
            self.columns = columns
            regression = Regression(panel: panel, events: events, columns: columns)
            carried = regression.carriers()
            (kept, status) = try regression.identify(carriers: carried.districts, carriedSteps: carried.steps)
            fit = try regression.fit(kept)
            let fixedCount = regression.fixedCount
            positions = columns.indices.compactMap { [kept] c in kept.firstIndex(of: fixedCount + c) }
            do {
                bootstrap = try WildClusterBootstrap(
                    regression, kept: kept, beta: fit.beta, standardErrors: fit.standardErrors, positions: positions,
                    functionals: functionals(regression, kept), design: fit.design, inverse: fit.inverse)
            } catch {
                throw .error(at: SourceLocation(file: events.file), "\(error)")
            }
        }

        /// The fit position of lever column `c`, nil when it is not identified.
        func position(ofColumn c: Int) -> Int? { kept.firstIndex(of: regression.fixedCount + c) }

        /// Lever column `c`'s bootstrap interval of coverage `level`, nil when not identified.
        func interval(ofColumn c: Int, level: Double) -> ClosedRange<Double>? {
            guard let position = position(ofColumn: c), let j = positions.firstIndex(of: position) else { return nil }
            return bootstrap.interval(
                j, estimate: fit.beta[position], standardError: fit.standardErrors[position], level: level)
        }
    }
}
