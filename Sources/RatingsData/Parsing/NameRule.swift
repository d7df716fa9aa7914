/// The one rule for names and ids read from any input (district names, framework ids): no
/// control characters (they break every SVG and reach the terminal raw), no leading or trailing
/// spaces or tabs (the CSV reader trims them, so such an id could never match), and at most
/// `maximumLength` characters. Messages quote at most 60 characters of the offending name.
public enum NameRule {
    static let maximumLength = 200

    /// What is wrong with `name` as a `what` (e.g. "district name"), or nil.
    public static func problem(_ name: String, what: String) -> String? {
        if let c = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return
                "\(what) \(quoted(name)) holds the control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)); expected printable text"
        }
        if name.count > maximumLength {
            return "\(what) \(quoted(name)) is \(name.count) characters long; expected at most \(maximumLength)"
        }
        if let f = name.first, let l = name.last, f == " " || f == "\t" || l == " " || l == "\t" {
            return "\(what) \(quoted(name)) starts or ends with a space or tab; expected none (CSV fields are trimmed)"
        }
        return nil
    }

    /// The name in quotes, cut to 60 characters, control characters shown as `?`.
    public static func quoted(_ name: String) -> String {
        let shown = String(
            name.unicodeScalars.prefix(60).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return "\"\(shown)\"" + (name.unicodeScalars.count > 60 ? "…" : "")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
