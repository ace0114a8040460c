import DuijieBase
import DuijieJSON
import Foundation
import SystemPackage

/// A query file: one `{"id": …, "text": …}` object per line, the companion of a plain document
/// file for benchmarking (`duijie run`).
public enum QueryFile {
    /// One query.
    public struct Query: Sendable, Equatable {
        /// The query id, as the judgments name it.
        public let id: String
        /// The query text, trimmed: empty when the line's text is blank (`duijie run` warns and
        /// ranks nothing for it); nil only when the file may name records instead (`textRequired` false).
        public let text: String?
        /// Where the query is: the file (as named) and line.
        public let location: SourceLocation
    }

    /// Reads a query file. With `textRequired` false, a line may hold an id alone (a record of
    /// the corpus to rank for). With `textRequired`, a blank `text` is read as empty so that one
    /// empty query does not stop a run over thousands; a missing `text` is an error.
    ///
    /// - Throws: `DuijieError` listing every bad line (file:line: field: message: a missing id or
    ///   text, a repeated id), or when the file cannot be read.
    public static func load(_ path: String, textRequired: Bool = true) throws(DuijieError) -> [Query] {
        let name = FilePath(path).lastComponent?.string ?? path
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        var queries: [Query] = []
        var issues: [CorpusIssue] = []
        var seen: [String: SourceLocation] = [:]
        for line in JSONLinesReader.lines(of: bytes, fileName: name) {
            switch line.object {
            case .failure(let issue): issues.append(issue)
            case .success(let members):
                var reader = RecordReader(object: members, location: line.location)
                let id = reader.identifier("id") ?? ""
                let text: String?
                if !textRequired {
                    text = reader.string("text")
                } else if isBlankString(members, "text") {
                    text = reader.string("text") ?? ""  // read (nil, as blank), so the key is not reported unknown
                } else {
                    text = reader.requiredString("text")
                }
                reader.finish()
                if let first = seen[id] { reader.error("id", "duplicate query id \"\(id)\", first at \(first)", code: .duplicateID) }
                issues += reader.issues.filter { $0.severity == .error }
                if !reader.hasErrors {
                    seen[id] = line.location
                    queries.append(Query(id: id, text: text, location: line.location))
                }
            }
        }
        if !issues.isEmpty { throw DuijieError(.invalidInput, "\(path): \(issues.count) bad query line(s)", issues: issues) }
        return queries
    }

    /// Whether member `key` is a string of white space alone (or empty).
    private static func isBlankString(_ members: [(key: String, value: JSONValue)], _ key: String) -> Bool {
        guard case .string(let text)? = members.first(where: { $0.key == key })?.value else { return false }
        return text.trimmingWhitespace.isEmpty
    }
}
