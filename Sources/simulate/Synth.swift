import ArgumentParser
import Forecasting
import Foundation
import Pipeline
import Policy
import RatingsData
import Reports

extension Simulate {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic panel drawn from known parameters.",
            discussion: """
                Every district is rated on every element every year, on the framework's scale.

                --generator linear (the default) draws from the engine's own trajectory model (a \
                level per series; slope = component effect + district momentum + deviation; \
                noise), for testing the fit and for benchmarks.

                --generator episodic draws a story the model does not assume (leadership \
                turnovers that stall progress and then reset its pace, community backlashes, \
                slower progress near the top of the scale, sticky ratings) and writes the events \
                it drew to events.csv beside the panel, for honest validation of forecasts.
                """
        )

        /// Which story the panel is drawn from.
        typealias Generator = SynthesisPipeline.Generator

        @Option(
            name: .long,
            help: """
                linear (the engine's trajectory model) or episodic (turnovers, stalls, backlashes; \
                writes events.csv too).
                """)
        var generator: Generator = .linear

        @Option(name: .long, parsing: .unconditional, help: "Number of districts.")
        var districts: Int = 25

        @Option(name: .long, help: ArgumentHelp("First and last year, e.g. 2010-2019.", valueName: "A-B"))
        var years: String = "2013-2016"

        @Option(name: .long, parsing: .unconditional, help: "Random seed (same seed, same panel).")
        var seed: UInt64 = 1

        @Option(name: .long, help: ArgumentHelp("Framework JSON.", valueName: "json"))
        var framework: String = DefaultPaths.framework

        @Option(name: .long, help: ArgumentHelp("Output CSV file.", valueName: "file"))
        var out: String = "Results/synth/panel.csv"

        var yearRange: ClosedRange<Int>? {
            let parts = years.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b,
                PanelLoader.plausibleYears.contains(a), PanelLoader.plausibleYears.contains(b)
            else { return nil }
            return a...b
        }

        func validate() throws {
            guard districts >= 1, districts <= 1_000_000 else {
                throw ValidationError("--districts must be between 1 and 1,000,000 (got \(districts))")
            }
            if generator == .episodic && (out as NSString).lastPathComponent == Self.eventsFile {
                throw ValidationError(
                    "--out must not be named \(Self.eventsFile) with --generator episodic: the events file goes beside it"
                )
            }
            guard let range = yearRange else {
                throw ValidationError("--years must be two years A-B with A ≤ B, e.g. 2010-2019 (got \"\(years)\")")
            }
            guard districts * range.count <= 5_000_000 else {
                throw ValidationError(
                    "--districts × years is \(districts * range.count) snapshots; the limit is 5,000,000 (about 180 million ratings)"
                )
            }
            guard Double(seed) < 1e15 else {
                throw ValidationError("--seed must be at most 999999999999999, as in a scenario file (got \(seed))")
            }
            guard !out.hasSuffix("/") else {
                throw ValidationError(
                    "--out is the panel file to write, e.g. Results/synth/panel.csv (got the folder \"\(out)\")")
            }
        }

        /// The episodic generator's events file, written in the panel's folder (where a scenario
        /// naming the panel finds it).
        static let eventsFile = DefaultPaths.eventsFileName

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let pipeline = try SynthesisPipeline(
                    generator: generator, districts: districts, years: yearRange!, seed: seed, framework: framework,
                    out: out)
                Console.out(try pipeline.run())
            }
        }
    }
}

extension SynthesisPipeline.Generator: ExpressibleByArgument {}
