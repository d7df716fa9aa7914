import Forecasting
import RatingsData

extension Scenario {
    /// Run `body`, which loads the file at `path` that this scenario's `key` names; when that file
    /// is missing or not a file, say which scenario key (or default) pointed there.
    func naming<T>(_ key: String, _ path: String, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
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
                !isDefault(key, path)
                ? " (named by \"\(key)\" in \(file))"
                : " (the default \"\(key)\" of \(file), which names none)"
            throw named
        }
    }

    func isDefault(_ key: String, _ path: String) -> Bool {
        switch key {
        case "data": return path == DefaultPaths.data
        case "framework": return path == DefaultPaths.framework
        case "levers": return path == DefaultPaths.levers
        case "stickingPoints": return path == DefaultPaths.stickingPoints
        case "districtsFile": return path == DefaultPaths.districts
        default: return false
        }
    }
}
