import DuijieBase
import DuijieCorpus
import DuijieRanking
import Foundation

/// A corpus split for the live-index benchmark: a base corpus directory without the last share
/// of achievements and demands, and those records as additions.
struct LiveBenchSplit {
    /// The base corpus directory.
    let baseCorpus: String
    /// The held-back records, as additions.
    let held: [RecordChanges.Addition]
    /// The full corpus's achievement count.
    let achievements: Int
    private let baseAchievementIDs: [String]
    private let demandIDs: [String]

    init(corpus: String, share: Double, folder: String) throws {
        baseCorpus = folder + "/base-corpus"
        try FileManager.default.copyItem(atPath: corpus, toPath: baseCorpus)
        var held: [RecordChanges.Addition] = []
        var achievements = 0
        for kind in [RecordKind.achievement, .demand] {
            let path = baseCorpus + "/" + kind.fileName
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            if kind == .achievement { achievements = lines.count }
            let keep = lines.count - Int((Double(lines.count) * share).rounded())
            try (lines[..<keep].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            held += lines[keep...].enumerated().map { offset, line in
                RecordChanges.Addition(kind: kind, line: Array(line.utf8), location: SourceLocation(file: kind.fileName, line: keep + offset + 1))
            }
        }
        // Relations that name a held-back record are held back with it.
        let heldIDs = Set(held.compactMap { addition -> String? in
            (try? JSONSerialization.jsonObject(with: Data(addition.line)) as? [String: Any])?["id"] as? String
        })
        let relations = baseCorpus + "/" + RecordKind.relation.fileName
        if FileManager.default.fileExists(atPath: relations) {
            var kept: [Substring] = []
            for (offset, line) in try String(contentsOfFile: relations, encoding: .utf8).split(separator: "\n").enumerated() {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if let from = object?["from"] as? String, let to = object?["to"] as? String, heldIDs.contains(from) || heldIDs.contains(to) {
                    held.append(RecordChanges.Addition(kind: .relation, line: Array(line.utf8), location: SourceLocation(file: RecordKind.relation.fileName, line: offset + 1)))
                } else {
                    kept.append(line)
                }
            }
            try (kept.joined(separator: "\n") + "\n").write(toFile: relations, atomically: true, encoding: .utf8)
        }
        self.held = held
        self.achievements = achievements
        let loaded = try CorpusLoader.loadValidated(corpus).corpus
        demandIDs = loaded.demands.map(\.id)
        let base = try CorpusLoader.loadValidated(baseCorpus).corpus
        // Achievements nothing else refers to (no relation names them), so removing them alone is valid.
        let referenced = Set(base.relations.flatMap { [$0.from, $0.to] })
        baseAchievementIDs = base.achievements.map(\.id).filter { !referenced.contains($0) }
    }

    /// `count` demands of the full corpus, drawn with a fixed seed.
    func queries(_ count: Int) -> [String] {
        var random = SplitMix64(seed: 20261207)
        return (0..<count).map { _ in demandIDs[random.nextIndex(below: demandIDs.count)] }
    }

    /// `count` base achievements that can be removed alone, spread over the corpus.
    func removable(_ count: Int) -> [String] {
        let step = max(1, baseAchievementIDs.count / max(count, 1))
        return Array(stride(from: 0, to: baseAchievementIDs.count, by: step).map { baseAchievementIDs[$0] }.prefix(count))
    }
}
