import Foundation
import RealModule
import Testing

@testable import Forecasting
@testable import Policy
@testable import RatingsData

@Suite struct DistributionTests {
    /// The elicited form honours its three values: P(size ≤ p10) = 0.1, P(≤ p50) = 0.5 and
    /// P(≤ p90) = 0.9 within 1e-6, for symmetric, right-skewed, left-skewed and one-sided answers.
    @Test(arguments: [(0.2, 0.5, 0.8), (0.1, 0.3, 1.0), (-0.6, 0.4, 0.5), (0.0, 0.0, 0.9)])
    func elicitedQuantilesAreTheThreeValues(values: (Double, Double, Double)) {
        let d = Distribution.elicited(p10: values.0, p50: values.1, p90: values.2)
        // p10 = p50 puts all the lower half's mass at p50: P(≤ p10) jumps there, so check just below.
        if values.0 < values.1 {
            #expect(d.cdf(values.0).isApproximatelyEqual(to: 0.1, absoluteTolerance: 1e-6), "\(d)")
        } else {
            #expect(d.cdf(values.0.nextDown) == 0 && d.cdf(values.0) >= 0.5, "\(d)")
        }
        #expect(d.cdf(values.1).isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-6), "\(d)")
        #expect(d.cdf(values.2).isApproximatelyEqual(to: 0.9, absoluteTolerance: 1e-6), "\(d)")
    }

    /// Draws follow it: 200,000 sizes' empirical 10th, 50th and 90th percentiles are within four
    /// standard errors of the stated values, and their mean within four of the closed-form mean
    /// p50 + (sd_upper − sd_lower)/√(2π) (here 0.3 + (0.7/z − 0.2/z)/√(2π) = 0.4556…).
    @Test func elicitedDrawsMatchTheStatedQuantilesAndMean() {
        let d = Distribution.elicited(p10: 0.1, p50: 0.3, p90: 1.0)
        var rng = SeededGenerator(seed: 5)
        let n = 200_000
        let draws = (0..<n).map { _ in d.sample(&rng) }.sorted()
        for (p, value) in [(0.1, 0.1), (0.5, 0.3), (0.9, 1.0)] {
            let empirical = draws[Int(Double(n) * p)]
            // SE of a sample quantile: √(p(1−p)/n) / f(q); the split normal's density at q.
            let sd = value < 0.3 ? 0.2 / Distribution.z90 : 0.7 / Distribution.z90
            let density = exp(-0.5 * pow((value - 0.3) / sd, 2)) / (sd * (2 * Double.pi).squareRoot())
            let se = (p * (1 - p) / Double(n)).squareRoot() / density
            #expect(
                empirical.isApproximatelyEqual(to: value, absoluteTolerance: 4 * se), "p\(Int(p * 100)): \(empirical)")
        }
        let mean = draws.reduce(0, +) / Double(n)
        let expected = 0.3 + (0.7 - 0.2) / Distribution.z90 / (2 * Double.pi).squareRoot()
        #expect(d.mean.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12))
        let spread = (draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
        #expect(mean.isApproximatelyEqual(to: expected, absoluteTolerance: 4 * spread / Double(n).squareRoot()))
    }

    /// Decoding: the three keys make an elicited size; out of order, mixed with other forms, or
    /// missing one, a located error that says what was expected.
    @Test func elicitedSizesDecodeWithLocatedErrors() throws {
        func decode(_ text: String) throws(Diagnostic) -> Distribution {
            try Distribution.decode(
                try JSONParser.parse(Array(text.utf8), file: "l.json"), file: "l.json", path: "size")
        }
        #expect(try decode(#"{"p10": 0.1, "p50": 0.3, "p90": 1}"#) == .elicited(p10: 0.1, p50: 0.3, p90: 1))
        for (text, words) in [
            (#"{"p10": 0.5, "p50": 0.3, "p90": 1}"#, ["out of order", "p10 ≤ p50 ≤ p90"]),
            (#"{"p10": 0.1, "p50": 0.3, "p90": 1, "sd": 2}"#, ["only \"p10\", \"p50\" and \"p90\""]),
            (#"{"p10": 0.1, "p90": 1}"#, ["p50"]),
        ] {
            do {
                _ = try decode(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.location.file == "l.json" && error.location.line == 1, "\(error)")
                for w in words { #expect(error.description.contains(w), "\(error)") }
            }
        }
    }

    /// An effect's source: read when given, "elicited" by default for a p10/p50/p90 size and
    /// "assumed" otherwise; an empty one is a located error. The shipped catalogue's effects are
    /// all assumed.
    @Test func effectSources() throws {
        func catalogue(_ effect: String) throws(Diagnostic) -> LeverCatalogue {
            let text = #"{"levers": [{"id": "x", "name": "X", "effects": [\#(effect)]}]}"#
            return try LeverCatalogue.decode(
                try JSONParser.parse(Array(text.utf8), file: "c.json"), file: "c.json", framework: Shipped.framework)
        }
        let elicited = try catalogue(
            #"{"id": "e", "kind": "slope", "targets": "all", "size": {"p10": 0, "p50": 0.05, "p90": 0.2}}"#)
        #expect(elicited.levers[0].effects[0].source == "elicited")
        let cited = try catalogue(
            #"{"id": "e", "kind": "slope", "targets": "all", "size": 0.1, "source": "estimated: calibrate, 2026-11-29"}"#
        )
        #expect(cited.levers[0].effects[0].source == "estimated: calibrate, 2026-11-29")
        #expect(throws: Diagnostic.self) {
            try catalogue(#"{"id": "e", "kind": "slope", "targets": "all", "size": 0.1, "source": " "}"#)
        }
        let shipped = try LeverCatalogue.load(
            contentsOf: Paths.repository + "/Scenarios/levers.json", framework: Shipped.framework)
        #expect(shipped.levers.flatMap(\.effects).allSatisfy { $0.source == "assumed" })
    }
}
