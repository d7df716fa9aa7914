import ArgumentParser
import Forecasting
import Policy
import RatingsData
import Reports

extension Simulate {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the pooled trajectory model and write fit.csv.",
            discussion: """
                Every (district, element) series gets a level and a slope; slopes pool a
                component effect, a district momentum and a shrunken district×component
                deviation, with variances estimated by REML. Writes fit.csv
                (district,element,level,slope,slope_sd): level is the fitted score at the
                district's latest observed year, clamped to the scale; slope in score points per year.
                """
        )

        @OptionGroup var input: DataOptions

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String = "Results/fit"

        func run() throws {
            try Console.reportingDiagnostics { () throws(Diagnostic) in
                try InputPath.refuseOverwriting(input.inputs, output: out, isFolder: true)
                let panel = try input.load()
                let fit: TrajectoryFit
                do throws(TrajectoryModel.FitError) {
                    fit = try TrajectoryModel.fit(panel)
                } catch {
                    throw Diagnostic.error(at: SourceLocation(file: input.data), error.description)
                }
                try OutputDirectory(out).replace(with: [("fit.csv", FitReport.table(fit, panel: panel).text)])
                Console.out(input.banner(panel) + "\n\n")
                Console.out(FitReport.summary(fit, panel: panel))
                Console.out("\nWrote \(out)/fit.csv")
            }
        }
    }
}
