import DuijieBase
import DuijieJSON
import GRDB

extension WorkspaceHistory {
    /// Inserts one line of `events.jsonl`: the event, its meetings and their ratings.
    static func insertEvent(_ value: JSONValue, at location: String, logins: [String: Int64], _ db: Database) throws {
        func text(_ key: String, in object: JSONValue, at place: String, required: Bool = true) throws -> String {
            switch object[key] {
            case .string(let text)? where !text.isEmpty || !required: return text
            case nil where !required: return ""
            default: throw DuijieError(.invalidInput, "\(place)\(key): required (text)")
            }
        }
        guard case .array(let meetingValues)? = value["meetings"] else { throw DuijieError(.invalidInput, "\(location): meetings: expected a list") }
        var meetings: [NewMeeting] = []
        for (index, meeting) in meetingValues.enumerated() {
            let place = "\(location): meetings[\(index)]."
            var new = NewMeeting(demandID: try text("demand", in: meeting, at: place), supplyID: try text("supply", in: meeting, at: place))
            if case .string(let target)? = meeting["target"] { new.target = target }
            new.slot = try text("slot", in: meeting, at: place, required: false)
            if case .number(let table)? = meeting["table"] { new.table = Int(table) }
            meetings.append(new)
        }
        let event = try Workspace.insertEvent(name: try text("name", in: value, at: "\(location): "), heldOn: try text("heldOn", in: value, at: "\(location): "),
                                              place: try text("place", in: value, at: "\(location): ", required: false), meetings: meetings, at: location, db)
        let meetingIDs = try Int64.fetchAll(db, sql: "SELECT id FROM meeting WHERE eventID = ? ORDER BY id", arguments: [event.id])
        for (index, meeting) in meetingValues.enumerated() {
            guard case .array(let ratings)? = meeting["ratings"] else { continue }
            for (number, rating) in ratings.enumerated() {
                let place = "\(location): meetings[\(index)].ratings[\(number)]"
                guard case .string(let sideName)? = rating["side"], let side = MeetingSide(rawValue: sideName),
                      case .string(let stageName)? = rating["stage"], let stage = RatingStage(rawValue: stageName),
                      case .number(let score)? = rating["rating"], score.rounded() == score else {
                    throw DuijieError(.invalidInput, "\(place): expected {\"side\": demand or supply, \"stage\": after-event or follow-up, \"rating\": 1 to 5, \"on\"}")
                }
                let author: Int64?
                if case .string(let login)? = rating["by"] {
                    guard let id = logins[login] else { throw DuijieError(.invalidInput, "\(place).by: \(login): no such user") }
                    author = id
                } else {
                    author = nil
                }
                let agreement: Bool = if case .bool(true)? = rating["agreement"] { true } else { false }
                let note: String = if case .string(let note)? = rating["note"] { note } else { "" }
                let recorded = MeetingRating(side: side, stage: stage, rating: Int(score), agreement: agreement, note: note, userID: author,
                                             at: try moment(rating["on"], "on", at: place))
                try Workspace.insertRating(meetingIDs[index], recorded, at: place, db)
            }
        }
    }
}
