import DuijieBase
import DuijieCorpus
import Foundation

/// The printed outputs of an event plan: the organizer's schedule (CSV, Markdown), one agenda
/// per participant (CSV, Markdown, iCalendar) and a summary (Markdown).
public struct EventReport: Sendable {
    /// The plan.
    public let plan: EventPlan
    /// Chinese (default) or English labels.
    public let chinese: Bool
    /// When the plan replans a published schedule: what was kept and what changed.
    public let replan: EventReplanner.Outcome?
    /// What agendas say about each counterpart (without it: names only).
    public let briefs: ParticipantBriefs?

    /// Creates a report.
    public init(plan: EventPlan, chinese: Bool = true, briefs: ParticipantBriefs? = nil) {
        self.plan = plan
        self.chinese = chinese
        self.replan = nil
        self.briefs = briefs
    }

    /// Creates the report of a replanned event: the whole schedule, the change list, and the
    /// agendas of only the participants whose agendas changed.
    public init(replan: EventReplanner.Outcome, chinese: Bool = true, briefs: ParticipantBriefs? = nil) {
        self.plan = replan.plan
        self.chinese = chinese
        self.replan = replan
        self.briefs = briefs
    }

    /// Every file of the report, by relative path, in a fixed order.
    public func files() -> [(path: String, text: String)] {
        var files: [(String, String)] = [("schedule.csv", scheduleCSV()), ("schedule.md", scheduleMarkdown()), ("summary.md", summaryMarkdown()),
                                         ("table-cards.html", tableCardsHTML())]
        if let replan { files += [("changes.csv", changesCSV(replan)), ("changes.md", changesMarkdown(replan))] }
        let changed = replan.map { Set($0.changedParticipants) }
        let names = AgendaFileNames.names(plan.event.participants.map(\.id))
        for (participant, name) in zip(plan.event.participants, names) where changed?.contains(participant.id) ?? true {
            let base = "agendas/" + name
            files.append((base + ".csv", agendaCSV(participant.id)))
            files.append((base + ".md", agendaMarkdown(participant.id)))
            files.append((base + ".ics", ICalendar.agenda(self, participant: participant.id)))
        }
        return files
    }

    /// Writes every file into `directory` as a whole: the files go to a new sibling directory
    /// that then replaces `directory`, so a failure leaves an existing report untouched.
    ///
    /// - Throws: `DuijieError` naming the path and the reason.
    public func write(to directory: String) throws(DuijieError) {
        try ReportDirectory.replace(directory, with: files())
    }

    /// The entries a report directory holds: a directory holding only these is a previous
    /// report, which `duijie pair` replaces without `--force`.
    public static let ownEntries: Set<String> = ["schedule.csv", "schedule.md", "summary.md", "table-cards.html", "changes.csv", "changes.md", "agendas"]

    func name(_ id: String) -> String { plan.event.participant(id)?.name ?? id }

    func slot(_ id: String?) -> Event.Slot? { plan.event.slots.first { $0.id == id } }

    static func score(_ value: Float) -> String { String(format: "%.3f", value) }

    // MARK: Schedule

    /// The organizer's schedule as CSV (the keys of a lock file first).
    public func scheduleCSV() -> String {
        // The keys of a lock file first (slot, table, demand, supply), so the schedule can be
        // given back as `locked.csv` or to `--replan` as it is.
        var rows = [["slot", "start", "end", "table", "demand", "demandName", "supply", "supplyName", "score", "demandScore", "supplyScore", "note"]]
        for meeting in plan.scheduled {
            let slot = slot(meeting.slot)!
            rows.append([slot.id, slot.start, slot.end, String(meeting.table!), meeting.demand, name(meeting.demand), meeting.supply, name(meeting.supply),
                         Self.score(meeting.score), Self.score(meeting.demandScore), Self.score(meeting.supplyScore), note(meeting)])
        }
        return CSVText.render(rows, neutralizingFormulas: true)
    }

    /// The note of a meeting: locked, must-meet, who asked for it.
    public func note(_ meeting: EventPlan.Meeting) -> String {
        let request: String?
        switch meeting.requestedBy.count {
        case 2: request = chinese ? "双方请求" : "mutual request"
        case 1: request = meeting.requestedBy[0] == .demand ? (chinese ? "需求方请求" : "requested by demand side") : (chinese ? "供给方请求" : "requested by supply side")
        default: request = nil
        }
        // When replanning, a meeting kept from the published schedule is locked in the planner
        // but was not locked by the organizer: it is "kept".
        let organizerLock = replan.map { outcome in outcome.organizerLocks.contains { $0.demand == meeting.demand && $0.supply == meeting.supply } } ?? true
        let kept = meeting.isLocked && !organizerLock
        return [meeting.isLocked && organizerLock ? (chinese ? "锁定" : "locked") : nil, kept ? (chinese ? "保留原安排" : "kept") : nil,
                meeting.isMustMeet ? (chinese ? "指定会见" : "must-meet") : nil, request]
            .compactMap { $0 }.joined(separator: " ")
    }

