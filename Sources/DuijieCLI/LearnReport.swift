import DuijieCommandLine
import DuijieRanking
import DuijieWorkspace
import Foundation

/// What `duijie learn` prints, in Chinese or in English (never both in one report).
struct LearnReport {
    let chinese: Bool

    /// A target's name.
    func name(of target: RecommendationTarget) -> String {
        guard chinese else { return target.rawValue }
        switch target {
        case .achievement: return "成果"
        case .expert: return "专家"
        case .institution: return "机构"
        case .demand: return "需求"
        case .enterprise: return "企业"
        }
    }

    /// Why the learned weights were or were not adopted.
    func reason(_ outcome: FeedbackLearning.Outcome) -> String {
        let interval = "\(signed(outcome.difference.lower))…\(signed(outcome.difference.upper))"
        if outcome.queries < FeedbackLearning.minimumQueries {
            return chinese ? "已评判查询只有 \(outcome.queries) 个（至少需要 \(FeedbackLearning.minimumQueries) 个）"
                : "only \(outcome.queries) judged queries (at least \(FeedbackLearning.minimumQueries) needed)"
        }
        if outcome.isBetter {
            return chinese ? "在留出反馈上更好：差值的 95% 区间 \(interval) 全部大于 0"
                : "better on held-out feedback: the difference's 95% interval \(interval) lies above 0"
        }
        return chinese ? "在留出反馈上未见更好：差值的 95% 区间 \(interval) 包含或低于 0"
            : "not better on held-out feedback: the difference's 95% interval \(interval) does not lie above 0"
    }

    /// One target's report: the counts, the three estimates, the changed weights and the decision.
    func report(_ outcome: FeedbackLearning.Outcome, judgments: Int, currentFit: Int64?, saved: WeightsFit?,
                features: [RankingFeatures.Name]) -> String {
        let target = name(of: outcome.target)
        var lines: [String] = []
        lines.append(chinese
            ? "目标 \(target)：已评判查询 \(outcome.queries) 个，评判 \(judgments) 条；\(outcome.folds) 折交叉验证"
            : "Target \(target): \(outcome.queries) judged queries, \(judgments) judgments; \(outcome.folds)-fold cross-validation")
        let currentName = currentFit.map { chinese ? "当前权重（第 \($0) 次学习）" : "current (fit \($0))" } ?? (chinese ? "当前权重（内置）" : "current (shipped)")
        let rows: [[String]] = [
            ["", "nDCG@10", chinese ? "95% 区间" : "95% interval"],
            [currentName, decimal(outcome.currentNDCG.mean), range(outcome.currentNDCG)],
            [chinese ? "学习所得（留出评估）" : "learned, held out", decimal(outcome.heldOutNDCG.mean), range(outcome.heldOutNDCG)],
            [chinese ? "差值" : "difference", signed(outcome.difference.mean),
             "\(signed(outcome.difference.lower))…\(signed(outcome.difference.upper))"],
        ]
        lines.append(TextTable.render(rows, rightAligned: [1], indent: 2) + "  p = " + String(format: "%.4f", outcome.pValue))
        let changed = features.filter { outcome.current.features[$0] != outcome.learned.features[$0] }.map { feature in
            "\(feature.name(chinese: chinese)) \(weight(outcome.current.features[feature])) → \(weight(outcome.learned.features[feature]))"
        }
        lines.append("  " + (chinese ? "权重：" : "weights: ") + (changed.isEmpty ? (chinese ? "无变化" : "unchanged") : changed.joined(separator: " · ")))
        let why = reason(outcome)
        switch (saved, outcome.isBetter) {
        case (nil, true): lines.append(chinese ? "  试运行：会采用。\(why)。" : "  Dry run: would be adopted; \(why).")
        case (nil, false): lines.append(chinese ? "  试运行：不会采用。\(why)。" : "  Dry run: would not be adopted; \(why).")
        case (let fit?, true):
            lines.append(chinese ? "  已采用（第 \(fit.id) 次学习）：\(why)；服务器的\(target)推荐清单此后按新权重排序。"
                : "  Adopted as fit \(fit.id): \(why); the server's \(target) shortlists rank by these weights from now on.")
        case (let fit?, false):
            lines.append(chinese ? "  未采用（第 \(fit.id) 次学习已记录）：\(why)；权重保持不变。"
                : "  Not adopted (fit \(fit.id) recorded): \(why); the weights stay as they were.")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The workspace's learning runs, one line each.
    func history(_ fits: [WeightsFit]) -> String {
        guard !fits.isEmpty else { return chinese ? "尚无学习记录。\n" : "No learning runs yet.\n" }
        let header = chinese ? ["次", "时间", "目标", "查询", "当前", "留出", "差值区间", "采用", "权重"]
            : ["fit", "when", "target", "queries", "current", "held out", "difference", "adopted", "weights"]
        let formatter = ISO8601DateFormatter()
        let rows = fits.map { fit in
            [String(fit.id), formatter.string(from: Date(timeIntervalSince1970: TimeInterval(fit.at))),
             RecommendationTarget(rawValue: fit.target).map(name(of:)) ?? fit.target, String(fit.queries), decimal(fit.currentNDCG),
             decimal(fit.heldOutNDCG), "\(signed(fit.differenceLower))…\(signed(fit.differenceUpper))",
             fit.adopted ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"), fit.weights]
        }
        return TextTable.render([header] + rows, rightAligned: [0, 3, 4, 5]) + "\n"
    }

    private func decimal(_ value: Double) -> String { String(format: "%.4f", value) }
    private func signed(_ value: Double) -> String { String(format: "%+.4f", value) }
    private func range(_ estimate: FeedbackLearning.Estimate) -> String { "\(decimal(estimate.lower))…\(decimal(estimate.upper))" }
    private func weight(_ value: Float) -> String { value == 0 ? "0" : String(value) }
}
