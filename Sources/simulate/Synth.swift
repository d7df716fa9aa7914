import ArgumentParser
import Foundation
import PortfolioKit

extension Simulate {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic panel drawn from known trajectory-model parameters.",
            discussion: """
                Every district is rated on every element every year. Ratings follow the fitted model
                (a level per series; slope = component effect + district momentum + deviation; noise),
                rounded to the framework's scale. Useful for testing the fit and for benchmarks.
                """
        )

        @Option(name: .long, help: "Number of districts.")
        var districts: Int = 25

        @Option(name: .long, help: ArgumentHelp("First and last year, e.g. 2010-2019.", valueName: "A-B"))
        var years: String = "2013-2016"

        @Option(name: .long, help: "Random seed (same seed, same panel).")
        var seed: UInt64 = 1

        @Option(name: .long, help: ArgumentHelp("Framework JSON.", valueName: "json"))
        var framework: String = DataOptions.defaultFramework

        @Option(name: .long, help: ArgumentHelp("Output CSV file.", valueName: "file"))
        var out: String = "Results/synth/panel.csv"

        var yearRange: ClosedRange<Int>? {
            let parts = years.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b,
                  PanelLoader.plausibleYears.contains(a), PanelLoader.plausibleYears.contains(b) else { return nil }
            return a...b
        }

        func validate() throws {
            guard districts >= 1 else { throw ValidationError("--districts must be at least 1") }
            guard yearRange != nil else {
                throw ValidationError("--years must be two years A-B with A ≤ B, e.g. 2010-2019 (got \"\(years)\")")
            }
        }

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                let fw = try Framework.load(contentsOf: framework)
                let synthetic = SyntheticPanel.generate(framework: fw, districts: districts, years: yearRange!, seed: seed)
                let directory = (out as NSString).deletingLastPathComponent
                try OutputDirectory(directory.isEmpty ? "." : directory)
                    .write([((out as NSString).lastPathComponent, synthetic.csv.text)])
                Console.out("Wrote \(out): \(districts) districts × \(fw.elements.count) elements × \(yearRange!.count) years (seed \(seed))")
            }
        }
    }
}