    func scheduleMarkdown() -> String {
        var lines = ["# \(plan.event.name)" + (chinese ? " · 会谈安排" : " · schedule"), ""]
        if let venue = plan.event.venue { lines += [(chinese ? "地点：" : "Venue: ") + venue, ""] }
        for slot in plan.event.slots {
            let meetings = plan.scheduled.filter { $0.slot == slot.id }
            guard !meetings.isEmpty else { continue }
            lines.append("## \(slot.id) · \(Self.time(slot.start))–\(Self.time(slot.end))")
            lines.append("")
            lines.append(chinese ? "| 桌号 | 需求方 | 供给方 | 匹配度 | 备注 |" : "| Table | Demand side | Supply side | Score | Note |")
            lines.append("|---:|---|---|---:|---|")
            for meeting in meetings {
                lines.append("| \(meeting.table!) | \(MarkdownText.cell(name(meeting.demand))) | \(MarkdownText.cell(name(meeting.supply))) | \(Self.score(meeting.score)) | \(note(meeting)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `HH:MM` of a local time.
    static func time(_ localTime: String) -> String { String(localTime.suffix(5)) }

    // MARK: Agendas

    /// One row per meeting: when, where, with whom, what the counterpart is about and what the
    /// two share; no scores.
    func agendaCSV(_ participant: String) -> String {
        var rows = [["slot", "start", "end", "table", "partner", "partnerName", "partnerOrganization", "partnerProfile", "partnerTopics",
                     "sharedTopics", "note"]]
        for meeting in plan.agenda(of: participant) {
            let slot = slot(meeting.slot)!
            let partner = meeting.demand == participant ? meeting.supply : meeting.demand
            let brief = briefs?.brief(of: partner)
            rows.append([slot.id, slot.start, slot.end, String(meeting.table!), partner, name(partner), brief?.organization ?? "", brief?.summary ?? "",
                         (brief?.topics ?? []).joined(separator: "; "), (briefs?.sharedTopics(participant, partner) ?? []).joined(separator: "; "), note(meeting)])
        }
        return CSVText.render(rows, neutralizingFormulas: true)
    }

    func agendaMarkdown(_ participant: String) -> String {
        let agenda = plan.agenda(of: participant)
        var lines = ["# \(MarkdownText.cell(name(participant))) · \(plan.event.name)", ""]
        if let venue = plan.event.venue { lines += [(chinese ? "地点：" : "Venue: ") + venue, ""] }
        guard !agenda.isEmpty else {
            lines.append(chinese ? "本次活动暂无会谈安排。" : "No meetings are scheduled.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(chinese ? "| 时间 | 桌号 | 会谈对象 | 单位 |" : "| Time | Table | Partner | Organization |")
        lines.append("|---|---:|---|---|")
        for meeting in agenda {
            let slot = slot(meeting.slot)!
            let partner = meeting.demand == participant ? meeting.supply : meeting.demand
            lines.append("| \(Self.time(slot.start))–\(Self.time(slot.end)) | \(meeting.table!) | \(MarkdownText.cell(name(partner))) | \(MarkdownText.cell(briefs?.brief(of: partner)?.organization ?? "")) |")
        }
        for meeting in agenda {
            lines += [""] + meetingDetails(meeting, for: participant)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A meeting's section of an agenda: who the counterpart is, what each side brings, what
    /// they share, and who asked for it.
    func meetingDetails(_ meeting: EventPlan.Meeting, for participant: String) -> [String] {
        let slot = slot(meeting.slot)!
        let partner = meeting.demand == participant ? meeting.supply : meeting.demand
        let partnerIsDemand = meeting.demand == partner
        var lines = ["## \(Self.time(slot.start))–\(Self.time(slot.end)) · " + (chinese ? "第 \(meeting.table!) 桌" : "table \(meeting.table!)")
                     + " · \(MarkdownText.cell(name(partner)))", ""]
        func item(_ label: String, _ value: String) {
            if !value.isEmpty { lines.append("- **\(label)**" + (chinese ? "：" : ": ") + MarkdownText.cell(value)) }
        }
        let separator = chinese ? "；" : "; "
        if let brief = briefs?.brief(of: partner) {
            item(chinese ? "对方单位" : "Organization", brief.organization)
            item(chinese ? "对方简介" : "About them", brief.summary)
            item(partnerIsDemand ? (chinese ? "对方需求" : "They need") : (chinese ? "对方可提供" : "They offer"), brief.topics.joined(separator: separator))
        }
        if let own = briefs?.brief(of: participant) {
            item(partnerIsDemand ? (chinese ? "您可提供" : "You offer") : (chinese ? "您的需求" : "You need"), own.topics.joined(separator: separator))
        }
        item(chinese ? "共同话题" : "Shared topics", (briefs?.sharedTopics(participant, partner) ?? []).joined(separator: chinese ? "、" : ", "))
        item(chinese ? "备注" : "Note", note(meeting))
        return lines
    }

    /// The same details as plain lines (for a calendar entry's description).
    func meetingDescription(_ meeting: EventPlan.Meeting, for participant: String) -> String {
        let partner = meeting.demand == participant ? meeting.supply : meeting.demand
        let details = meetingDetails(meeting, for: participant).dropFirst(2).map {
            $0.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\\|", with: "|").dropFirst(2)
        }
        return ([(chinese ? "对接会谈：" : "Meeting with ") + name(partner)] + details.map(String.init)).joined(separator: "\n")
    }
}
