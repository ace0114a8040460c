import DuijieBase
import Foundation
import SystemPackage

/// Loads a plain document file — one `{"id", "title", "text"}` object per line — as a corpus
/// of achievements without metadata. This is how a public dataset becomes a corpus.
enum PlainDocumentLoader {
    static func load(file path: String, options: CorpusLoadOptions) throws(DuijieError) -> CorpusLoadResult {
        let name = FilePath(path).lastComponent?.string ?? path
        let bytes = try CorpusLoader.readBytes(path, displayName: path)
        var issues: [CorpusIssue] = []
        var skipped: [SourceLocation] = []
        var achievements: [Achievement] = []
        var firstSeen: [String: SourceLocation] = [:]
        for line in JSONLinesReader.lines(of: bytes, fileName: name) {
            guard case .success(let members) = line.object else {
                if case .failure(let issue) = line.object { issues.append(issue) }
                skipped.append(line.location)
                continue
            }
            var reader = RecordReader(object: members, location: line.location)
            let id = reader.identifier("id") ?? ""
            let title = reader.string("title")
            let text = reader.string("text")
            if title == nil && text == nil {
                reader.error("text", "a document needs a title or a text", code: .missingField)
            }
            reader.finish()
            if !id.isEmpty, let first = firstSeen[id] {
                reader.error("id", "duplicate id \"\(id)\", first defined at \(first)", code: .duplicateID)
            }
            issues += reader.issues
            if reader.hasErrors {
                if options.skipBadRecords { skipped.append(line.location) }
                continue
            }
            firstSeen[id] = line.location
            achievements.append(Achievement(id: id, title: title ?? "", abstract: text))
        }
        return CorpusLoadResult(corpus: Corpus(achievements: achievements), issues: issues, skippedRecords: skipped)
    }
}
