import RatingsData

/// Why a rolling-origin backtest could not run, in words a user can act on.
public enum RollingOriginError: Error, Equatable, CustomStringConvertible {
    /// The panel has no year with two panel years up to it and one after it.
    case noCutYear(years: [Int])
    case invalidHorizon(Int)
    case invalidDraws(Int)
    case noModels
    case unknownModels([String], known: [String])
    /// A model threw while fitting or drawing at a cut year.
    case modelFailed(model: String, cut: Int, message: String)
    /// A model returned paths that do not match the training panel or the request.
    case malformedPaths(model: String, cut: Int, message: String)

    /// The failure in words, naming the model and cut year where there is one.
    public var description: String {
        switch self {
        case .noCutYear(let years):
            return "no usable cut year: the panel's years are \(years.map(String.init).joined(separator: ", ")); "
                + "a rolling-origin backtest needs a year with at least 2 panel years up to it and 1 after it"
        case .invalidHorizon(let h): return "the horizon must be at least 1 year (got \(h))"
        case .invalidDraws(let n): return "draws must be at least 1 (got \(n))"
        case .noModels: return "no model to score; give at least one"
        case .unknownModels(let names, let known):
            return "unknown model\(names.count == 1 ? "" : "s") \(names.map { "\"\($0)\"" }.joined(separator: ", ")); "
                + "known models: \(known.joined(separator: ", "))"
        case .modelFailed(let model, let cut, let message):
            return "model \(model) failed on the data up to \(cut): \(message)"
        case .malformedPaths(let model, let cut, let message):
            return "model \(model) returned unusable paths for the data up to \(cut): \(message)"
        }
    }
}
