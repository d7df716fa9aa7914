import Foundation

/// A strict JSON (RFC 8259) parser that keeps positions.
///
/// Foundation's parser on Linux reports only "not valid JSON" and accepts
/// duplicate keys silently; analysts edit these files by hand, so this one
/// names `file:line:column` and what was expected, rejects duplicate keys,
/// non-finite numbers and nesting deeper than `maximumDepth`, and accepts a
/// leading UTF-8 byte-order mark.
public struct JSONParser {
    static let maximumDepth = 128

    let bytes: [UInt8]
    let file: String
    var offset = 0
    var depth = 0
    /// Where the last value started, for the next value's line and column.
    var cursor = TextPosition.LineCursor()

    /// Parse a whole document.
    public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> JSONNode {
        if let bad = TextPosition.firstInvalidUTF8(in: bytes) {
            let p = TextPosition.lineAndColumn(in: bytes, offset: bad)
            throw .error(
                at: SourceLocation(file: file, line: p.line, column: p.column),
                "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); expected a UTF-8 text file (was it saved as Latin-1?)"
            )
        }
        var parser = JSONParser(bytes: bytes, file: file)
        parser.offset = TextPosition.byteOrderMarkLength(bytes)
        parser.skipWhitespace()
        if parser.offset >= bytes.count {
            throw parser.failure("the file is empty; expected a JSON document")
        }
        let root = try parser.parseValue()
        parser.skipWhitespace()
        if parser.offset < bytes.count {
            throw parser.failure("unexpected text after the end of the JSON document")
        }
        return root
    }

    /// Read and parse a file.
    public static func parse(contentsOf path: String) throws(Diagnostic) -> JSONNode {
        try parse(try InputFile.read(path), file: path)
    }

    func location(at position: Int? = nil) -> SourceLocation {
        let p = TextPosition.lineAndColumn(in: bytes, offset: position ?? offset)
        return SourceLocation(file: file, line: p.line, column: p.column)
    }

    func failure(_ message: String, at position: Int? = nil) -> Diagnostic {
        .error(at: location(at: position), message)
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    func describeHere() -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func parseValue() throws(Diagnostic) -> JSONNode {
        skipWhitespace()
        let start = offset
        let p = cursor.advance(in: bytes, to: start)
        guard offset < bytes.count else {
            throw failure("unexpected end of file; expected a value (the file may be truncated)")
        }
        let value: JSONNode.Value
        switch bytes[offset] {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default:
            throw failure(
                "expected a JSON value (object, array, string, number, true, false or null), found \(describeHere())")
        }
        return JSONNode(value: value, line: p.line, column: p.column)
    }

    mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw failure("nesting deeper than \(JSONParser.maximumDepth) levels; expected a shallow document")
        }
    }

    mutating func parseObject() throws(Diagnostic) -> JSONNode.Value {
        try enter()
        offset += 1
        var members: [(key: String, node: JSONNode)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted key, found \(describeHere())")
            }
            let keyStart = offset
            let key = try parseString()
            if seen.contains(key) {
                throw failure("duplicate key \"\(key)\"; each key may appear once in an object", at: keyStart)
            }
            seen.insert(key)
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw failure("expected ':' after key \"\(key)\", found \(describeHere())")
            }
            offset += 1
            let node = try parseValue()
            members.append((key, node))
            skipWhitespace()
            guard offset < bytes.count else {
                throw failure("unexpected end of file; expected ',' or '}' (the file may be truncated)")
            }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                break
            }
            throw failure("expected ',' or '}' after a member, found \(describeHere())")
        }
        depth -= 1
        return .object(members)
    }

    mutating func parseArray() throws(Diagnostic) -> JSONNode.Value {
        try enter()
        offset += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard offset < bytes.count else {
                throw failure("unexpected end of file; expected ',' or ']' (the file may be truncated)")
            }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                break
            }
            throw failure("expected ',' or ']' after an array item, found \(describeHere())")
        }
        depth -= 1
        return .array(items)
    }

    mutating func expectLiteral(_ word: String) throws(Diagnostic) {
        let w = Array(word.utf8)
        guard offset + w.count <= bytes.count, Array(bytes[offset..<(offset + w.count)]) == w else {
            throw failure("expected a JSON value, found \(describeHere())")
        }
        offset += w.count
    }

    mutating func parseNumber() throws(Diagnostic) -> Double {
        let start = offset
        func digits() -> Int {
            let s = offset
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
            return offset - s
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let intStart = offset
        guard digits() > 0 else { throw failure("expected digits in a number", at: start) }
        if bytes[intStart] == UInt8(ascii: "0") && offset - intStart > 1 {
            throw failure("numbers may not have leading zeros", at: start)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw failure("expected digits after the decimal point") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digits() > 0 else { throw failure("expected digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure("number \(text) is out of range; expected a finite number", at: start)
        }
        return value
    }

    mutating func parseString() throws(Diagnostic) -> String {
        let start = offset
        offset += 1
        var out: [UInt8] = []
        while true {
            guard offset < bytes.count else {
                throw failure("unterminated string; expected a closing '\"' (the file may be truncated)", at: start)
            }
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                offset += 1
                break
            }
            if b < 0x20 {
                throw failure("control character in a string; expected it escaped (for example \\n)")
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                offset += 1
                continue
            }
            offset += 1
            guard offset < bytes.count else { throw failure("unterminated escape sequence", at: start) }
            let e = bytes[offset]
            offset += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u")
                    else {
                        throw failure("unpaired UTF-16 surrogate in \\u escape")
                    }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid UTF-16 surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw failure("unpaired UTF-16 surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw failure("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: offset - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws(Diagnostic) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw failure("expected four hex digits after \\u")
            }
            v = v << 4 | d
            offset += 1
        }
        return v
    }
}
