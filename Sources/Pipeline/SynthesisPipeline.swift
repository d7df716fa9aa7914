import Forecasting
import Foundation
import RatingsData
import Reports

/// The `synth` command as a library value: a synthetic panel with known truth, written as a
/// panel CSV (and, for the episodic generator, its events file beside it).
public struct SynthesisPipeline {
    /// Which story generates the panel.
    public enum Generator: String, CaseIterable, Sendable {
        /// The engine's own trajectory model (recovery tests).
        case linear
        /// Reform that comes and goes after leadership turnovers and backlashes: a story the model does not assume.
        case episodic
    }

    /// The generator.
    public let generator: Generator
    /// How many districts.
    public let districts: Int
    /// The snapshot years.
    public let years: ClosedRange<Int>
    /// The random seed.
    public let seed: UInt64
    /// The framework the ratings follow.
    public let framework: Framework
    /// The panel CSV to write.
    public let out: String

    /// Checks that neither output overwrites the framework file, then loads the framework.
    public init(
        generator: Generator, districts: Int, years: ClosedRange<Int>, seed: UInt64, framework path: String,
        out: String
    ) throws(Diagnostic) {
        try InputPath.refuseOverwriting([path], output: out, isFolder: false)
        (self.generator, self.districts, self.years, self.seed, self.out) = (generator, districts, years, seed, out)
        let events = Self.eventsPath(beside: out)
        if generator == .episodic { try InputPath.refuseOverwriting([path], output: events, isFolder: false) }
        framework = try Framework.load(contentsOf: path)
    }

    /// The events file written beside a panel at `panel` (where a scenario naming the panel finds it).
    public static func eventsPath(beside panel: String) -> String {
        let directory = (panel as NSString).deletingLastPathComponent
        return directory.isEmpty
            ? DefaultPaths.eventsFileName : (directory as NSString).appendingPathComponent(DefaultPaths.eventsFileName)
    }

    /// Generates and writes the panel; returns the line to show the user.
    public func run() throws(Diagnostic) -> String {
        let directory = (out as NSString).deletingLastPathComponent
        let folder = OutputDirectory(directory.isEmpty ? "." : directory)
        let name = (out as NSString).lastPathComponent
        let shape =
            "\(districts) districts × \(framework.elements.count) elements × \(years.count) years (seed \(seed))"
        switch generator {
        case .linear:
            let synthetic = SyntheticPanel.generate(
                framework: framework, districts: districts, years: years, seed: seed)
            try folder.write([(name, synthetic.csv.text)])
            return "Wrote \(out): \(shape)"
        case .episodic:
            let synthetic = EpisodicPanel.generate(framework: framework, districts: districts, years: years, seed: seed)
            try folder.write([(name, synthetic.csv.text), (DefaultPaths.eventsFileName, synthetic.eventsCSV.text)])
            let turnovers = synthetic.events.filter { $0.lever == "leadership-turnover" }.count
            return
                "Wrote \(out) and \(Self.eventsPath(beside: out)): \(shape), episodic; \(turnovers) leadership turnovers, "
                + "\(synthetic.events.count - turnovers) community backlashes"
        }
    }
}
