import DuijieBase

/// Relevance judgments in the TREC qrels format: for each query, a graded judgment per document.
///
/// A qrels line is `QUERY ITERATION DOCUMENT GRADE`, separated by white space; the iteration
/// column is ignored, as trec_eval does. Grades are integers; 0 (or below) means judged not
/// relevant.
public struct Qrels: Sendable, Equatable {
    /// Judgments: query id → document id → grade.
    public private(set) var judgments: [String: [String: Int]]

    /// Creates an empty set of judgments.
    public init() {
        judgments = [:]
    }

    /// Records a judgment, replacing an earlier one for the same query and document.
    public mutating func setGrade(_ grade: Int, query: String, document: String) {
        judgments[query, default: [:]][document] = grade
    }

    /// The grade of `document` for `query`, or `nil` when it was not judged.
    public func grade(query: String, document: String) -> Int? {
        judgments[query]?[document]
    }

    /// The ids of the judged queries, sorted.
    public var queryIDs: [String] { judgments.keys.sorted() }

    /// The number of judgments over all queries.
    public var count: Int { judgments.values.reduce(0) { $0 + $1.count } }

    /// Parses qrels text.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - fileName: The name used in error messages.
    /// - Throws: `DuijieError` (`invalid-input`, located at the file and line) for the first malformed line, a repeated judgment, or a
    ///   non-integer grade.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, fileName: String = "qrels") throws(DuijieError) {
        self.init()
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty { continue }
            guard columns.count == 4 else {
                throw DuijieError.malformedLine(fileName, lineNumber, "expected 4 columns (query, iteration, document, grade), found \(columns.count)")
            }
            guard let grade = Int(columns[3]) else {
                throw DuijieError.malformedLine(fileName, lineNumber, "grade \"\(columns[3])\" is not an integer")
            }
            let query = String(columns[0])
            let document = String(columns[2])
            if self.grade(query: query, document: document) != nil {
                throw DuijieError.malformedLine(fileName, lineNumber, "document \(document) is judged twice for query \(query)")
            }
            setGrade(grade, query: query, document: document)
        }
    }

    /// The qrels text: one line per judgment, sorted by query then document.
    public var formatted: String {
        var output = ""
        for query in queryIDs {
            for (document, grade) in judgments[query]!.sorted(by: { $0.key < $1.key }) {
                output += "\(query) 0 \(document) \(grade)\n"
            }
        }
        return output
    }
}

extension DuijieError {
    /// A malformed line of a TREC qrels or run file: `invalid-input`, located at the file and line.
    static func malformedLine(_ file: String, _ line: Int, _ message: String) -> DuijieError {
        DuijieError(.invalidInput, message, at: Location(file: file, line: line))
    }
}
