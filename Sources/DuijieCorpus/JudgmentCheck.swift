import DuijieEvaluation
import Foundation

/// Checks a TREC qrels file against a corpus: it must parse, and every query and document it
/// names must be a record of the corpus.
public enum JudgmentCheck {
    /// The outcome of checking one qrels file.
    public struct Report: Sendable {
        /// The judgments, when the file parsed.
        public let qrels: Qrels?
        /// The problems found.
        public let issues: [CorpusIssue]
    }

    /// Checks the qrels file at `path`.
    ///
    /// - Parameters:
    ///   - path: The qrels file.
    ///   - displayName: The name used in messages.
    ///   - corpus: The corpus the ids must belong to.
    public static func check(_ path: String, displayName: String, against corpus: Corpus) -> Report {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Report(qrels: nil, issues: [CorpusIssue(.error, .invalidJudgment, at: nil, field: nil, "\(displayName): cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Report(qrels: nil, issues: [CorpusIssue(.error, .invalidEncoding, at: nil, field: nil, "\(displayName): not valid UTF-8")])
        }
        let qrels: Qrels
        do {
            qrels = try Qrels(parsing: text, fileName: displayName)
        } catch {
            return Report(qrels: nil, issues: [CorpusIssue(.error, .invalidJudgment, at: SourceLocation(file: error.location?.file ?? displayName, line: error.location?.line ?? 0), error.message)])
        }
        var issues: [CorpusIssue] = []
        for query in qrels.queryIDs where corpus.kind(of: query) == nil {
            issues.append(CorpusIssue(.error, .danglingReference, at: nil, field: nil, "\(displayName): query \"\(query)\" is not a record of the corpus"))
        }
        for query in qrels.queryIDs {
            for document in qrels.judgments[query]!.keys.sorted() where corpus.kind(of: document) == nil {
                issues.append(CorpusIssue(.error, .danglingReference, at: nil, field: nil, "\(displayName): document \"\(document)\" (judged for \(query)) is not a record of the corpus"))
            }
        }
        return Report(qrels: qrels, issues: issues)
    }
}
