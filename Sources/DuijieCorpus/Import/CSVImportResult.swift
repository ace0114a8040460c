import DuijieJSON

/// The outcome of converting a spreadsheet.
public struct CSVImportResult: Sendable {
    /// The converted records in canonical JSON form, one per imported row. References are as
    /// the sheet wrote them (names stay names).
    public let records: [JSONValue]
    /// Every problem found: the header's first (row 1), then by row and column.
    public let issues: [CorpusIssue]
    /// The rows left out under `skipBadRecords`.
    public let skippedRows: [SourceLocation]
    /// The cells left out under `skipBadRecords`, their rows kept.
    public let skippedCells: [SkippedCell]
    /// The stub records made under `createMissing`, in the order the sheet first names them;
    /// `StubRecord.append(_:toCorpus:)` adds them to the corpus.
    public let stubs: [StubRecord]
    /// The encoding the file was read as.
    public let encoding: TextEncoding
    /// Each header with the field it was mapped to (`nil`: not imported).
    public let columns: [(header: String, field: String?)]

    /// Whether any issue is an error.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// The records as JSON Lines text.
    public var jsonLines: String {
        records.map { JSONWriter.string($0) + "\n" }.joined()
    }
}

/// A cell left out of an imported row.
public struct SkippedCell: Sendable, Hashable, CustomStringConvertible {
    /// The row.
    public let location: SourceLocation
    /// The column's header as the sheet writes it.
    public let column: String

    /// `file:row N: column`.
    public var description: String { "\(location): \(column)" }
}
