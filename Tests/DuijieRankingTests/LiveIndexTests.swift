import DuijieBase
@testable import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
import DuijieVectors
import Foundation
import Testing

/// The live index: updates committed as segments, seen by the next load, merged into a base
/// that ranks exactly as a full rebuild of the same records.
@Suite(.serialized) struct LiveIndexTests {
    /// The demo corpus without its last `held` achievements and demands, indexed; the held-back
    /// lines are returned as a file of additions.
    static func partialIndex(holdingBack held: Int = 5) throws -> (directory: TemporaryDirectory, index: String, additions: String) {
        let directory = TemporaryDirectory()
        let corpus = directory.path + "/part"
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        var additions: [String] = []
        for kind in [RecordKind.achievement, .demand] {
            let path = corpus + "/" + kind.fileName
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            try (lines.dropLast(held).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            additions += lines.suffix(held).map { "{\"recordKind\":\"\(kind.rawValue)\"," + $0.dropFirst() }
        }
        let loaded = try CorpusLoader.loadValidated(corpus).corpus
        let recommender = try Recommender(corpus: loaded, analyzer: try TextResources.makeAnalyzer(), lsaDimensions: 64)
        let index = directory.path + "/part.index"
        try RecommenderIndex.write(recommender, corpusDirectory: corpus, corpusFingerprint: TextIndex.fingerprint(ofCorpus: corpus), to: index)
        return (directory, index, directory.write("additions.jsonl", additions.joined(separator: "\n") + "\n"))
    }

    static func topTen(_ recommender: Recommender, demands: [String]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: demands.map { ($0, (recommender.recommend(for: $0, target: .achievement, top: 10) ?? []).map(\.id)) })
    }

