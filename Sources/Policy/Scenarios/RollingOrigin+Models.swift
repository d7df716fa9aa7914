import Forecasting
import RatingsData

/// The models `simulate backtest` can score, by name.
extension RollingOrigin {
    /// Every known model, in the order scored when none are named: the engine's default first,
    /// then the model it replaced, then the baselines.
    public static let knownModels: [any ForecastModel] = [
        EngineForecastModel(.integerPace), EngineForecastModel(.pooledDrift),
        LastValueModel(), LastPlusMeanChangeModel(), MarkovModel(),
    ]

    /// The known models' names, in `knownModels` order.
    public static var knownModelNames: [String] { knownModels.map(\.name) }

    /// The known models called `names`, in the order given; a name given twice is scored once.
    /// - Throws: `RollingOriginError.unknownModels` naming every unknown name and listing the
    ///   known ones; `.noModels` when `names` is empty.
    public static func models(named names: [String]) throws(RollingOriginError) -> [any ForecastModel] {
        guard !names.isEmpty else { throw .noModels }
        let unknown = names.filter { name in !knownModels.contains { $0.name == name } }
        guard unknown.isEmpty else { throw .unknownModels(unknown, known: knownModelNames) }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.map { name in knownModels.first { $0.name == name }! }
    }
}
