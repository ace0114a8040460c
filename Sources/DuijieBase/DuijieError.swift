/// The one error type of Duijie's library: what failed (`code`, which modules extend), a
/// message for people, where the problem is when it has a place (a file, a line, a field), the
/// error underneath when another library reported it, and further lines (a corpus's issues, say).
///
/// A corpus's record-level problems are `CorpusIssue`s, collected and reported together; a
/// `DuijieError` is what stops an operation.
public struct DuijieError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Codes are extensible: a module adds its own as static
    /// members in an extension (`DuijieError.Code.corruptIndex`, say).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// A code by name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A code by name.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A file or directory could not be read, written, created or moved.
        public static let io = Code("io")
        /// The input is not what it should be (a value out of range, a malformed file).
        public static let invalidInput = Code("invalid-input")
    }

    /// Where a problem is: a file, and when known a line, a column and a field.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        /// The file (or directory), as the user named it.
        public var file: String
        /// The 1-based line.
        public var line: Int?
        /// The 1-based column.
        public var column: Int?
        /// The field or key.
        public var field: String?

        /// A location.
        public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
        }

        /// `file:line:column: field`, with what is known.
        public var description: String {
            var text = file
            if let line { text += ":\(line)" }
            if let column { text += ":\(column)" }
            if let field { text += ": \(field)" }
            return text
        }
    }

    /// What kind of failure.
    public let code: Code
    /// What went wrong, in one line, for people.
    public let message: String
    /// Where, when the problem has a place.
    public let location: Location?
    /// The error another library or the system reported, when this one wraps it.
    public let underlying: (any Error & Sendable)?
    /// Further lines that belong to the message (each problem of a corpus that failed to load).
    public let details: [String]

    /// An error.
    public init(_ code: Code, _ message: String, at location: Location? = nil, underlying: (any Error & Sendable)? = nil,
                details: [String] = []) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
        self.details = details
    }

    /// The same error with `context` before its message ("template …").
    public func prefixed(_ context: String) -> DuijieError {
        DuijieError(code, context + " " + message, at: location, underlying: underlying, details: details)
    }

    /// `location: message`, then the details, one per line.
    public var description: String {
        ([location.map { "\($0): \(message)" } ?? message] + details).joined(separator: "\n")
    }
}
