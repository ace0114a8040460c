import DuijieBase

/// A ranking run in the TREC format: for each query, documents with scores, best first.
///
/// A line is `QUERY Q0 DOCUMENT RANK SCORE TAG`. As trec_eval and ranx do, the order comes from
/// the scores, not the rank column: documents are sorted by score, highest first; equal scores
/// keep the order of the file.
public struct TRECRun: Sendable {
    /// One ranked document.
    public struct Entry: Sendable, Equatable {
        /// The document id.
        public let document: String
        /// Its score.
        public let score: Double

        /// Creates an entry.
        public init(document: String, score: Double) {
            self.document = document
            self.score = score
        }
    }

    /// The run's name (the tag column, or the file name).
    public let name: String
    /// Query id → documents, best first.
    public private(set) var rankings: [String: [Entry]]

    /// Creates a run from rankings, each already best first.
    public init(name: String, rankings: [String: [Entry]]) {
        self.name = name
        self.rankings = rankings
    }

    /// The document ids ranked for `query`, best first (empty when the run has none).
    public func ranking(for query: String) -> [String] {
        (rankings[query] ?? []).map(\.document)
    }

    /// The ids of the queries in the run, sorted.
    public var queryIDs: [String] { rankings.keys.sorted() }

    /// Parses a run file.
    ///
    /// - Throws: `DuijieError` (`invalid-input`, located at the file and line) for the first malformed line or a document ranked twice for one query.
    public init(parsing text: String, name: String) throws(DuijieError) {
        var lists: [String: [(entry: Entry, line: Int)]] = [:]
        var seen: Set<String> = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty { continue }
            guard columns.count == 6 else {
                throw DuijieError.malformedLine(name, lineNumber, "expected 6 columns (query, Q0, document, rank, score, tag), found \(columns.count)")
            }
            guard let score = Double(columns[4]), score.isFinite else {
                throw DuijieError.malformedLine(name, lineNumber, "score \"\(columns[4])\" is not a finite number")
            }
            let query = String(columns[0])
            let document = String(columns[2])
            guard seen.insert(query + "\u{0}" + document).inserted else {
                throw DuijieError.malformedLine(name, lineNumber, "document \(document) is ranked twice for query \(query)")
            }
            lists[query, default: []].append((Entry(document: document, score: score), lineNumber))
        }
        self.name = name
        rankings = lists.mapValues { entries in
            entries.sorted { ($0.entry.score, -$0.line) > ($1.entry.score, -$1.line) }.map(\.entry)
        }
    }

    /// The run as TREC text, queries sorted, ranks from 1.
    public func formatted(tag: String? = nil) -> String {
        var output = ""
        for query in queryIDs {
            for (index, entry) in rankings[query]!.enumerated() {
                output += "\(query) Q0 \(entry.document) \(index + 1) \(entry.score) \(tag ?? name)\n"
            }
        }
        return output
    }
}
