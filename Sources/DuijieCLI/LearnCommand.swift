import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import DuijieRanking
import DuijieServer
import DuijieWorkspace
import Foundation

/// `duijie learn`: refits the recommender's weights on a workspace's outcomes and adopts them
/// only when they rank held-out feedback better.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Refit the recommender's weights on the workspace's outcomes; adopt them only when better on held-out feedback.",
        discussion: """
        The outcomes are the judgments of `duijie feedback export` (signed 3, negotiating 2, met \
        or contacted 1, no deal 0; event meetings by their ratings), one direction per target. Judged queries are dealt into \
        folds; weights fitted on the other folds (coordinate ascent on nDCG@10, from the current \
        weights) rank each fold, so every query is scored by weights that never saw it. The \
        learned weights are adopted when the 95% bootstrap interval of the per-query difference \
        against the current weights lies above 0 (with at least 10 judged queries); otherwise the \
        command says why not. Every run is kept in the workspace (`duijie workspace weights` lists \
        them) and the \
        server ranks by the newest adopted weights.
        Examples:
          duijie learn demo.sqlite --corpus Corpus/demo
          duijie learn demo.sqlite --index demo.index --target achievement --dry-run
          duijie workspace weights demo.sqlite
        """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable { case zh, en }

    @Argument(help: "The workspace file.") var workspace: String
    @OptionGroup var source: RecommenderSource
    @OptionGroup var analysis: AnalysisOptions
    @Option(help: "Only this target (achievement, expert, institution, demand, enterprise); every target the cases have without it.")
    var target: RecommendationTarget?
    @Option(help: "Folds of the cross-validation.") var folds = 5
    @Option(help: "Seed of the deal into folds and of the bootstrap.") var seed: UInt64 = 7
    @Flag(help: "Report what learning finds without adopting or recording it.") var dryRun = false
    @Option(help: "zh or en: the report's language.") var language: Language = .zh

    func validate() throws {
        guard (2...20).contains(folds) else { throw ValidationError("--folds must be 2…20") }
    }

    func run() throws {
        let workspace = try Workspace(existing: workspace)
        let words = LearnReport(chinese: language == .zh)
        let targets = try target.map { [$0] } ?? workspace.caseTargets().compactMap(RecommendationTarget.init(rawValue:))
        guard !targets.isEmpty else { throw DuijieError(.invalidInput, "\(self.workspace): no case has judged results to learn from") }
        let recommender = try source.makeRecommender(analysis: analysis)
        let learned = try workspace.learnedWeights()
        for target in targets {
            let feedback = try workspace.outcomeFeedback(target: target.rawValue)
            var qrels = Qrels()
            for judgment in feedback.judgments { qrels.setGrade(judgment.grade, query: judgment.query, document: judgment.record) }
            let current = learned[target]
            let outcome = FeedbackLearning.learn(recommender, qrels: qrels, target: target,
                                                 current: current?.weights ?? .defaults(for: target), folds: folds, seed: seed)
            let features = recommender.configuration.features
            var fit = WeightsFit(target: target.rawValue, weights: JSONWriter.string(outcome.learned.jsonValue(features: features)),
                                 previousWeights: JSONWriter.string(outcome.current.jsonValue(features: features)),
                                 queries: outcome.queries, judgments: feedback.judgments.count, folds: outcome.folds, seed: Int64(bitPattern: seed),
                                 currentNDCG: outcome.currentNDCG.mean, heldOutNDCG: outcome.heldOutNDCG.mean,
                                 differenceLower: outcome.difference.lower, differenceUpper: outcome.difference.upper, pValue: outcome.pValue,
                                 adopted: outcome.isBetter && !dryRun, reason: LearnReport(chinese: false).reason(outcome), corpus: source.location.name)
            if !dryRun { fit = try workspace.recordWeightsFit(fit) }
            print(words.report(outcome, judgments: feedback.judgments.count, currentFit: current?.fit.id, saved: dryRun ? nil : fit, features: features),
                  terminator: "")
        }
    }
}

/// `duijie workspace weights`: the learning runs of a workspace and whether each was adopted.
struct WorkspaceWeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "List the workspace's learning runs (`duijie learn`): when, what they reached, whether adopted, the weights."
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Option(help: "zh or en: the list's language.") var language: LearnCommand.Language = .zh

    func run() throws {
        print(LearnReport(chinese: language == .zh).history(try Workspace(existing: workspace).weightsFits()), terminator: "")
    }
}
