import DuijieBase
import GRDB

/// Which side of a meeting a rating speaks for.
public enum MeetingSide: String, Sendable, CaseIterable {
    /// The demand's enterprise.
    case demand
    /// The achievement's holder, the expert or the institution.
    case supply
}

/// When a meeting was rated: right after the event, or at the follow-up months later.
public enum RatingStage: String, Sendable, CaseIterable {
    /// Right after the event.
    case afterEvent = "after-event"
    /// Months later (about six): has cooperation come of it?
    case followUp = "follow-up"
}

/// One side's rating of a meeting at one stage.
public struct MeetingRating: Sendable, Equatable {
    /// Who rates.
    public let side: MeetingSide
    /// When in the meeting's life.
    public let stage: RatingStage
    /// 1 (useless) to 5 (very useful).
    public let rating: Int
    /// Whether a cooperation agreement was reached (said at the follow-up).
    public let agreement: Bool
    /// Anything the side said.
    public let note: String
    /// The user who recorded it (nil for an import).
    public let userID: Int64?
    /// When it was recorded (seconds since 1970).
    public let at: Int64

    /// A rating.
    public init(side: MeetingSide, stage: RatingStage, rating: Int, agreement: Bool = false, note: String = "", userID: Int64? = nil, at: Int64) {
        self.side = side
        self.stage = stage
        self.rating = rating
        self.agreement = agreement
        self.note = note
        self.userID = userID
        self.at = at
    }

    /// What is wrong with the rating, if anything (`rating: …`).
    public var problems: [String] {
        var problems: [String] = []
        if !(1...5).contains(rating) { problems.append("rating: \(rating): expected 1 to 5") }
        if agreement && stage != .followUp { problems.append("agreement: said at the follow-up, not right after the event") }
        return problems
    }
}

/// A meeting of a matchmaking event (对接会) between a demand and a supply record.
public struct EventMeeting: Sendable, Equatable {
    /// The meeting's number in this workspace.
    public let id: Int64
    /// The event it belongs to.
    public let eventID: Int64
    /// The demand's record id.
    public let demandID: String
    /// The supply's record id.
    public let supplyID: String
    /// The kind of the supply record (`achievement`, `expert`, `institution`).
    public let target: String
    /// The slot (`10:00`), empty when not scheduled.
    public let slot: String
    /// The table, if any.
    public let table: Int?
    /// Its ratings, oldest first.
    public let ratings: [MeetingRating]

    /// The grade its ratings give, as `duijie feedback export` writes it: 3 when either side
    /// said at the follow-up that a cooperation agreement was reached; 0 when the demand side's
    /// latest rating is 1 or 2 (judged unsuitable); otherwise 1 (the sides met).
    public var grade: Int {
        if ratings.contains(where: { $0.stage == .followUp && $0.agreement }) { return 3 }
        if let latest = ratings.last(where: { $0.side == .demand }), latest.rating <= 2 { return 0 }
        return 1
    }
}

/// A meeting to add to an event.
public struct NewMeeting: Sendable {
    /// The demand's record id.
    public var demandID: String
    /// The supply's record id.
    public var supplyID: String
    /// The supply's kind.
    public var target: String
    /// The slot.
    public var slot: String
    /// The table.
    public var table: Int?

    /// A meeting.
    public init(demandID: String, supplyID: String, target: String = "achievement", slot: String = "", table: Int? = nil) {
        self.demandID = demandID
        self.supplyID = supplyID
        self.target = target
        self.slot = slot
        self.table = table
    }
}

/// A matchmaking event held.
public struct HeldEvent: Sendable, Equatable {
    /// Its number in this workspace.
    public let id: Int64
    /// Its name.
    public let name: String
    /// The day it was held (`YYYY-MM-DD`).
    public let heldOn: String
    /// Where.
    public let place: String
    /// How many meetings it had.
    public let meetings: Int

    /// An event as held.
    public init(id: Int64, name: String, heldOn: String, place: String, meetings: Int) {
        self.id = id
        self.name = name
        self.heldOn = heldOn
        self.place = place
        self.meetings = meetings
    }
}

extension Workspace {
    /// Records an event and its meetings, all or nothing.
    ///
    /// - Throws: `DuijieError` (`invalid-input`) for an empty name, a day that is not
    ///   `YYYY-MM-DD`, a meeting without both ids, or the same pair twice.
    @discardableResult
    public func addEvent(name: String, heldOn: String, place: String = "", meetings: [NewMeeting]) throws(DuijieError) -> HeldEvent {
        try write { db in try Self.insertEvent(name: name, heldOn: heldOn, place: place, meetings: meetings, at: "event", db) }
    }

