import Foundation

/// A Jupyter notebook in nbformat 4.5 (cells with ids), written with `JSONEncoder`: sorted keys,
/// one-space indentation as Jupyter itself writes, so the same notebook gives the same bytes.
public struct Notebook: Encodable, Sendable {
    /// A markdown or code cell. Code cells carry no outputs: the notebook is for rerunning.
    public struct Cell: Encodable, Sendable {
        /// `markdown` or `code`.
        public enum Kind: String, Encodable, Sendable {
            /// Text rendered as Markdown.
            case markdown
            /// Python run by the kernel.
            case code
        }

        /// The cell's type.
        public var kind: Kind
        /// The cell's text, newlines included.
        public var text: String
        /// The cell's id (nbformat 4.5 requires one); set by `Notebook.init` from the cell's position.
        public var id = ""

        /// A markdown cell.
        public static func markdown(_ text: String) -> Cell { Cell(kind: .markdown, text: text) }
        /// A code cell.
        public static func code(_ text: String) -> Cell { Cell(kind: .code, text: text) }

        enum CodingKeys: String, CodingKey {
            case cellType = "cell_type"
            case id, metadata, source
            case executionCount = "execution_count"
            case outputs
        }

        /// nbformat's shape: `source` as lines each keeping its newline; a code cell has a null
        /// `execution_count` and no `outputs`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .cellType)
            try container.encode(id, forKey: .id)
            try container.encode([String: String](), forKey: .metadata)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let source = lines.enumerated().map { i, line in i < lines.count - 1 ? line + "\n" : line }
            try container.encode(source, forKey: .source)
            if kind == .code {
                try container.encodeNil(forKey: .executionCount)
                try container.encode([String](), forKey: .outputs)
            }
        }
    }

    /// The kernel and language the notebook runs with.
    struct Metadata: Encodable, Sendable {
        struct Kernel: Encodable, Sendable {
            let displayName = "Python 3"
            let language = "python"
            let name = "python3"
            enum CodingKeys: String, CodingKey {
                case displayName = "display_name"
                case language, name
            }
        }
        struct Language: Encodable, Sendable { let name = "python" }
        let kernelspec = Kernel()
        let languageInfo = Language()
        enum CodingKeys: String, CodingKey {
            case kernelspec
            case languageInfo = "language_info"
        }
    }

    /// The cells, ids `cell-1`, `cell-2`, … in order.
    public let cells: [Cell]
    let metadata = Metadata()
    let nbformat = 4
    let nbformatMinor = 5

    enum CodingKeys: String, CodingKey {
        case cells, metadata, nbformat
        case nbformatMinor = "nbformat_minor"
    }

    /// A notebook of these cells, numbered in order.
    public init(cells: [Cell]) {
        self.cells = cells.enumerated().map { i, cell in
            var numbered = cell
            numbered.id = "cell-\(i + 1)"
            return numbered
        }
    }

    /// The `.ipynb` text: pretty-printed, keys sorted, slashes unescaped, a final newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and null only: encoding cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
