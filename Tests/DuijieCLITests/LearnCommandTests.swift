import DuijieRanking
import DuijieServer
import DuijieTestSupport
import DuijieWorkspace
import Foundation
import Testing

/// `duijie learn`: weights refitted on a workspace's outcomes, adopted only when better on
/// held-out feedback, every run kept.
@Suite struct LearnCommandTests {
    /// A workspace whose cases hold a simulated history (see `SimulatedOutcomes`): one case per
    /// demand with its 20 shortlisted achievements, each set to the status of its grade.
    static func workspace(in directory: TemporaryDirectory, preferringNearby: Bool) throws -> String {
        let path = directory.path + "/ws.sqlite"
        let workspace = try Workspace(path: path)
        let wang = try workspace.addUser(login: "wang", role: .broker, password: "correct horse", cost: 4)
        let access = Access(user: wang, demandOwners: [:])
        let history = SimulatedOutcomes.history(DemoRecommender.shared.recommender, demands: 60, preferringNearby: preferringNearby)
        let statuses: [Int: ResultStatus] = [3: .signed, 2: .negotiating, 1: .meeting, 0: .noDeal]
        for demand in Set(history.map(\.demand)).sorted() {
            let outcomes = history.filter { $0.demand == demand }
            let results = outcomes.enumerated().map { SavedResult(rank: $0.offset + 1, recordID: $0.element.achievement, name: "", score: 0, shown: "{}") }
            let saved = try workspace.createCase(NewCase(title: demand, sourceID: demand, target: "achievement", confidential: false, results: results),
                                                 access: access)
            for outcome in outcomes {
                try workspace.setStatus(caseID: saved.id, recordID: outcome.achievement, to: statuses[outcome.grade]!,
                                        reason: outcome.grade == 0 ? "技术路线不符" : "", access: access)
            }
        }
        return path
    }

    @Test func aHiddenPreferenceIsLearnedAdoptedAndKept() throws {
        let directory = TemporaryDirectory()
        let path = try Self.workspace(in: directory, preferringNearby: true)
        let run = try CommandRunner.run(["learn", path, "--corpus", RepositoryFiles.demoCorpus, "--language", "en"])
        #expect(run.status == 0, "\(run.standardError)")
        print("LearnCommandTests, a history preferring nearby suppliers:\n" + run.standardOutput)
        #expect(run.standardOutput.contains("Target achievement: 60 judged queries, 1200 judgments; 5-fold cross-validation"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("current (shipped)") && run.standardOutput.contains("Adopted as fit 1"))
        #expect(run.standardOutput.contains("region 0 → "))
        let workspace = try Workspace(existing: path)
        let learned = try #require(try workspace.learnedWeights()[.achievement])
        #expect(learned.weights.features.region > 0.1 && learned.fit.heldOutNDCG > learned.fit.currentNDCG)
        #expect(learned.fit.differenceLower > 0 && learned.fit.corpus == RepositoryFiles.demoCorpus)

        // Again, as a dry run: it starts from fit 1 and records nothing.
        let again = try CommandRunner.run(["learn", path, "--corpus", RepositoryFiles.demoCorpus, "--dry-run", "--language", "en"])
        #expect(again.status == 0 && again.standardOutput.contains("current (fit 1)") && again.standardOutput.contains("Dry run:"))
        #expect(try workspace.weightsFits().count == 1)
        let history = try CommandRunner.run(["workspace", "weights", path])
        #expect(history.status == 0 && history.standardOutput.contains("成果") && history.standardOutput.contains("是"))
    }

    @Test func outcomesNoWeightingPredictsAreRecordedButNotAdopted() throws {
        let directory = TemporaryDirectory()
        let path = try Self.workspace(in: directory, preferringNearby: false)
        let run = try CommandRunner.run(["learn", path, "--corpus", RepositoryFiles.demoCorpus])
        #expect(run.status == 0, "\(run.standardError)")
        print("LearnCommandTests, a history of shuffled outcomes:\n" + run.standardOutput)
        #expect(run.standardOutput.contains("未采用（第 1 次学习已记录）") && run.standardOutput.contains("在留出反馈上未见更好"), "\(run.standardOutput)")
        let workspace = try Workspace(existing: path)
        #expect(try workspace.learnedWeights().isEmpty)
        #expect(try workspace.weightsFits().map(\.adopted) == [false])
    }

    @Test func recommendRanksByTheWeightsAWorkspaceAdopted() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/ws.sqlite"
        let workspace = try Workspace(path: path)
        // An adopted fit that weighs region alone: the ranking must be the library's with those weights.
        try workspace.recordWeightsFit(WeightsFit(target: "achievement", weights: #"{"region":1}"#, previousWeights: "{}", queries: 20, judgments: 80,
                                                  folds: 5, seed: 7, currentNDCG: 0.5, heldOutNDCG: 0.6, differenceLower: 0.05,
                                                  differenceUpper: 0.15, pValue: 0.001, adopted: true, reason: "test", corpus: "demo"))
        let expected = try #require(DemoRecommender.shared.recommender.recommend(
            for: "D-1012", target: .achievement, top: 5, weights: RecommendationWeights(RankingFeatures(region: 1))))
        let run = try CommandRunner.run(["recommend", "D-1012", "--corpus", RepositoryFiles.demoCorpus, "--top", "5", "--format", "trec",
                                         "--learned-from", path])
        #expect(run.status == 0 && run.standardError.contains("learning run 1"), "\(run.standardError)")
        let ids = run.standardOutput.split(separator: "\n").map { String($0.split(separator: " ")[2]) }
        #expect(ids == expected.map(\.id))
        // No adopted weights for experts: the shipped ones, and it says so.
        let experts = try CommandRunner.run(["recommend", "D-1012", "--corpus", RepositoryFiles.demoCorpus, "--target", "expert", "--top", "3",
                                             "--format", "trec", "--learned-from", path])
        #expect(experts.standardError.contains("no adopted weights for expert"))
        #expect(experts.standardOutput.split(separator: "\n").map { String($0.split(separator: " ")[2]) }
                == DemoRecommender.shared.recommender.recommend(for: "D-1012", target: .expert, top: 3)!.map(\.id))
    }

    @Test func aWorkspaceWithoutJudgedCasesIsAnError() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/empty.sqlite"
        _ = try Workspace(path: path)
        let run = try CommandRunner.run(["learn", path, "--corpus", RepositoryFiles.demoCorpus])
        #expect(run.status != 0 && run.standardError.contains("no case has judged results"), "\(run.standardError)")
        let missing = try CommandRunner.run(["learn", path])
        #expect(missing.status != 0 && missing.standardError.contains("--corpus"))
    }
}
