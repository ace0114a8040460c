import DuijieBase
import DuijieCorpus
import DuijieVectors
import Foundation
import SystemPackage

extension LiveIndex {
    /// What an update committed.
    public struct UpdateSummary: Sendable, Equatable {
        /// The generation committed (the previous one when nothing changed).
        public let generation: Int
        /// Records added, replaced and removed.
        public let added: Int, changed: Int, removed: Int
        /// The share of live records that came from segments after the update.
        public let updatedShare: Double
        /// Whether the update merged the index afterwards.
        public let merged: Bool
        /// What looked wrong in the added records without stopping them (an unknown key, a
        /// thin record), each at the line of the file it came from.
        public var warnings: [CorpusIssue] = []
    }

    /// The share of live records held in segments above which `update` merges on its own.
    public static let defaultMergeShare = 0.10

    /// Applies `changes` to the index at `path` as one new generation: checks them against
    /// the live records (every problem located in the file the change came from), writes a
    /// segment, and commits it. Merges afterwards when segments hold more than `mergeShare`
    /// of the live records.
    ///
    /// - Parameters:
    ///   - corpus: The corpus directory the changes were taken from, and its fingerprint,
    ///     recorded as the index's provenance.
    /// - Throws: `DuijieError` when another writer holds the index, a removed id is not in it,
    ///   an id is added twice, the records do not load (each problem with its file and line),
    ///   or the files cannot be written; the index is then unchanged.
    public static func update(_ path: String, with changes: RecordChanges, corpus: (directory: String, fingerprint: String)? = nil,
                              mergeShare: Double = defaultMergeShare, parallelism: Parallelism = .automatic) throws -> UpdateSummary {
        let lock = try WriterLock(index: path)
        defer { withExtendedLifetime(lock) {} }
        // The records are all an update needs: it never builds the recommender.
        let current = try read(path, sharedWords: false, keepingLines: true, indexes: false)
        guard current.base.keepsTextNeighbors else {
            throw DuijieError.index(path, "written by a duijie that did not keep text neighbours, so it cannot be updated; rebuild it with `duijie index`")
        }
        removeLeftovers(of: path, keeping: current.manifest)
        guard !changes.isEmpty else {
            let counts = current.lines!.counts
            return UpdateSummary(generation: current.generation, added: 0, changed: 0, removed: 0,
                                 updatedShare: share(counts.updated, of: counts.records), merged: false)
        }
        let corpusNow = current.corpus
        let generation = current.generation + 1
        var segment = Segment(generation: generation)
        var seen: [String: SourceLocation] = [:]
        var added = 0, changed = 0
        for addition in changes.additions {
            let key = CorpusLines.key(ofCanonical: addition.line, kind: addition.kind)
            if addition.kind != .relation {
                if let first = seen[key] {
                    throw DuijieError(.invalidInput, "\(addition.location): \(key) is added twice (first at \(first))")
                }
                seen[key] = addition.location
            }
            if addition.kind != .relation, corpusNow.kind(of: key) == addition.kind {
                segment.removed[addition.kind, default: []].append(key)
                changed += 1
            } else {
                added += 1
            }
            segment.appended[addition.kind, default: []].append(addition.line)
        }
        for id in changes.removals {
            guard let kind = corpusNow.kind(of: id) else { throw DuijieError(.invalidInput, "\(path): \(id) is not in the index; nothing was changed") }
            guard seen[id] == nil else { throw DuijieError(.invalidInput, "\(id) is both added and removed; nothing was changed") }
            segment.removed[kind, default: []].append(id)
        }
        if !changes.relationRemovals.isEmpty { segment.removed[.relation, default: []] += changes.relationRemovals }
        // The records must load with the live ones; appended lines are then stored canonical.
        var lines = current.lines!.rebased()
        try lines.apply(segment, name: path)
        let checked = lines.load(from: corpusNow, name: path)
        if checked.hasErrors {
            let located = checked.errors.map { locate($0, lines: lines, segment: segment, additions: changes.additions) }
            throw DuijieError(.invalidInput, "\(path): the changes do not fit the index's records (\(located.count) error(s)); nothing was changed", issues: located)
        }
        for kind in RecordKind.allCases {
            guard let appended = segment.appended[kind], !appended.isEmpty else { continue }
            let count = checked.corpus.count(of: kind)
            segment.appended[kind] = (count - appended.count..<count).map { CorpusLines.canonicalLine(of: kind, at: $0, in: checked.corpus) }
        }
        let removed = changes.removals.count + changes.relationRemovals.count
        let name = LiveManifest.segmentName(of: path, generation: generation)
        try segment.write(to: LiveManifest.segmentPath(name, of: path))
        let identity = current.base.identity
        var manifest = LiveManifest(baseIdentity: identity, generation: generation, segments: (current.manifest?.segments ?? []) + [name],
                                    corpusDirectory: current.manifest?.corpusDirectory, corpusFingerprint: current.manifest?.corpusFingerprint)
        if let corpus {
            manifest.corpusDirectory = RecommenderIndex.absolute(corpus.directory)
            manifest.corpusFingerprint = corpus.fingerprint
        }
        try manifest.write(index: path)  // the commit
        // `lines` kept which lines came from segments (rebasing keeps the flag), so its counts are the new generation's.
        let updatedShare = share(lines.counts.updated, of: lines.counts.records)
        var merged = false
        if updatedShare > mergeShare {
            _ = try merge(path, holding: lock, parallelism: parallelism)
            merged = true
        }
        var summary = UpdateSummary(generation: generation, added: added, changed: changed, removed: removed, updatedShare: updatedShare, merged: merged)
        // The warnings of the added records only (those of the records already in the index were said when they came in).
        let firstAppended = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind.fileName, (lines.lines[kind]?.count ?? 0) - (segment.appended[kind]?.count ?? 0))
        })
        summary.warnings = checked.warnings.filter { issue in
            guard let location = issue.location, let first = firstAppended[location.file] else { return false }
            return location.line > first
        }.map { locate($0, lines: lines, segment: segment, additions: changes.additions) }
        return summary
    }

    static func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    /// Places a load error of the live records: on an added line, at the line of the file it
    /// came from; on a record already in the index, at that record in the index.
    private static func locate(_ issue: CorpusIssue, lines: CorpusLines, segment: Segment, additions: [RecordChanges.Addition]) -> CorpusIssue {
        guard let location = issue.location, let kind = RecordKind.allCases.first(where: { $0.fileName == location.file }) else { return issue }
        let total = lines.lines[kind]?.count ?? 0
        let appended = segment.appended[kind]?.count ?? 0
        var placed = issue
        let position = location.line - (total - appended)  // 1-based among the appended lines
        if position >= 1 {
            let ofKind = additions.filter { $0.kind == kind }
            if position <= ofKind.count { placed.location = ofKind[position - 1].location }
        } else if let key = lines.lines[kind]?[location.line - 1].key {
            placed.location = nil
            placed.message = "\(kind.rawValue) \(key) in the index: " + issue.message
        }
        return placed
    }

    /// Removes what interrupted writers left: segments the manifest does not name, a manifest
    /// of an older base, temporary files. Only a writer holding the lock calls it.
    static func removeLeftovers(of path: String, keeping manifest: LiveManifest?) {
        let folder = FilePath(path).removingLastComponent()
        let directory = folder.string.isEmpty ? "." : folder.string
        let prefix = LiveManifest.segmentName(of: path, generation: 0).dropLast(1)  // "FILE.seg-"
        let kept = Set(manifest?.segments ?? [])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) && !kept.contains(name) {
            try? FileManager.default.removeItem(atPath: FilePath(directory).appending(name).string)
        }
        if manifest == nil { try? FileManager.default.removeItem(atPath: LiveManifest.path(of: path)) }
        let base = FilePath(path).lastComponent?.string ?? path
        let next = LiveManifest.segmentName(of: path, generation: (manifest?.generation ?? 0) + 1)
        for name in [base, base + ".live", next] { TemporaryFiles.removeStale(of: name, in: directory) }
    }
}
