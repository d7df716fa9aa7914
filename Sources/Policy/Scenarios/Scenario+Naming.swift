import Forecasting
import RatingsData

extension Scenario {
    /// The keys of a scenario that name an input file.
    enum FileKey: String {
        case data, framework, districtsFile, levers, stickingPoints, events

        /// The path used when the scenario leaves the key out; nil for `events`, whose default
        /// lies beside the data.
        var defaultPath: String? {
            switch self {
            case .data: return DefaultPaths.data
            case .framework: return DefaultPaths.framework
            case .levers: return DefaultPaths.levers
            case .stickingPoints: return DefaultPaths.stickingPoints
            case .districtsFile: return DefaultPaths.districts
            case .events: return nil
            }
        }
    }

    /// Run `body`, which loads the file at `path` that this scenario's `key` names; when that file
    /// is missing or not a file, say which scenario key (or default) pointed there.
    func naming<T>(_ key: FileKey, _ path: String, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            guard error.location.file == path, error.location.line == nil,
                ["no such file", "is a directory", "is not a regular file"].contains(where: {
                    error.message.hasPrefix($0)
                })
            else {
                throw error
            }
            var named = error
            named.message +=
                path != key.defaultPath
                ? " (named by \"\(key.rawValue)\" in \(file))"
                : " (the default \"\(key.rawValue)\" of \(file), which names none)"
            throw named
        }
    }
}
