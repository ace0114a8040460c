import DuijieBase
import GRDB

/// What a case's outcome says of one result for one query: a graded judgment, as TREC qrels
/// hold them, so that any ranker can be scored against a centre's own outcomes.
public struct OutcomeJudgment: Sendable, Equatable {
    /// The query: the id of the record the case's shortlist was made for (usually a demand).
    public let query: String
    /// The result's record id.
    public let record: String
    /// The grade (see `OutcomeJudgment.grade(of:)`).
    public let grade: Int
    /// The status the grade comes from.
    public let status: ResultStatus

    /// The grade a result's status gives: signed 3, negotiating 2, a meeting or a contact 1,
    /// no deal 0 (judged unsuitable); a result still to contact is not judged (nil).
    public static func grade(of status: ResultStatus) -> Int? {
        switch status {
        case .signed: return 3
        case .negotiating: return 2
        case .meeting, .contacted: return 1
        case .noDeal: return 0
        case .toContact: return nil
        }
    }
}

/// The outcomes of every case, as judgments, and what could not become one.
public struct OutcomeFeedback: Sendable {
    /// One judgment per query and result, sorted by query then record.
    public let judgments: [OutcomeJudgment]
    /// Cases whose shortlist was made for free text: no query id to judge against.
    public let casesWithoutQueryID: Int
    /// Results still to contact (not judged).
    public let unjudgedResults: Int
    /// Event meetings that gave a judgment (see `EventMeeting.grade`).
    public let judgedMeetings: Int

    /// The judgments as TREC qrels: `QUERY 0 RECORD GRADE` per line.
    public var qrels: String {
        judgments.map { "\($0.query) 0 \($0.record) \($0.grade)\n" }.joined()
    }
}

extension Workspace {
    /// Every case's results as judgments, from their current status, and every event meeting,
    /// from its ratings (`EventMeeting.grade`: the demand is the query, the supply the result;
    /// its status is the one of the same grade — signed for an agreement, meeting, no deal).
    /// A result judged for the same query in several cases or meetings keeps its highest grade
    /// (a deal signed in one case is a deal, whatever another case says). For the whole workspace: whoever may read
    /// the file may read this, as with a backup.
    ///
    /// - Parameter target: Only cases that shortlisted, and meetings with, this kind of record
    ///   (`achievement` …); all when nil.
    public func outcomeFeedback(target: String? = nil) throws(DuijieError) -> OutcomeFeedback {
        try read { db in
            let textCases = try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "case" WHERE (sourceID IS NULL OR sourceID = '') AND (?1 IS NULL OR target = ?1)"#,
                                             arguments: [target]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.sourceID AS query, r.recordID AS record, r.status AS status
                FROM caseResult r JOIN "case" c ON c.id = r.caseID
                WHERE c.sourceID IS NOT NULL AND c.sourceID != '' AND (?1 IS NULL OR c.target = ?1)
                ORDER BY c.id, r.rank
                """, arguments: [target])
            var best: [String: [String: (grade: Int, status: ResultStatus)]] = [:]
            /// Keeps the highest grade judged for a query and a record.
            func keep(_ query: String, _ record: String, _ grade: Int, _ status: ResultStatus) {
                if let current = best[query]?[record], current.grade >= grade { return }
                best[query, default: [:]][record] = (grade, status)
            }
            var unjudged = 0
            for row in rows {
                let query: String = row["query"], record: String = row["record"]
                guard let status = ResultStatus(rawValue: row["status"]), let grade = OutcomeJudgment.grade(of: status) else {
                    unjudged += 1
                    continue
                }
                keep(query, record, grade, status)
            }
            let meetings = try Self.meetings(ofEvent: nil, db).filter { target == nil || $0.target == target }
            for meeting in meetings {
                let grade = meeting.grade
                keep(meeting.demandID, meeting.supplyID, grade, grade == 3 ? .signed : grade == 0 ? .noDeal : .meeting)
            }
            let judgments = best.keys.sorted().flatMap { query in
                best[query]!.keys.sorted().map { record in
                    let judged = best[query]![record]!
                    return OutcomeJudgment(query: query, record: record, grade: judged.grade, status: judged.status)
                }
            }
            return OutcomeFeedback(judgments: judgments, casesWithoutQueryID: textCases, unjudgedResults: unjudged, judgedMeetings: meetings.count)
        }
    }

    /// The kinds of record that cases shortlisted or events met (`achievement`, `expert` …), sorted.
    public func caseTargets() throws(DuijieError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: #"""
                SELECT target FROM "case" WHERE sourceID IS NOT NULL AND sourceID != '' UNION SELECT target FROM meeting ORDER BY target
                """#)
        }
    }
}