    @Test func anAddedRecordIsServedAndAMergeRanksExactlyAsAFullRebuild() throws {
        let (directory, index, additions) = try Self.partialIndex()
        _ = directory
        let summary = try LiveIndex.update(index, with: { var c = RecordChanges(); c.additions = try RecordChanges.additions(fromFile: additions); return c }())
        #expect(summary.generation == 1 && summary.added == 10 && summary.changed == 0 && !summary.merged)
        let updated = try LiveIndex.open(index)
        let full = DemoRecommender.shared.recommender
        #expect(updated.generation == 1 && updated.segmentCount == 1 && updated.updatedRecords == 10)
        #expect(updated.recommender.corpus.achievements.map(\.id) == full.corpus.achievements.map(\.id))
        // Every demand, the held-back ones too, ranks before the merge close to a full rebuild
        // (measured on this split: mean top-10 overlap 0.969; the bound is the 0.95).
        let demands = full.corpus.demands.map(\.id)
        let expected = Self.topTen(full, demands: demands)
        let before = Self.topTen(updated.recommender, demands: demands)
        let overlap = demands.map { Double(Set(expected[$0]!).intersection(before[$0]!).count) / 10 }.reduce(0, +) / Double(demands.count)
        #expect(overlap >= 0.95, "top-10 overlap with a full rebuild before the merge: \(overlap)")
        // After the merge: the same rankings as the full rebuild, score for score.
        let merged = try LiveIndex.merge(index)
        #expect(merged == (1, true))
        let after = try LiveIndex.open(index)
        #expect(after.generation == 1 && after.segmentCount == 0)
        for demand in demands {
            #expect(RecommenderIndexTests.summary(after.recommender.recommend(for: demand, target: .achievement, top: 10))
                == RecommenderIndexTests.summary(full.recommend(for: demand, target: .achievement, top: 10)), "\(demand)")
        }
        #expect(!FileManager.default.fileExists(atPath: index + ".live") && !FileManager.default.fileExists(atPath: index + ".seg-1"))
    }

    @Test func aDocumentWeightedAgainGetsTheBuildsWeightsBitForBit() throws {
        // Row 3 is analyzed and weighted anew with the base's statistics; its postings must be
        // the build's own, bit for bit (the same formulas and rounding), and its folded-in LSA
        // vector the build's up to float rounding (A·V by sgemm against a sum here).
        let base = DemoRecommender.shared.recommender.achievements
        let ids = base.documentIDs
        let achievements = DemoRecommender.shared.corpus.achievements
        let (again, newVectors) = base.updated(ids: ids, baseRows: ids.indices.map { $0 == 3 ? nil : $0 }, document: { IndexedDocument(achievements[$0]) })
        #expect(newVectors.keys.sorted() == [3])
        #expect(again.postings == base.postings)
        #expect(again.terms.statistics.terms == base.terms.statistics.terms)
        let k = base.semanticModel!.dimensions
        let original = base.semanticModel!.documentVectors.elements[3 * k..<4 * k]
        let folded = again.semanticModel!.documentVectors.elements[3 * k..<4 * k]
        #expect(zip(original, folded).reduce(Float(0)) { $0 + $1.0 * $1.1 } > 0.9999)
    }

    @Test func aChangedRecordIsFoundByItsNewWordsAndARemovedOneIsGone() throws {
        let (directory, index, _) = try Self.partialIndex(holdingBack: 0)
        let corpus = try LiveIndex.open(index).recommender.corpus
        let changedID = corpus.achievements[0].id, removedID = corpus.achievements[1].id
        let owner = corpus.achievements[1].owner!
        let replacement = "{\"id\":\"\(changedID)\",\"title\":\"钙钛矿量子点荧光防伪油墨\",\"keywords\":[\"量子点\",\"防伪\"],\"owner\":\"\(corpus.achievements[0].owner!)\"}"
        let file = directory.write("achievements.jsonl", replacement + "\n")
        var changes = RecordChanges()
        changes.additions = try RecordChanges.additions(fromFile: file)
        changes.removals = [removedID]
        let summary = try LiveIndex.update(index, with: changes)
        #expect(summary.added == 0 && summary.changed == 1 && summary.removed == 1)
        let live = try LiveIndex.open(index).recommender
        #expect(live.corpus.achievement(removedID) == nil && live.recommend(for: removedID, target: .demand, top: 5) == nil)
        #expect(live.corpus.achievements.last?.id == changedID)
        // 钙钛 and 荧光 may be new terms: they get an idf and find the record.
        #expect(live.recommend(text: "钙钛矿量子点荧光油墨", target: .achievement, top: 1).first?.id == changedID)
        #expect(!live.recommend(text: corpus.achievements[1].title, target: .achievement, top: 20).map(\.id).contains(removedID))
        // The owner's profile no longer lists the removed achievement.
        #expect(!(live.profileSources.text(of: owner) ?? "").contains(corpus.achievements[1].title))
    }

    @Test func badChangesAreLocatedAndLeaveTheIndexAsItWas() throws {
        let (directory, index, _) = try Self.partialIndex(holdingBack: 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        // Line 2 names an owner that does not exist; line 1 is fine.
        let file = directory.write("new.jsonl", """
            {"recordKind":"achievement","id":"A-NEW-1","title":"海水淡化反渗透膜抗污染涂层"}
            {"recordKind":"achievement","id":"A-NEW-2","title":"深海网箱","owner":"I-NOWHERE"}

            """)
        var changes = RecordChanges()
        changes.additions = try RecordChanges.additions(fromFile: file)
        #expect {
            try LiveIndex.update(index, with: changes)
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(file):2") && text.contains("I-NOWHERE") && text.contains("nothing was changed")
        }
        var removal = RecordChanges()
        removal.removals = ["A-DOES-NOT-EXIST"]
        #expect(throws: DuijieError.self) { try LiveIndex.update(index, with: removal) }
        // An institution that owns achievements cannot go alone: the records naming it say so.
        let owner = try LiveIndex.open(index).recommender.corpus.achievements[0].owner!
        removal.removals = [owner]
        #expect {
            try LiveIndex.update(index, with: removal)
        } throws: { error in "\(error)".contains(owner) && "\(error)".contains("in the index") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(!FileManager.default.fileExists(atPath: index + ".live"))
        #expect(try LiveIndex.open(index).generation == 0)
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws {
        let (directory, index, additions) = try Self.partialIndex(holdingBack: 1)
        _ = directory
        let first = try WriterLock(index: index)
        var changes = RecordChanges()
        changes.additions = try RecordChanges.additions(fromFile: additions)
        #expect {
            try LiveIndex.update(index, with: changes)
        } throws: { error in "\(error)".contains("another duijie is updating or merging this index") }
        withExtendedLifetime(first) {}
    }

    @Test func aFreshBuildDiscardsTheUpdatesOfTheFileItReplaces() throws {
        let (directory, index, additions) = try Self.partialIndex(holdingBack: 2)
        var changes = RecordChanges()
        changes.additions = try RecordChanges.additions(fromFile: additions)
        _ = try LiveIndex.update(index, with: changes)
        #expect(try LiveIndex.open(index).generation == 1)
        let corpus = directory.path + "/part"
        let fresh = try Recommender(corpus: try CorpusLoader.loadValidated(corpus).corpus, analyzer: try TextResources.makeAnalyzer(), lsaDimensions: 64)
        try RecommenderIndex.write(fresh, corpusDirectory: corpus,
                                   corpusFingerprint: TextIndex.fingerprint(ofCorpus: corpus), to: index)
        #expect(!FileManager.default.fileExists(atPath: index + ".live") && !FileManager.default.fileExists(atPath: index + ".seg-1"))
        #expect(try LiveIndex.open(index).recommender.corpus.achievements.count == DemoRecommender.shared.corpus.achievements.count - 2)
    }

    @Test func fromCorpusAppliesExactlyTheDifference() throws {
        let (directory, index, _) = try Self.partialIndex()
        _ = directory
        let changes = try LiveIndex.changes(toMatch: RepositoryFiles.demoCorpus, index: index)
        #expect(changes.additions.count == 10 && changes.removals.isEmpty)
        _ = try LiveIndex.update(index, with: changes, corpus: (RepositoryFiles.demoCorpus, TextIndex.fingerprint(ofCorpus: RepositoryFiles.demoCorpus)))
        #expect(try LiveIndex.changes(toMatch: RepositoryFiles.demoCorpus, index: index).isEmpty)
        let provenance = try RecommenderIndex.provenance(index)
        #expect(provenance.corpusFingerprint == TextIndex.fingerprint(ofCorpus: RepositoryFiles.demoCorpus) && !provenance.corpusChanged)
    }
}

