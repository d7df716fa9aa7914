/// A position in the bytes of a CSV region, with the line and column it is at, that reads one
/// field at a time for `CSVReader`. Columns count characters (UTF-8 continuation bytes do not
/// advance them); errors are located at the line and column where the problem is.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    let bytes: [UInt8]
    let file: String
    /// Byte offset of the next byte to read.
    var i: Int
    /// 1-based line and column of byte `i`.
    var line: Int
    var column = 1

    init(_ bytes: [UInt8], file: String, offset: Int, line: Int) {
        self.bytes = bytes
        self.file = file
        i = offset
        self.line = line
    }

    var atEnd: Bool { i >= bytes.count }

    func location(_ l: Int, _ c: Int) -> SourceLocation { SourceLocation(file: file, line: l, column: c) }

    /// Skip a blank line (LF or CRLF alone) at the start of a record; whether there was one.
    @inline(__always)
    mutating func skipBlankLine() -> Bool {
        let n = bytes.count
        if bytes[i] == Self.lf {
            i += 1
            line += 1
            column = 1
            return true
        }
        if bytes[i] == Self.cr, i + 1 < n, bytes[i + 1] == Self.lf {
            i += 2
            line += 1
            column = 1
            return true
        }
        return false
    }

    /// Read one field's bytes into `field` (emptied first), quoted or not; stops before the
    /// comma or line end that follows it.
    @inline(__always)
    mutating func readField(into field: inout [UInt8]) throws(Diagnostic) {
        field.removeAll(keepingCapacity: true)
        if i < bytes.count, bytes[i] == Self.quote {
            try readQuoted(into: &field)
        } else {
            try readUnquoted(into: &field)
        }
    }

    /// A quoted field: `""` is a quote, newlines are kept; the closing quote must be followed by
    /// a comma, a line end or the end of the region. Works on local copies of the position, as
    /// the loop over the bytes should.
    private mutating func readQuoted(into field: inout [UInt8]) throws(Diagnostic) {
        let bytes = bytes
        let n = bytes.count
        var i = i
        var line = line
        var column = column
        defer {
            self.i = i
            self.line = line
            self.column = column
        }
        let openLine = line
        let openColumn = column
        i += 1
        column += 1
        var closed = false
        while i < n {
            let b = bytes[i]
            if b == Self.quote {
                if i + 1 < n, bytes[i + 1] == Self.quote {
                    field.append(Self.quote)
                    i += 2
                    column += 2
                    continue
                }
                i += 1
                column += 1
                closed = true
                break
            }
            if b == Self.lf {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            field.append(b)
            i += 1
        }
        guard closed else {
            throw .error(
                at: location(openLine, openColumn),
                "unterminated quoted field; expected a closing '\"' before the end of the file")
        }
        if i < n, bytes[i] != Self.comma, bytes[i] != Self.lf,
            !(bytes[i] == Self.cr && i + 1 < n && bytes[i + 1] == Self.lf), !(bytes[i] == Self.cr && i + 1 == n)
        {
            throw .error(
                at: location(line, column), "unexpected text after a closing quote; expected ',' or the end of the line"
            )
        }
    }

    /// An unquoted field: up to a comma, LF, CRLF or a CR that ends the region; no quote inside.
    private mutating func readUnquoted(into field: inout [UInt8]) throws(Diagnostic) {
        let bytes = bytes
        let n = bytes.count
        var i = i
        var column = column
        defer {
            self.i = i
            self.column = column
        }
        while i < n {
            let b = bytes[i]
            if b == Self.comma || b == Self.lf { break }
            if b == Self.cr, i + 1 == n || bytes[i + 1] == Self.lf { break }
            if b == Self.quote {
                throw .error(
                    at: location(line, column),
                    "a quote inside an unquoted field; expected the whole field in quotes with inner quotes doubled")
            }
            if b & 0xC0 != 0x80 { column += 1 }
            field.append(b)
            i += 1
        }
    }

    /// Step over what ends a field: a comma (the record goes on) or a line end or the end of the
    /// region (it ends). Whether the record ended.
    @inline(__always)
    mutating func endField() -> Bool {
        let n = bytes.count
        if i >= n { return true }
        if bytes[i] == Self.comma {
            i += 1
            column += 1
            return false
        }
        if bytes[i] == Self.cr { i += 1 }
        if i < n, bytes[i] == Self.lf { i += 1 }
        line += 1
        column = 1
        return true
    }
}
