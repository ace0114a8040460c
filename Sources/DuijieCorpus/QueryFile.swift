import DuijieBase
import Foundation
import SystemPackage

/// A query file: one `{"id": …, "text": …}` object per line, the companion of a plain document
/// file for benchmarking (`duijie run`).
public enum QueryFile {
    /// One query.
    public struct Query: Sendable, Equatable {
        /// The query id, as the judgments name it.
        public let id: String
        /// The query text (nil only when the file may name records instead: `textRequired` false).
        public let text: String?
    }

    /// Reads a query file. With `textRequired` false, a line may hold an id alone (a record of
    /// the corpus to rank for).
    ///
    /// - Throws: `DuijieError` listing every bad line (file:line: field: message), or when the
    ///   file cannot be read.
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
                let text = textRequired ? reader.requiredString("text") : reader.string("text")
                reader.finish()
                if let first = seen[id] { reader.error("id", "duplicate query id \"\(id)\", first at \(first)", code: .duplicateID) }
                issues += reader.issues.filter { $0.severity == .error }
                if !reader.hasErrors {
                    seen[id] = line.location
                    queries.append(Query(id: id, text: text))
                }
            }
        }
        if !issues.isEmpty { throw DuijieError(.invalidInput, "\(path): \(issues.count) bad query line(s)", issues: issues) }
        return queries
    }
}