    /// Inserts an event inside a transaction (`addEvent`, or a history being loaded).
    static func insertEvent(name: String, heldOn: String, place: String, meetings: [NewMeeting], at location: String,
                            _ db: Database) throws -> HeldEvent {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("name: required") }
        if !Deal.isCalendarDay(heldOn) { problems.append("heldOn: \(heldOn): expected a day as YYYY-MM-DD") }
        var pairs = Set<[String]>()
        for (index, meeting) in meetings.enumerated() {
            if meeting.demandID.isEmpty || meeting.supplyID.isEmpty { problems.append("meetings[\(index)]: demand and supply: required") }
            if !pairs.insert([meeting.demandID, meeting.supplyID]).inserted {
                problems.append("meetings[\(index)]: \(meeting.demandID) and \(meeting.supplyID) meet twice")
            }
        }
        guard problems.isEmpty else {
            throw DuijieError(.invalidInput, "\(location): \(problems.count) problem(s) in the event", details: problems.map { "\(location): \($0)" })
        }
        try db.execute(sql: "INSERT INTO event (name, heldOn, place, createdAt) VALUES (?, ?, ?, ?)", arguments: [name, heldOn, place, now()])
        let id = db.lastInsertedRowID
        for meeting in meetings {
            try db.execute(sql: "INSERT INTO meeting (eventID, demandID, supplyID, target, slot, tableNumber) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, meeting.demandID, meeting.supplyID, meeting.target, meeting.slot, meeting.table])
        }
        return HeldEvent(id: id, name: name, heldOn: heldOn, place: place, meetings: meetings.count)
    }

    /// Every event, by day then id, with its number of meetings.
    public func events() throws(DuijieError) -> [HeldEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.name, e.heldOn, e.place, (SELECT COUNT(*) FROM meeting m WHERE m.eventID = e.id) AS meetings
                FROM event e ORDER BY e.heldOn, e.id
                """).map { HeldEvent(id: $0["id"], name: $0["name"], heldOn: $0["heldOn"], place: $0["place"], meetings: $0["meetings"]) }
        }
    }

    /// The meetings of one event (every event's when nil), with their ratings.
    public func meetings(ofEvent eventID: Int64? = nil) throws(DuijieError) -> [EventMeeting] {
        try read { db in try Self.meetings(ofEvent: eventID, db) }
    }

    /// One meeting with its ratings, or nil when there is none with this number.
    public func meeting(_ id: Int64) throws(DuijieError) -> EventMeeting? {
        try read { db in try Self.meetings(where: "m.id = ?1", id, db).first }
    }

    static func meetings(ofEvent eventID: Int64?, _ db: Database) throws -> [EventMeeting] {
        try meetings(where: "?1 IS NULL OR m.eventID = ?1", eventID, db)
    }

    /// The meetings (table alias `m`) that `condition` keeps, its `?1` bound to `argument`.
    private static func meetings(where condition: String, _ argument: Int64?, _ db: Database) throws -> [EventMeeting] {
        var ratings: [Int64: [MeetingRating]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT r.* FROM meetingRating r JOIN meeting m ON m.id = r.meetingID WHERE \(condition) ORDER BY r.at, r.id
            """, arguments: [argument]) {
            ratings[row["meetingID"], default: []].append(MeetingRating(
                side: MeetingSide(rawValue: row["side"]) ?? .demand, stage: RatingStage(rawValue: row["stage"]) ?? .afterEvent,
                rating: row["rating"], agreement: row["agreement"], note: row["note"], userID: row["userID"], at: row["at"]))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM meeting m WHERE \(condition) ORDER BY m.id", arguments: [argument]).map { row in
            EventMeeting(id: row["id"], eventID: row["eventID"], demandID: row["demandID"], supplyID: row["supplyID"], target: row["target"],
                         slot: row["slot"], table: row["tableNumber"], ratings: ratings[row["id"]] ?? [])
        }
    }

    /// Records a rating of a meeting.
    ///
    /// - Throws: `DuijieError` `not-found` for no such meeting, `invalid-input` for a rating
    ///   outside 1…5 or an agreement said right after the event.
    public func rateMeeting(_ meetingID: Int64, _ rating: MeetingRating) throws(DuijieError) {
        try write { db in try Self.insertRating(meetingID, rating, at: "rating", db) }
    }

    /// Records many ratings in one transaction: all of them, or none when one names no
    /// meeting or is out of range (the error names its `location`).
    public func rateMeetings(_ ratings: [(meeting: Int64, rating: MeetingRating, location: String)]) throws(DuijieError) {
        try write { db in
            for entry in ratings { try Self.insertRating(entry.meeting, entry.rating, at: entry.location, db) }
        }
    }

    static func insertRating(_ meetingID: Int64, _ rating: MeetingRating, at location: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM meeting WHERE id = ?", arguments: [meetingID]) == true else {
            throw DuijieError(.notFound, "\(location): meeting \(meetingID): no such meeting")
        }
        if let problem = rating.problems.first { throw DuijieError(.invalidInput, "\(location): \(problem)") }
        try db.execute(sql: """
            INSERT INTO meetingRating (meetingID, side, stage, rating, agreement, note, userID, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [meetingID, rating.side.rawValue, rating.stage.rawValue, rating.rating, rating.agreement, rating.note, rating.userID, rating.at])
    }
}
