import Forecasting
import Foundation
import Policy
import RatingsData

/// `manifest.json`: which inputs (by SHA-256) and settings made which outputs. No clock time,
/// so the same inputs and command give the same bytes; written with `JSONEncoder` (sorted keys).
public struct RunManifest: Codable, Equatable, Sendable {
    /// A background event rate the run used, with where it came from.
    public struct Background: Codable, Equatable, Sendable {
        /// The lever id (catalogue key), e.g. `leadership-turnover`.
        public var lever: String
        /// Events per district-year, rounded to 6 decimals.
        public var ratePerDistrictYear: Double
        /// Where the rate came from (the events file's counts and interval, or the scenario's override).
        public var source: String

        /// A background rate's record.
        public init(lever: String, ratePerDistrictYear: Double, source: String) {
            (self.lever, self.ratePerDistrictYear, self.source) = (lever, ratePerDistrictYear, source)
        }
    }

    /// The pace-change model's estimated parameters (see docs/domain.md), rounded to 6 decimals.
    public struct PaceChange: Codable, Equatable, Sendable {
        /// Year-on-year persistence of a pace deviation (0–1).
        public var persistence: Double
        /// SD (rating points a year) of the deviation shared by a district's components.
        public var commonSD: Double
        /// SD (rating points a year) of each component's own deviation.
        public var ownSD: Double

        /// The pace-change parameters' record.
        public init(persistence: Double, commonSD: Double, ownSD: Double) {
            (self.persistence, self.commonSD, self.ownSD) = (persistence, commonSD, ownSD)
        }
    }

    /// An input file: its role, path as given, and SHA-256 of its bytes.
    public struct Input: Codable, Equatable, Sendable {
        /// What the file is to the run: scenario, data, framework, districts, levers, events, …
        public var role: String
        /// The path as the scenario or command line gave it.
        public var file: String
        /// Hex SHA-256 of the file's bytes.
        public var sha256: String

        /// An input file's record.
        public init(role: String, file: String, sha256: String) {
            self.role = role
            self.file = file
            self.sha256 = sha256
        }
    }

    /// An output file (path inside the output folder) and the SHA-256 of its bytes.
    public struct Output: Codable, Equatable, Sendable {
        /// Path relative to the output folder, e.g. `charts/network.svg`.
        public var file: String
        /// Hex SHA-256 of the bytes written.
        public var sha256: String

        /// An output file's record.
        public init(file: String, sha256: String) { (self.file, self.sha256) = (file, sha256) }
    }

    /// The background events the projection drew (none when the scenario turned them off).
    public var background: [Background]
    /// The pace-change model the projection used.
    public var paceChange: PaceChange
    /// The engine and its version, e.g. `portfolio-forecast 0.1.0`.
    public var engine: String
    /// The scenario's name.
    public var scenario: String
    /// The random seed (a scenario file can take it back).
    public var seed: UInt64
    /// Monte Carlo draws.
    public var draws: Int
    /// The last projected year.
    public var horizon: Int
    /// The command that made the run, starting `simulate`.
    public var commandLine: [String]
    /// Every input file, in the order the run read them.
    public var inputs: [Input]
    /// Every output file except the manifest itself, in the order they were written.
    public var outputs: [Output]
    /// A retrospective run's cut (`"from"`); absent in a forward run.
    public var from: Int? = nil
    /// The scenario's factor on the fitted pace-change variances; absent when 1.
    public var paceChangeVariance: Double? = nil
    /// Recorded events the scenario removed, as "district year lever"; absent when none.
    public var removedEvents: [String]? = nil

    /// A manifest from its parts.
    public init(
        background: [Background], paceChange: PaceChange, engine: String, scenario: String, seed: UInt64, draws: Int,
        horizon: Int, commandLine: [String], inputs: [Input], outputs: [Output]
    ) {
        (self.background, self.paceChange, self.engine, self.scenario) = (background, paceChange, engine, scenario)
        (self.seed, self.draws, self.horizon, self.commandLine) = (seed, draws, horizon, commandLine)
        (self.inputs, self.outputs) = (inputs, outputs)
    }

    /// The manifest of a run from its plan and result, its inputs' digests, and its outputs.
    public init(
        run: ScenarioRun, result: ProjectionResult, inputs: [Input], outputs: [(name: String, contents: String)],
        commandLine: [String]
    ) {
        background = run.plan.background.map {
            Background(
                lever: $0.leverID, ratePerDistrictYear: Self.rounded($0.rate), source: BackgroundReport.source($0))
        }
        let change = run.forecaster.paceChange
        paceChange = PaceChange(
            persistence: Self.rounded(change.persistence), commonSD: Self.rounded(change.commonSD),
            ownSD: Self.rounded(change.ownSD))
        engine = ScenarioReport.engineVersion
        scenario = result.scenario
        seed = result.seed
        draws = result.draws
        horizon = result.horizon
        self.commandLine = commandLine
        self.inputs = inputs
        self.outputs = outputs.map { Output(file: $0.name, sha256: SHA256.hex(Array($0.contents.utf8))) }
        from = run.scenario.from
        paceChangeVariance = run.scenario.paceChangeVariance == 1 ? nil : run.scenario.paceChangeVariance
        let removed = run.scenario.removals.map { "\($0.district) \($0.year) \($0.lever)" }
        removedEvents = removed.isEmpty ? nil : removed
    }

    /// The manifest as written: pretty-printed, keys sorted, slashes unescaped, a final newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and finite numbers cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The manifest in a results folder, or nil when there is none or it is not a manifest.
    public static func read(folder: String) -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json") else { return nil }
        return try? JSONDecoder().decode(RunManifest.self, from: data)
    }

    /// `x` rounded to 6 decimals, so the manifest shows as many digits as the printed tables.
    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
