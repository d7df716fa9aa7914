import Forecasting
import RatingsData

/// The engine's own projections as backtest models: `integer-pace` (the default projection, with
/// background events at rates from the events up to the cut) and `pooled-drift` (the continuous
/// clamped walk that shipped before, which knew no events).
///
/// Both fit the trajectory model on the training panel and project with no interventions and
/// no sticking-point ceilings (a backtest panel need not come with a catalogue of them).
public struct EngineForecastModel: ForecastModel {
    /// `.integerPace` (the default projection) or `.pooledDrift` (the continuous clamped walk).
    public let model: Projection.Model
    /// The lever catalogue whose effects background events act through.
    public let leversPath: String
    /// The persistence of paces (φ of `PaceChange`); nil: chosen on each training panel by
    /// `PersistenceSelection`, as a scenario run chooses it.
    public let persistence: Double?

    /// `leversPath` matters only for `.integerPace` with an events file.
    public init(_ model: Projection.Model, leversPath: String = DefaultPaths.levers, persistence: Double? = nil) {
        self.model = model
        self.leversPath = leversPath
        self.persistence = persistence
    }

    /// The model's name in backtest outputs and `--models`: the projection's, with `(φ=…)` when
    /// an integer-pace persistence is fixed.
    public var name: String {
        guard let persistence, model == .integerPace else { return model.rawValue }
        return "\(model.rawValue)(φ=\(persistence))"
    }

    /// Fit on `training` and project every district from its last year to `horizon` with no
    /// interventions; integer-pace adds background events at rates from `events` (when given)
    /// and chooses φ on `training` unless it is fixed.
    public func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws
        -> [PathSamples]
    {
        let fit = try TrajectoryModel.fit(training)
        var forecaster = DriftForecaster(panel: training, fit: fit)
        var background: [BackgroundEvent] = []
        var levers: LeverCatalogue?
        if model == .integerPace, let events {
            let catalogue = try LeverCatalogue.load(contentsOf: leversPath, framework: training.framework)
            background = BackgroundEvent.estimated(from: events, panel: training, levers: catalogue, overrides: [:])
            levers = catalogue
        }
        if model == .integerPace {
            forecaster.paceChange.persistence =
                persistence
                ?? PersistenceSelection.select(training, events: events, levers: levers).persistence
        }
        let plans = training.districts.indices.map {
            ScenarioPlan.DistrictPlan(district: $0, effects: [], stickingPoints: [], background: background)
        }
        return Parallel.map(plans.count) { i -> PathSamples in
            let start = forecaster.startYear[i]
            let years = start < horizon ? Array((start + 1)...horizon) : []
            let recorder = PathRecorder(
                yearCount: years.count, draws: draws, elementCount: training.framework.elements.count)
            _ = Projection.project(
                forecaster, plans[i], horizon: horizon, draws: draws, seed: seed,
                trajectories: .none, model: model, recorder: recorder)
            return PathSamples(
                district: i, years: years, draws: draws, elementCount: recorder.elementCount,
                ratings: recorder.ratings)
        }
    }
}
