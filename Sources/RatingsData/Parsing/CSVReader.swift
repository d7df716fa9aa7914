/// One record of a CSV file, with the line it starts on and each field's column.
public struct CSVRecord: Sendable {
    /// The fields, unquoted, with `""` read as one quote.
    public var fields: [String]
    /// 1-based line where the record starts.
    public var line: Int
    /// 1-based column (in characters) where each field starts.
    public var columns: [Int]
}

/// A strict RFC 4180 reader that keeps line and column numbers.
///
/// Accepts what spreadsheets write — a UTF-8 byte-order mark, CRLF or LF line
/// ends, quoted fields (with `""` for a quote and embedded newlines), a final
/// line with or without a newline, blank lines — and rejects, with a located
/// error, what would otherwise be misread: invalid UTF-8 (say a Latin-1 export),
/// an unterminated quote, and text after a closing quote.
public enum CSVReader {
    /// Call `body` for each non-blank record of `bytes`, in order.
    public static func forEachRecord(
        in bytes: [UInt8], file: String,
        _ body: (CSVRecord) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        try parse(bytes[...], startLine: 1, skipByteOrderMark: true, file: file, body)
    }

    /// Stream the file at `path` in chunks, calling `body` for each non-blank record, so memory
    /// holds one chunk plus what `body` keeps. `progress` receives the share of bytes read.
    public static func forEachRecord(
        contentsOf path: String, chunkSize: Int = 1 << 22, progress: ((Double) -> Void)? = nil,
        _ body: (CSVRecord) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let handle = try InputFile.open(path)
        defer { try? handle.handle.close() }
        var buffer: [UInt8] = []
        var line = 1
        var first = true
        var read = 0
        while true {
            let chunk = handle.handle.readData(ofLength: chunkSize)
            let atEnd = chunk.isEmpty
            buffer.append(contentsOf: chunk)
            read += chunk.count
            // Cut after the last line end that is outside quotes: complete records only.
            var cut = 0
            if atEnd {
                cut = buffer.count
            } else {
                var inQuotes = false
                for i in buffer.indices {
                    let b = buffer[i]
                    if b == UInt8(ascii: "\"") {
                        inQuotes.toggle()
                    } else if b == UInt8(ascii: "\n") && !inQuotes {
                        cut = i + 1
                    }
                }
            }
            if cut > 0 {
                let region = buffer[0..<cut]
                try parse(region, startLine: line, skipByteOrderMark: first, file: path, body)
                for b in region where b == UInt8(ascii: "\n") { line += 1 }
                buffer.removeFirst(cut)
                first = false
            }
            progress?(handle.size > 0 ? Double(read) / Double(handle.size) : 1)
            if atEnd { break }
        }
    }

    /// Parse a region that ends at a record boundary (or the end of the file); `startLine` is the
    /// line number of its first byte.
    static func parse(
        _ bytes: ArraySlice<UInt8>, startLine: Int, skipByteOrderMark: Bool, file: String,
        _ body: (CSVRecord) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let bytes = Array(bytes)
        if let bad = TextPosition.firstInvalidUTF8(in: bytes) {
            let p = TextPosition.lineAndColumn(in: bytes, offset: bad)
            throw .error(
                at: SourceLocation(file: file, line: p.line + startLine - 1, column: p.column),
                "invalid UTF-8 byte 0x\(String(bytes[bad], radix: 16, uppercase: true)); expected a UTF-8 text file (re-save it as \"CSV UTF-8\")"
            )
        }
        var scanner = CSVScanner(
            bytes, file: file, offset: skipByteOrderMark ? TextPosition.byteOrderMarkLength(bytes) : 0, line: startLine)
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        while !scanner.atEnd {
            // Start of a record.
            let recordLine = scanner.line
            fields.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
            if scanner.skipBlankLine() { continue }
            var endOfRecord = false
            while !endOfRecord {
                columns.append(scanner.column)
                try scanner.readField(into: &field)
                fields.append(String(decoding: field, as: UTF8.self))
                endOfRecord = scanner.endField()
            }
            try body(CSVRecord(fields: fields, line: recordLine, columns: columns))
        }
    }

    /// All records of `bytes`; convenient for small files.
    public static func records(in bytes: [UInt8], file: String) throws(Diagnostic) -> [CSVRecord] {
        var out: [CSVRecord] = []
        try forEachRecord(in: bytes, file: file) { out.append($0) }
        return out
    }
}

extension CSVReader {
    /// The message for a header that is not the expected one: the header quoted (at most 60
    /// characters), and the likely cause when a field holds a bare carriage return (a file saved
    /// with classic-Mac CR-only line ends reads as one long line).
    static func headerMismatch(_ fields: [String], expected: [String]) -> String {
        let found = fields.joined(separator: ",")
        if found.contains("\r") {
            return
                "lines end with a carriage return only (classic Mac line ends), so the whole file reads as one line; expected LF or CRLF line ends — re-save the file with Unix or Windows line ends"
        }
        return "header is \(NameRule.quoted(found)); expected exactly \"\(expected.joined(separator: ","))\""
    }
}
