import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

extension Simulate {
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reproduce the paper's measures and figures (1, 3, 4, 5, 6) from a panel.",
            discussion: """
                Prints the analyses as tables and writes describe.csv, components.csv and
                elements.csv to the output directory (each file written atomically).
                """
        )

        @OptionGroup var input: DataOptions

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "Results/describe"

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Quadrant cut-off: strong when the district score is at least this. Default: the framework's, else the median.",
                valueName: "score"))
        var strongCutoff: Double?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Quadrant cut-off: piecemeal when the spread is above this. Default: the framework's, else the median.",
                valueName: "variance"))
        var spreadCutoff: Double?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Spread on the latest snapshot or on over-time element means.", valueName: "latest|over-time"))
        var spreadBasis: SpreadBasis = .latest

        func validate() throws {
            if (strongCutoff == nil) != (spreadCutoff == nil) {
                throw ValidationError("give both --strong-cutoff and --spread-cutoff, or neither")
            }
            for value in [strongCutoff, spreadCutoff].compactMap({ $0 }) where !value.isFinite {
                throw ValidationError("cut-offs must be finite numbers")
            }
        }

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                try InputPath.refuseOverwriting(input.inputs, output: out, isFolder: true)
                let panel = try input.load()
                let cutoffs = strongCutoff.map { QuadrantCutoffs(strongAtLeast: $0, piecemealAbove: spreadCutoff!) }
                let description = PanelDescription(panel, cutoffs: cutoffs, spreadBasis: spreadBasis)
                let caveat = input.usesShippedPanel ? DataCaveat.shippedPanel : nil
                try OutputDirectory(out).replace(
                    with: DescribeReport.files(description)
                        + RunCharts.files(RunCharts.panel(description, framework: panel.framework, caveat: caveat)))
                Console.out(input.banner(panel) + "\n\n")
                Console.out(DescribeText.render(description, framework: panel.framework))
                Console.out(
                    "\nWrote \(out)/describe.csv, components.csv, elements.csv and charts/ (heatmap.svg, quadrants.svg, recent-progress.svg)"
                )
            }
        }
    }
}

extension SpreadBasis: ExpressibleByArgument {}
