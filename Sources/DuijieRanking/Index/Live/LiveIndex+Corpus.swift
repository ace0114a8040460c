import DuijieBase
import DuijieCorpus
import SystemPackage

extension LiveIndex {
    /// The changes that make the live records of the index at `path` those of the corpus
    /// directory `directory`: records it lacks are added, records that differ are replaced,
    /// records the corpus no longer has are removed (relations, which have no id, are compared
    /// whole). Records are compared with their references resolved, so a corpus that names an
    /// organisation instead of giving its id is no change.
    ///
    /// - Throws: `DuijieError` when the corpus or the index cannot be loaded.
    public static func changes(toMatch directory: String, index path: String) throws -> RecordChanges {
        let current = try read(path, sharedWords: false, keepingLines: false, indexes: false).corpus
        let target = try CorpusLoader.loadValidated(directory).corpus
        var changes = RecordChanges()
        for kind in RecordKind.allCases {
            let currentKeys = CorpusLines.keys(of: kind, in: current)
            let targetKeys = CorpusLines.keys(of: kind, in: target)
            let location = { (index: Int) in SourceLocation(file: FilePath(directory).appending(kind.fileName).string, line: index + 1) }
            if kind == .relation {
                var remaining: [String: Int] = [:]
                for key in currentKeys { remaining[key, default: 0] += 1 }
                for (index, key) in targetKeys.enumerated() {
                    if let count = remaining[key], count > 0 {
                        remaining[key] = count - 1
                    } else {
                        changes.additions.append(.init(kind: kind, line: Array(key.utf8), location: location(index)))
                    }
                }
                for key in currentKeys.sorted() where (remaining[key] ?? 0) > 0 {
                    changes.relationRemovals.append(key)
                    remaining[key]! -= 1
                }
                continue
            }
            let currentIndex = Dictionary(currentKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let targetSet = Set(targetKeys)
            for (index, key) in targetKeys.enumerated() {
                let line = CorpusLines.canonicalLine(of: kind, at: index, in: target)
                if let at = currentIndex[key], CorpusLines.canonicalLine(of: kind, at: at, in: current) == line { continue }
                changes.additions.append(.init(kind: kind, line: line, location: location(index)))
            }
            changes.removals += currentKeys.filter { !targetSet.contains($0) }
        }
        return changes
    }
}
