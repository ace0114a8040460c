import DuijieJSON

/// A data row of a sheet: its 1-based row number (the header is row 1) and its cells.
struct SheetRow {
    let number: Int
    let cells: [String]
}

/// Turns a sheet's rows into records of one type: each row decoded by the record's own
/// decoder, its references checked against a corpus when one is given, and under
/// `skipBadRecords` a bad optional cell left out (the row kept) or a row with a bad required
/// field left out, each with a warning.
struct SheetConversion<Record: CorpusRecord> {
    let columns: SheetColumns
    let fileName: String
    let options: CSVImportOptions
    var references: SheetReferences?

    private(set) var records: [JSONValue] = []
    private(set) var issues: [CorpusIssue] = []
    private(set) var skippedRows: [SourceLocation] = []
    private(set) var skippedCells: [SkippedCell] = []

    init(columns: SheetColumns, fileName: String, options: CSVImportOptions, references: SheetReferences?) {
        self.columns = columns
        self.fileName = fileName
        self.options = options
        self.references = references
    }

    /// Converts every row, in order.
    mutating func convert(_ rows: [SheetRow]) {
        let prepared = rows.map { row in (location: location(row), cells: members(of: row)) }
        if references != nil {
            for (location, cells) in prepared where cells.rowProblem == nil {
                var reader = RecordReader(object: cells.members, location: location, cellsAreText: true)
                references?.registerSheetRecord(Record(reading: &reader))
            }
        }
        for (location, cells) in prepared {
            if let problem = cells.rowProblem {
                report([problem], location: location, rowLeftOut: options.skipBadRecords)
                if options.skipBadRecords { skippedRows.append(location) }
                continue
            }
            convertRow(cells.members, at: location)
        }
    }

    private func location(_ row: SheetRow) -> SourceLocation {
        SourceLocation(file: fileName, line: row.number, unit: .row)
    }

    /// The row's non-empty cells as members keyed by field, the id prefixed (or made from the
    /// row number when no column gives ids); or the problem that makes the row unreadable.
    private func members(of row: SheetRow) -> (members: [(key: String, value: JSONValue)], rowProblem: CorpusIssue?) {
        var members: [(key: String, value: JSONValue)] = []
        for (index, cell) in row.cells.enumerated() {
            guard index < columns.fields.count else {
                if !cell.trimmingWhitespace.isEmpty {
                    let problem = CorpusIssue(.error, .wrongType, at: location(row), "has \(row.cells.count) cells, the header has \(columns.fields.count) columns")
                    return ([], problem)
                }
                continue
            }
            guard let field = columns.fields[index] else { continue }
            let trimmed = cell.trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            if field == "id", let prefix = options.idPrefix {
                members.append((field, .string(prefix + trimmed)))
            } else {
                members.append((field, .string(cell)))
            }
        }
        if let prefix = options.idPrefix, columns.column(of: "id") == nil {
            members.insert(("id", .string(prefix + String(row.number))), at: 0)
        }
        return (members, nil)
    }

    /// Decodes and checks a row; under `skipBadRecords`, leaves out bad optional cells one
    /// round at a time until the row is good or a required field is bad.
    private mutating func convertRow(_ initial: [(key: String, value: JSONValue)], at location: SourceLocation) {
        var members = initial
        var leftOut: [CorpusIssue] = []
        var cellsLeftOut: [SkippedCell] = []
        let required = Record.recordKind.requiredFieldNames
        while true {
            var reader = RecordReader(object: members, location: location, cellsAreText: true)
            let record = Record(reading: &reader)
            var rowIssues = reader.issues
            var stub: StubPlan? = nil
            if let references {
                let checked = references.check(record, at: location)
                rowIssues += checked.issues
                stub = checked.stub
            }
            let errors = rowIssues.filter { $0.severity == .error }
            if errors.isEmpty {
                if let stub {
                    references?.addStub(stub, location: location, column: columns.header(of: stub.field) ?? stub.field)
                }
                records.append(record.jsonValue)
                skippedCells += cellsLeftOut
                report(leftOut + rowIssues, location: location, rowLeftOut: false)
                return
            }
            guard options.skipBadRecords else {
                report(leftOut + rowIssues, location: location, rowLeftOut: false)
                return
            }
            let badFields = Set(errors.compactMap(\.field))
            let cellsCanGo = errors.allSatisfy { error in
                guard let field = error.field else { return false }
                return !required.contains(field) && members.contains { $0.key == field }
            }
            guard cellsCanGo else {
                // What was read or left out of the row no longer matters: only why it went.
                report(errors, location: location, rowLeftOut: true)
                skippedRows.append(location)
                return
            }
            for error in errors {
                leftOut.append(CorpusIssue(.warning, error.code, at: location, field: error.field, error.message + "; cell left out"))
            }
            for field in badFields.sorted(by: { (columns.column(of: $0) ?? -1) < (columns.column(of: $1) ?? -1) }) {
                cellsLeftOut.append(SkippedCell(location: location, column: columns.header(of: field) ?? field))
            }
            members.removeAll { badFields.contains($0.key) }
        }
    }

    /// Adds a row's issues in column order, each naming its column by the sheet's header;
    /// when the row is left out, its errors become warnings that say so.
    private mutating func report(_ rowIssues: [CorpusIssue], location: SourceLocation, rowLeftOut: Bool) {
        let ordered = rowIssues.enumerated().sorted { a, b in
            let columnA = a.element.field.flatMap(columns.column(of:)) ?? -1
            let columnB = b.element.field.flatMap(columns.column(of:)) ?? -1
            return (columnA, a.offset) < (columnB, b.offset)
        }
        for (_, issue) in ordered {
            var shown = issue
            if let field = issue.field, let header = columns.header(of: field) { shown.field = header }
            if rowLeftOut && issue.severity == .error {
                shown.severity = .warning
                shown.message += "; row left out"
            }
            issues.append(shown)
        }
    }
}
