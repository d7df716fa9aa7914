extension JSONNode {
    /// Pretty-printed JSON (2-space indent, keys in their original order).
    public func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { "\(inner)\(JSONNode.quote($0.key)): \($0.node.rendered(indent: indent + 2))" }
                .joined(separator: ",\n") + "\n\(pad)}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({
                if case .string = $0.value { return true }
                return false
            }) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 2) }.joined(separator: ",\n") + "\n\(pad)]"
        case .string(let s): return JSONNode.quote(s)
        case .number(let x):
            return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A node built in code (no source position).
    package static func make(_ value: Value) -> JSONNode { JSONNode(value: value, line: 0, column: 0) }
}
