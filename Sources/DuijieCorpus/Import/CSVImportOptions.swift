/// How a spreadsheet is read.
public struct CSVImportOptions: Sendable {
    /// The kind of record each row is.
    public var kind: RecordKind
    /// The file's encoding.
    public var encoding: TextEncoding
    /// The cell delimiter; `nil` picks tab for `.tsv`/`.txt` and comma otherwise.
    public var delimiter: Character?
    /// Leave out columns whose header names no field with a warning, instead of failing.
    /// Columns that are not imported are reported either way.
    public var ignoreUnknownColumns: Bool
    /// Leave out a bad cell of an optional field (the row is kept), or the whole row when a
    /// required field is bad, with a warning each, instead of failing.
    public var skipBadRecords: Bool
    /// Put before every id the sheet gives, and before the row number of each row when the
    /// sheet has no id column, so that sheets which each number their rows from 1 do not
    /// collide. References to other records are not changed.
    public var idPrefix: String?
    /// A corpus directory to check the sheet's references against (names and ids of
    /// institutions, enterprises, experts, regions and fields), as loading would.
    public var corpusDirectory: String?
    /// Make a stub institution or enterprise for each organisation the sheet names that
    /// `corpusDirectory` has no record of, instead of reporting it. Needs `corpusDirectory`.
    public var createMissing: Bool

    /// Creates options.
    public init(kind: RecordKind, encoding: TextEncoding = .auto, delimiter: Character? = nil,
                ignoreUnknownColumns: Bool = false, skipBadRecords: Bool = false, idPrefix: String? = nil,
                corpusDirectory: String? = nil, createMissing: Bool = false) {
        self.kind = kind
        self.encoding = encoding
        self.delimiter = delimiter
        self.ignoreUnknownColumns = ignoreUnknownColumns
        self.skipBadRecords = skipBadRecords
        self.idPrefix = idPrefix
        self.corpusDirectory = corpusDirectory
        self.createMissing = createMissing
    }
}