/// The in-memory handle a server keeps: snapshots swap whole, old ones stay usable.
@Suite(.serialized) struct LiveRecommenderTests {
    @Test func queriesKeepTheirSnapshotWhileAnUpdateSwapsInTheNext() throws {
        let (directory, index, additions) = try LiveIndexTests.partialIndex(holdingBack: 2)
        let live = try LiveRecommender(path: index)
        let old = live.snapshot
        #expect(old.generation == 0)
        var changes = RecordChanges()
        changes.additions = try RecordChanges.additions(fromFile: additions)
        let summary = try live.update(changes)
        #expect(summary.generation == 1 && live.snapshot.generation == 1)
        // The old snapshot is whole and unchanged; the new one serves the added records.
        let added = changes.additions.filter { $0.kind == .achievement }.map { CorpusLines.key(ofCanonical: $0.line, kind: .achievement) }
        #expect(added.count == 2 && added.allSatisfy { old.recommender.corpus.achievement($0) == nil && live.snapshot.recommender.corpus.achievement($0) != nil })
        // Nothing changed on disk: no reload. Another writer's merge: the next refresh serves it.
        #expect(try live.refresh() == false)
        _ = try LiveIndex.merge(index)
        #expect(try live.refresh() == true)
        #expect(live.snapshot.generation == 1 && live.snapshot.segmentCount == 0)
        #expect(RecommenderIndexTests.summary(live.snapshot.recommender.recommend(for: "D-1012", target: .achievement, top: 10)).count == 10)
        _ = directory
    }
}
