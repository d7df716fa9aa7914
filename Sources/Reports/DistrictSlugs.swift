import Forecasting
import Policy
import RatingsData

/// File-name slugs for a run's district names, unique by construction: the readable form
/// (lowercase letters and digits of any script, anything else `-`, at most 48 characters), and
/// where two names would share it — `Oakland`/`oakland`, `Los Angeles`/`Los-Angeles` — or it
/// has no letter or digit, or it was cut short, the readable form plus 8 hex digits of the
/// name's own hash. Charts and the brief look names up here, so each links its own chart.
public struct DistrictSlugs: Sendable {
    private var slugs: [String: String] = [:]

    static let maximumReadableLength = 48

    /// Slugs for every name in `names` (duplicates are fine).
    public init<S: Sequence>(_ names: S) where S.Element == String {
        let unique = Array(Set(names)).sorted()
        var count: [String: Int] = [:]
        for name in unique { count[Self.readable(name), default: 0] += 1 }
        var used: Set<String> = []
        for name in unique {
            let base = Self.readable(name)
            let plain =
                count[base] == 1 && base.contains(where: { $0 != "-" }) && base.count <= Self.maximumReadableLength
            var slug = plain ? base : String(base.prefix(Self.maximumReadableLength)) + "-" + Self.hash(name)
            var n = 2
            while used.contains(slug) {
                slug = "\(plain ? base : slug)-\(n)"
                n += 1
            }  // a name equal to another's slug
            used.insert(slug)
            slugs[name] = slug
        }
    }

    /// The slug of `name` (its readable form if the set did not hold it).
    public subscript(_ name: String) -> String { slugs[name] ?? Self.readable(name) }

    static func readable(_ name: String) -> String {
        var out = ""
        for c in name.lowercased() { out.append(c.isLetter || c.isNumber ? c : "-") }
        return out
    }

    /// 8 hex digits of FNV-1a over the name's UTF-8 bytes.
    static func hash(_ name: String) -> String {
        let h = mixKey([name])
        let hex = String(h & 0xffff_ffff, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
