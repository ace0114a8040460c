import DuijieBase
import DuijieCorpus

extension EventReport {
    /// A drop reason as a phrase.
    func text(_ reason: EventReplanner.DropReason) -> String {
        switch reason {
        case .participantGone(let id): return chinese ? "\(name(id)) 不再参会" : "\(name(id)) is no longer at the event"
        case .slotGone: return chinese ? "时段已取消" : "the slot was removed"
        case .tableGone: return chinese ? "该桌已撤" : "the table was removed"
        case .unavailable(let id): return chinese ? "\(name(id)) 该时段不能参加" : "\(name(id)) cannot attend the slot"
        case .vetoed: return chinese ? "双方现不宜会谈（拒见或同单位）" : "they may no longer meet (never-meet or same organization)"
        case .overMaximum(let id): return chinese ? "\(name(id)) 的会谈上限已降低" : "\(name(id)) has a lower maximum now"
        }
    }

    private func kindText(_ kind: EventReplanner.AgendaChange.Kind) -> String {
        switch kind {
        case .removed: return chinese ? "取消" : "removed"
        case .added: return chinese ? "新增" : "added"
        case .moved: return chinese ? "调整" : "moved"
        }
    }

    private func place(_ meeting: EventReplanner.PublishedMeeting?) -> String {
        guard let meeting else { return "" }
        let times = meeting.start.map { Self.time($0) + (meeting.end.map { "–" + Self.time($0) } ?? "") } ?? meeting.slot
        return chinese ? "\(times) 第 \(meeting.table) 桌" : "\(times), table \(meeting.table)"
    }

    /// One row per change: who, what, with whom, before and after, why.
    func changesCSV(_ replan: EventReplanner.Outcome) -> String {
        var rows = [["participant", "participantName", "change", "partner", "partnerName", "slotBefore", "tableBefore", "startBefore",
                     "slotAfter", "tableAfter", "startAfter", "reason"]]
        for change in replan.changes {
            rows.append([change.participant, name(change.participant), change.kind.rawValue, change.partner, name(change.partner),
                         change.before?.slot ?? "", change.before.map { String($0.table) } ?? "", change.before?.start ?? "",
                         change.after?.slot ?? "", change.after.map { String($0.table) } ?? "", change.after?.start ?? "",
                         change.reason.map(text) ?? ""])
        }
        return CSVText.render(rows, neutralizingFormulas: true)
    }

    /// The organizer's change list: totals, then each changed agenda's changes in time order.
    public func changesMarkdown(_ replan: EventReplanner.Outcome) -> String {
        let changed = replan.changedParticipants
        let mustChange = replan.mustChange.intersection(Set(plan.event.participants.map(\.id))).count
        var lines = ["# \(plan.event.name)" + (chinese ? " · 调整清单" : " · changes"), ""]
        lines += chinese
            ? ["- **已公布会谈**：\(replan.published.count) 场，保留原时段原桌 \(replan.kept.count) 场，不能保留 \(replan.dropped.count) 场",
               "- **日程有变的参会方**：\(changed.count) 个（其中 \(mustChange) 个因取消、缺席或时段变动必须调整）",
               "- **只需重新发送**：agendas/ 中的 \(changed.count) 份日程；其余参会方的日程不变"]
            : ["- **Published meetings**: \(replan.published.count); kept at their slot and table \(replan.kept.count); not kept \(replan.dropped.count)",
               "- **Agendas changed**: \(changed.count) (\(mustChange) had to: a meeting was lost or its time moved)",
               "- **Send again**: the \(changed.count) agendas in agendas/; every other agenda stands"]
        var current: String? = nil
        for change in replan.changes {
            if change.participant != current {
                current = change.participant
                lines += ["", "## \(MarkdownText.cell(name(change.participant)))", ""]
            }
            var line = "- \(kindText(change.kind)) · \(MarkdownText.cell(name(change.partner)))"
            switch change.kind {
            case .removed: line += (chinese ? "：原 " : ": was ") + place(change.before)
            case .added: line += (chinese ? "：" : ": ") + place(change.after)
            case .moved: line += (chinese ? "：" : ": ") + place(change.before) + " → " + place(change.after)
            }
            if let reason = change.reason { line += (chinese ? "（" : " (") + text(reason) + (chinese ? "）" : ")") }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
