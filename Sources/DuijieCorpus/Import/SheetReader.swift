import DuijieBase

/// Splits a spreadsheet's text into rows of cells, as RFC 4180 describes and Excel writes, and
/// refuses what it could only read by losing or moving data.
///
/// A cell that starts with `"` is quoted: it may hold delimiters and line breaks, a quote
/// inside it is written `""`, and it ends at its closing quote, which must be followed by a
/// delimiter, a line break or the end of the file. A quote opened and never closed, and text
/// after a closing quote, are errors with the line and column. A quote inside an unquoted cell
/// (`2" 阀门`) is text, as Excel reads it. Lines end in LF, CR LF or CR.
public struct SheetReader: Sendable {
    /// A row as the file holds it.
    public struct Row: Sendable {
        /// The line of the file the row starts on (a quoted cell may span lines).
        public let line: Int
        /// The cells, unquoted.
        public let cells: [String]
    }

    /// The name used in errors.
    public let fileName: String
    /// The character between cells.
    public let delimiter: Unicode.Scalar

    /// A reader for `fileName` (used in errors) with `delimiter` between cells.
    ///
    /// - Throws: `DuijieError` when the delimiter is not one character, or is a quote or a
    ///   line break.
    public init(fileName: String, delimiter: Character) throws(DuijieError) {
        guard let scalar = delimiter.unicodeScalars.first, delimiter.unicodeScalars.count == 1 else {
            throw DuijieError(.invalidInput, "the delimiter must be a single character")
        }
        guard scalar != "\"", scalar != "\n", scalar != "\r" else {
            throw DuijieError(.invalidInput, "the delimiter cannot be a quote or a line break")
        }
        self.fileName = fileName
        self.delimiter = scalar
    }

    private enum State {
        case cellStart, unquoted, quoted, afterQuote
    }

    /// Every row of `text`, the header included, in file order; an empty line is a row of one
    /// empty cell.
    ///
    /// - Throws: `DuijieError` at the quote that is never closed, or at the first character
    ///   after a closing quote that does not end the cell.
    /// - Complexity: O(n) in the length of the text.
    public func rows(of text: String) throws(DuijieError) -> [Row] {
        var cursor = Cursor(text.unicodeScalars.makeIterator())
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var rowLine = 1
        var state = State.cellStart
        var quoteStart = (line: 1, column: 1)
        var swallowLF = false

        func endRow() {
            cells.append(String(cell))
            rows.append(Row(line: rowLine, cells: cells))
            cells = []
            cell = String.UnicodeScalarView()
            state = .cellStart
        }
        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            state = .cellStart
        }

        while let scalar = cursor.next() {
            if swallowLF {
                swallowLF = false
                if scalar == "\n" { continue }
            }
            if state == .cellStart && cells.isEmpty { rowLine = cursor.line }
            switch state {
            case .cellStart where scalar == "\"":
                quoteStart = (cursor.line, cursor.column)
                state = .quoted
            case .cellStart, .unquoted:
                if scalar == delimiter {
                    endCell()
                } else if scalar == "\n" || scalar == "\r" {
                    endRow()
                    swallowLF = scalar == "\r"
                } else {
                    cell.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .afterQuote } else { cell.append(scalar) }
            case .afterQuote:
                if scalar == "\"" {
                    cell.append(scalar)
                    state = .quoted
                } else if scalar == delimiter {
                    endCell()
                } else if scalar == "\n" || scalar == "\r" {
                    endRow()
                    swallowLF = scalar == "\r"
                } else {
                    throw textAfterClosingQuote(scalar, cursor: &cursor, cell: cellName(column: cells.count, row: rows.count + 1))
                }
            }
        }
        switch state {
        case .quoted:
            throw unclosedQuote(at: quoteStart, lastLine: cursor.line, cell: cellName(column: cells.count, row: rows.count + 1))
        case .cellStart where cells.isEmpty:
            break
        case .cellStart, .unquoted, .afterQuote:
            endRow()
        }
        return rows
    }

    /// `B3`: the spreadsheet name of a 0-based column in a 1-based row.
    private func cellName(column: Int, row: Int) -> String {
        SheetColumns.letter(column) + String(row)
    }

    private func unclosedQuote(at start: (line: Int, column: Int), lastLine: Int, cell: String) -> DuijieError {
        let following = lastLine - start.line
        let consequence = following == 0
            ? "is never closed before the end of the file"
            : "is never closed, so the \(following) line(s) after it would all be read into that one cell"
        return DuijieError(.invalidInput,
                           "unclosed quote: the quote that opens this cell \(consequence); close it, or write a quote that belongs to the text as two (\"\")",
                           at: DuijieError.Location(file: fileName, line: start.line, column: start.column, field: "cell \(cell)"))
    }

    private func textAfterClosingQuote(_ first: Unicode.Scalar, cursor: inout Cursor, cell: String) -> DuijieError {
        let line = cursor.line
        let column = cursor.column
        var stray = String.UnicodeScalarView([first])
        while stray.count <= 20, let scalar = cursor.next(), scalar != delimiter, scalar != "\n", scalar != "\r" {
            stray.append(scalar)
        }
        let shown = stray.count > 20 ? String(String(stray).prefix(20)) + "…" : String(stray)
        return DuijieError(.invalidInput,
                           "text after a closing quote: \"\(shown)\" follows the quote that closes this cell; "
                               + "quote the whole cell and write each quote inside it as two (\"\"), or remove the quotes",
                           at: DuijieError.Location(file: fileName, line: line, column: column, field: "cell \(cell)"))
    }
}

/// Unicode scalars with the line and column (1-based, in characters) of the one last read.
private struct Cursor {
    private var iterator: String.UnicodeScalarView.Iterator
    private var previous: Unicode.Scalar?
    private(set) var line = 1
    private(set) var column = 0

    init(_ iterator: String.UnicodeScalarView.Iterator) {
        self.iterator = iterator
    }

    mutating func next() -> Unicode.Scalar? {
        guard let scalar = iterator.next() else { return nil }
        if previous == "\n" || (previous == "\r" && scalar != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
        previous = scalar
        return scalar
    }
}
