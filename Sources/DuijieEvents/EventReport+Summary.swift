import DuijieCorpus

extension EventReport {
    /// The organizer's summary: totals, each participant's meetings against its limits, who
    /// fell short and why, meetings without a place, and vetoed pairs.
    func summaryMarkdown() -> String {
        let scheduled = plan.scheduled
        let mean = scheduled.isEmpty ? 0 : plan.totalScore / Float(scheduled.count)
        let demandCount = plan.event.participants.filter { $0.side == .demand }.count
        var lines = ["# \(plan.event.name)" + (chinese ? " · 汇总" : " · summary"), ""]
        let totals: [(String, String)] = chinese
            ? [("参会方", "需求方 \(demandCount)，供给方 \(plan.event.participants.count - demandCount)"),
               ("会谈", "已排 \(scheduled.count) 场，未排入 \(plan.unplaced.count) 场"),
               ("匹配度", "合计 \(Self.score(plan.totalScore))，平均 \(Self.score(mean))"),
               ("时段 × 桌", "\(plan.event.slots.count) 个时段，共 \(plan.event.slots.reduce(0) { $0 + $1.tables }) 个桌次"),
               ("空档", "每人首末会谈之间的空闲时段合计 \(plan.idleGaps) 个"),
               ("排程方法", plan.usedEdgeColoring ? "二部图均衡边着色（König）" : "带约束着色 + 修复"),
               ("排除的配对", "拒见 \(plan.vetoes.neverMeet)，同单位回避 \(plan.vetoes.sameOrganization)，无共同时段 \(plan.vetoes.noCommonSlot)")]
            : [("Participants", "\(demandCount) demand side, \(plan.event.participants.count - demandCount) supply side"),
               ("Meetings", "\(scheduled.count) scheduled, \(plan.unplaced.count) without a slot"),
               ("Score", "total \(Self.score(plan.totalScore)), mean \(Self.score(mean))"),
               ("Slots × tables", "\(plan.event.slots.count) slots, \(plan.event.slots.reduce(0) { $0 + $1.tables }) table-slots"),
               ("Idle gaps", "\(plan.idleGaps) idle slots between people's first and last meetings"),
               ("Method", plan.usedEdgeColoring ? "equitable bipartite edge colouring (König)" : "constrained colouring with repair"),
               ("Pairs excluded", "never-meet \(plan.vetoes.neverMeet), same organization \(plan.vetoes.sameOrganization), no common slot \(plan.vetoes.noCommonSlot)")]
        lines += totals.map { "- **\($0.0)**: \($0.1)" }
        let warnings = scoreWarnings()
        if !warnings.isEmpty {
            lines += ["", chinese ? "## 注意" : "## Warnings", ""] + warnings.map { "- " + MarkdownText.cell($0) }
        }
        lines.append("")
        lines.append(chinese ? "## 各参会方" : "## Participants")
        lines.append("")
        lines.append(chinese ? "| 参会方 | 类型 | 最少 | 最多 | 会谈 | 平均匹配度 | 说明 |" : "| Participant | Side | Min | Max | Meetings | Mean score | Note |")
        lines.append("|---|---|---:|---:|---:|---:|---|")
        let shortfalls = Dictionary(plan.shortfalls.map { ($0.participant, $0) }, uniquingKeysWith: { first, _ in first })
        for participant in plan.event.participants {
            let agenda = plan.agenda(of: participant.id)
            let average = agenda.isEmpty ? "" : Self.score(agenda.reduce(0) { $0 + $1.score } / Float(agenda.count))
            let side = chinese ? (participant.side == .demand ? "需求方" : "供给方") : participant.side.rawValue
            let note = shortfalls[participant.id].map { (chinese ? "未达最少：" : "below minimum: ") + $0.reason.text(chinese: chinese) } ?? ""
            lines.append("| \(MarkdownText.cell(participant.name)) | \(side) | \(participant.minimumMeetings) | \(participant.maximumMeetings) | \(agenda.count) | \(average) | \(note) |")
        }
        if !plan.unmetRequests.isEmpty {
            lines += ["", chinese ? "## 未实现的会见请求" : "## Requests not met", ""]
            for request in plan.unmetRequests {
                lines.append("- \(MarkdownText.cell(name(request.from))) → \(MarkdownText.cell(name(request.to))): \(request.reason.text(chinese: chinese))")
            }
        }
        if !plan.unplaced.isEmpty {
            lines += ["", chinese ? "## 未能排入时段的会谈" : "## Meetings without a slot", ""]
            for entry in plan.unplaced {
                lines.append("- \(MarkdownText.cell(name(entry.meeting.demand))) × \(MarkdownText.cell(name(entry.meeting.supply))): \(entry.reason)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the scores say about the event when it is not good news: every pair scoring 0, or
    /// participants with no partner at the minimum score.
    public func scoreWarnings() -> [String] {
        var result: [String] = []
        if plan.bestScore == 0 {
            result.append(chinese
                ? "所有可匹配配对的匹配度均为 0：参会方简介与记录没有共同的词，配对只来自指定会见、锁定与双方请求"
                : "every eligible pair scores 0: the participants' profiles and records share no words, so meetings come only from must-meets, locks and requests")
        }
        let names = plan.withoutGoodPartners.map(name)
        if !names.isEmpty && plan.bestScore > 0 {
            let threshold = String(format: "%.2f", plan.minimumScore)
            let shown = names.prefix(10).joined(separator: chinese ? "、" : ", ") + (names.count > 10 ? (chinese ? " 等" : ", …") : "")
            result.append(chinese
                ? "\(names.count) 个参会方没有匹配度不低于 \(threshold) 的可匹配对象：\(shown)"
                : "\(names.count) participant(s) have no eligible partner scoring at least \(threshold): \(shown)")
        }
        return result
    }
}
