/// The header row of a sheet read against the kind of its records: which column gives which
/// field, and a word about every column that is not imported (no column is dropped silently).
struct SheetColumns {
    /// Each column's header, trimmed.
    let headers: [String]
    /// The field each column gives; `nil` when it is not imported.
    let fields: [String?]
    /// Errors and warnings about the columns, at row 1, in column order.
    let issues: [CorpusIssue]

    /// Reads the header row.
    ///
    /// - Parameters:
    ///   - headers: The header cells.
    ///   - rows: The data rows, to tell a column without a name and without values (left out
    ///     quietly: nothing is lost) from one that holds data (an error, or a warning with
    ///     `ignoreUnknownColumns`, naming the column and the first row with a value).
    ///   - fileName: The file, for issue locations.
    ///   - options: The record kind, whether unknown columns are errors, and the id prefix.
    init(headers rawHeaders: [String], rows: [SheetRow], fileName: String, options: CSVImportOptions) {
        let kind = options.kind
        let location = SourceLocation(file: fileName, line: 1, unit: .row)
        let unknownSeverity: CorpusIssue.Severity = options.ignoreUnknownColumns ? .warning : .error
        let leaveOutHint = "pass --ignore-unknown-columns to import the sheet without it"
        var headers: [String] = []
        var fields: [String?] = []
        var issues: [CorpusIssue] = []
        var columnByField: [String: Int] = [:]
        for (index, raw) in rawHeaders.enumerated() {
            let header = raw.trimmingWhitespace
            let letter = Self.letter(index)
            headers.append(header)
            fields.append(nil)
            if header.isEmpty {
                let filled = rows.filter { index < $0.cells.count && !$0.cells[index].trimmingWhitespace.isEmpty }
                guard let first = filled.first else { continue }
                let values = "\(filled.count) row(s) have a value in it, the first row \(first.number)"
                let message = options.ignoreUnknownColumns
                    ? "not imported: it has no name (it is column \(index + 1)), and \(values)"
                    : "has no name (it is column \(index + 1)), but \(values); give it a header, or \(leaveOutHint)"
                issues.append(CorpusIssue(unknownSeverity, .unusedColumn, at: location, field: "column \(letter)", message))
                continue
            }
            switch ColumnMapping.meaning(ofHeader: header, kind: kind) {
            case .field(let field):
                if let previous = columnByField[field] {
                    issues.append(CorpusIssue(.error, .duplicateColumn, at: location, field: header,
                                              "column \(letter) gives \(field), as column \(Self.letter(previous)) (\"\(headers[previous])\") already does"))
                    continue
                }
                columnByField[field] = index
                fields[index] = field
            case .fieldOfOtherKinds(let others):
                let uses = RecordKind.allCases.compactMap { other in others[other].map { "the \($0) of \(other.pluralName)" } }
                issues.append(CorpusIssue(.warning, .unusedColumn, at: location, field: header,
                                          "column \(letter) not imported: \(kind.pluralName) have no such field (it is \(Self.list(uses)))"))
            case .unknown:
                let message = options.ignoreUnknownColumns
                    ? "column \(letter) not imported: no kind of record has a field of this name"
                    : "column \(letter): no kind of record has a field of this name (see docs/corpus-format.md); rename it, or \(leaveOutHint)"
                issues.append(CorpusIssue(unknownSeverity, .unknownKey, at: location, field: header, message))
            }
        }
        if kind.fieldNames.contains("id") && columnByField["id"] == nil && options.idPrefix == nil {
            issues.append(CorpusIssue(.error, .missingField, at: location, field: "id",
                                      "no column gives the ids (id, 编号, 序号 …); add one, or pass --id-prefix to number the rows"))
        }
        self.headers = headers
        self.fields = fields
        self.issues = issues
    }

    /// Whether a column problem stops the import.
    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// The column that gives `field`.
    func column(of field: String) -> Int? {
        fields.firstIndex(of: field)
    }

    /// The header of the column that gives `field`, as the sheet writes it.
    func header(of field: String) -> String? {
        column(of: field).map { headers[$0] }
    }

    /// The spreadsheet letter of a 0-based column: A … Z, AA, AB …
    static func letter(_ index: Int) -> String {
        var remaining = index + 1
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(letters)
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
