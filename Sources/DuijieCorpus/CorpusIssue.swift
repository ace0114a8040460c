/// Where a record came from: a file and a 1-based line (JSON Lines) or row (spreadsheets,
/// where row 1 is the header).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Whether `line` counts text lines or spreadsheet rows.
    public enum Unit: Sendable, Hashable {
        case line
        case row
    }

    /// The file, as the user named it or relative to the corpus directory.
    public var file: String
    /// The 1-based line or row.
    public var line: Int
    /// What `line` counts.
    public var unit: Unit

    /// Creates a location.
    public init(file: String, line: Int, unit: Unit = .line) {
        self.file = file
        self.line = line
        self.unit = unit
    }

    /// `file:12` for a line, `file:row 12` for a spreadsheet row.
    public var description: String {
        unit == .line ? "\(file):\(line)" : "\(file):row \(line)"
    }
}

/// One problem found while reading or validating a corpus.
///
/// Printed as `file:line: field: message`, the form compilers use, so editors can jump to it.
public struct CorpusIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The record cannot be used as written.
        case error
        /// The record loads, but something looks wrong (an unknown key, say).
        case warning
    }

    /// What kind of problem it is; open to new values, so match with `==`, not exhaustively.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name, such as `dangling-reference`.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidEncoding = Code("invalid-encoding")
        public static let malformedJSON = Code("malformed-json")
        public static let wrongType = Code("wrong-type")
        public static let missingField = Code("missing-field")
        public static let unknownValue = Code("unknown-value")
        public static let invalidValue = Code("invalid-value")
        public static let duplicateID = Code("duplicate-id")
        public static let danglingReference = Code("dangling-reference")
        public static let ambiguousReference = Code("ambiguous-reference")
        public static let wrongReferenceKind = Code("wrong-reference-kind")
        public static let taxonomyCycle = Code("taxonomy-cycle")
        public static let unknownKey = Code("unknown-key")
        public static let thinRecord = Code("thin-record")
        public static let duplicateColumn = Code("duplicate-column")
        public static let invalidJudgment = Code("invalid-judgment")
        /// A value read, but not exactly as written (an approximate sum, a range's midpoint).
        public static let inexactValue = Code("inexact-value")
        /// A spreadsheet column whose cells are not imported.
        public static let unusedColumn = Code("unused-column")
        /// A spreadsheet read in an encoding chosen from its bytes, not named by the user.
        public static let guessedEncoding = Code("guessed-encoding")
        /// A `*.jsonl` in a corpus directory that is no kind's file (not read).
        public static let unknownFile = Code("unknown-file")
    }

    /// Whether the issue is an error or a warning.
    public var severity: Severity
    /// What kind of problem it is.
    public var code: Code
    /// The record's file and line, when the issue belongs to one.
    public var location: SourceLocation?
    /// The record field concerned, when there is one.
    public var field: String?
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, _ code: Code, at location: SourceLocation?, field: String? = nil, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if let field { parts.append(field) }
        if severity == .warning { parts.append("warning") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
