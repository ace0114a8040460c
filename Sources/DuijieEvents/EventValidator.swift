import DuijieCorpus

/// Decodes and checks the rows of an event, collecting every problem with its location.
struct EventValidator {
    let corpus: Corpus?
    let header: EventHeader
    /// The ids of every slot row, valid or not: a reference to a slot whose row has an error
    /// is not reported again (the slot's own error says what is wrong).
    var writtenSlotIDs: Set<String> = []
    private(set) var issues: [CorpusIssue] = []
    private var participantLocations: [String: SourceLocation] = [:]
    private var lockLocations: [SourceLocation] = []
    private var slotLocations: [SourceLocation] = []

    init(corpus: Corpus?, header: EventHeader) {
        self.corpus = corpus
        self.header = header
    }

    private mutating func reader(_ row: EventLoader.Row) -> RecordReader {
        RecordReader(object: row.members, location: row.location, cellsAreText: row.isSpreadsheet)
    }

    private mutating func finish(_ reader: inout RecordReader) -> Bool {
        reader.finish()
        issues += reader.issues
        return !reader.hasErrors
    }

    /// The largest count an event file may give (tables, meetings).
    static let maximumCount = 999_999_999

    /// A whole number not below `minimum` and at most `maximumCount`; `12.0` is the whole number 12.
    private func integer(_ key: String, minimum: Int, _ reader: inout RecordReader) -> Int? {
        guard let number = reader.number(key, minimum: Double(minimum)) else { return nil }
        guard number == number.rounded() else {
            reader.error(key, "\(number) is not a whole number")
            return nil
        }
        guard number <= Double(Self.maximumCount) else {
            let written = abs(number) < 1e18 ? String(Int64(number)) : "\(number)"
            reader.error(key, "\(written) is too large (at most \(Self.maximumCount))")
            return nil
        }
        return Int(number)
    }

    mutating func slot(_ row: EventLoader.Row) -> Event.Slot? {
        var reader = reader(row)
        let id = reader.identifier("id")
        let start = reader.requiredString("start")
        let end = reader.requiredString("end")
        let tables = integer("tables", minimum: 0, &reader)
        for (key, value) in [("start", start), ("end", end)] where !value.isEmpty {
            if let problem = LocalTime.problem(value) { reader.error(key, problem) }
        }
        if Self.isLocalTime(start) && Self.isLocalTime(end) && start >= end { reader.error("end", "\(end) is not after the start \(start)") }
        if tables == nil && !row.members.contains(where: { $0.key == "tables" }) { reader.error("tables", "missing (required)", code: .missingField) }
        guard finish(&reader), let id, let tables else { return nil }
        slotLocations.append(row.location)
        return Event.Slot(id: id, start: start, end: end, tables: tables)
    }

    mutating func participant(_ row: EventLoader.Row, slots: [Event.Slot]) -> Event.Participant? {
        var reader = reader(row)
        let id = reader.identifier("id")
        let name = reader.string("name")
        let side = reader.string("side", required: true)
        let records = reader.strings("records")
        let profile = reader.string("profile")
        let minimum = integer("min", minimum: 0, &reader) ?? header.minimumMeetings ?? 0
        let maximum = integer("max", minimum: 0, &reader) ?? header.maximumMeetings ?? slots.count
        let written = reader.strings("availability")
        let mustMeet = reader.strings("mustMeet")
        let wantToMeet = reader.strings("wantToMeet")
        let neverMeet = reader.strings("neverMeet")
        let organization = reader.string("organization")
        var availability: [String] = []
        var namesBrokenSlot = false
        for item in written {
            switch AvailabilityPeriods.slots(of: item, in: slots) {
            case .success(let ids): availability += ids.filter { !availability.contains($0) }
            case .failure where writtenSlotIDs.contains(item): namesBrokenSlot = true
            case .failure(let problem): reader.error("availability", problem.message, code: .danglingReference)
            }
        }
        if !written.isEmpty && availability.isEmpty && !reader.hasErrors && !namesBrokenSlot {
            reader.error("availability", "\(written.joined(separator: ", ")) holds no slot of the event")
        }
        let parsedSide = side.flatMap { Event.Side(rawValue: $0.lowercased()) ?? Self.chineseSides[$0] }
        if let side, parsedSide == nil { reader.error("side", "\"\(side)\" is not demand or supply (需求方, 供给方)", code: .unknownValue) }
        if minimum > maximum { reader.error("min", "\(minimum) is more than max \(maximum)") }
        if records.isEmpty && profile == nil { reader.error("records", "a participant needs corpus records or a profile text", code: .missingField) }
        if let corpus, let parsedSide {
            for record in records {
                guard let kind = corpus.kind(of: record) else {
                    reader.error("records", "no record \"\(record)\" in the corpus", code: .danglingReference)
                    continue
                }
                let fits = parsedSide == .demand ? [RecordKind.demand, .enterprise].contains(kind) : [RecordKind.achievement, .expert, .institution].contains(kind)
                if !fits { reader.error("records", "\(record) is a \(kind.rawValue), which cannot stand for the \(parsedSide.rawValue) side", code: .wrongReferenceKind) }
            }
        }
        guard finish(&reader), let id, let parsedSide else { return nil }
        if let previous = participantLocations[id] {
            issues.append(CorpusIssue(.error, .duplicateID, at: row.location, field: "id", "\(id) is already used at \(previous)"))
            return nil
        }
        participantLocations[id] = row.location
        return Event.Participant(id: id, name: name ?? records.first.flatMap { Self.defaultName(of: $0, corpus) } ?? id, side: parsedSide,
                                 records: records, profile: profile, minimumMeetings: minimum, maximumMeetings: maximum,
                                 availability: availability.sorted { slotOrder(slots, $0) < slotOrder(slots, $1) },
                                 mustMeet: mustMeet, wantToMeet: wantToMeet, neverMeet: neverMeet, organization: organization)
    }

    mutating func lock(_ row: EventLoader.Row) -> Event.LockedMeeting? {
        var reader = reader(row)
        let demand = reader.identifier("demand")
        let supply = reader.identifier("supply")
        let slot = reader.identifier("slot")
        let table = integer("table", minimum: 1, &reader)
        if table == nil && !row.members.contains(where: { $0.key == "table" }) { reader.error("table", "missing (required)", code: .missingField) }
        guard finish(&reader), let demand, let supply, let slot, let table else { return nil }
        lockLocations.append(row.location)
        return Event.LockedMeeting(demand: demand, supply: supply, slot: slot, table: table)
    }

    private func slotOrder(_ slots: [Event.Slot], _ id: String) -> Int { slots.firstIndex { $0.id == id } ?? Int.max }

    /// One row of `requests`: who asks to meet whom, and how much.
    struct Request {
        let from: String
        let to: String
        let preference: Preference
        let location: SourceLocation
    }

    /// must / would like / no thanks.
    enum Preference { case must, want, no }

    static let preferences: [String: Preference] = [
        "must": .must, "必见": .must, "必须": .must, "必须会见": .must,
        "want": .want, "like": .want, "wouldlike": .want, "希望": .want, "希望会见": .want, "想见": .want, "意向": .want,
        "no": .no, "never": .no, "nothanks": .no, "不见": .no, "拒见": .no, "不希望会见": .no,
    ]

    mutating func request(_ row: EventLoader.Row) -> Request? {
        var reader = reader(row)
        let from = reader.identifier("from")
        let to = reader.identifier("to")
        let written = reader.string("preference", required: true)
        let preference = written.flatMap { Self.preferences[$0.lowercased().filter { !$0.isWhitespace }] }
        if let written, preference == nil {
            reader.error("preference", "\"\(written)\" is not must, want or no (必见, 希望, 不见)", code: .unknownValue)
        }
        guard finish(&reader), let from, let to, let preference else { return nil }
        return Request(from: from, to: to, preference: preference, location: row.location)
    }

    /// Adds each request to the asking participant's lists; a request naming no participant,
    /// or one of the asker's own side, is an error at its line.
    mutating func apply(_ requests: [Request], to participants: inout [Event.Participant]) {
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for request in requests {
            guard let asker = index[request.from] else {
                issues.append(CorpusIssue(.error, .danglingReference, at: request.location, field: "from", "no participant \"\(request.from)\""))
                continue
            }
            guard let other = index[request.to] else {
                issues.append(CorpusIssue(.error, .danglingReference, at: request.location, field: "to", "no participant \"\(request.to)\""))
                continue
            }
            guard participants[other].side != participants[asker].side else {
                issues.append(CorpusIssue(.error, .wrongReferenceKind, at: request.location, field: "to",
                                          "\(request.to) is on the same side as \(request.from) (\(participants[asker].side.rawValue))"))
                continue
            }
            switch request.preference {
            case .must: if !participants[asker].mustMeet.contains(request.to) { participants[asker].mustMeet.append(request.to) }
            case .want: if !participants[asker].wantToMeet.contains(request.to) { participants[asker].wantToMeet.append(request.to) }
            case .no: if !participants[asker].neverMeet.contains(request.to) { participants[asker].neverMeet.append(request.to) }
            }
        }
    }

    /// References between rows: must/never-meet and locks name participants of the other side,
    /// slots exist, ids are unique.
    mutating func crossCheck(_ participants: [Event.Participant], slots: [Event.Slot], locked: [Event.LockedMeeting]) {
        let byID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var slotLocationByID: [String: SourceLocation] = [:]
        for (slot, location) in zip(slots, slotLocations) {
            if let previous = slotLocationByID[slot.id] {
                issues.append(CorpusIssue(.error, .duplicateID, at: location, field: "id", "slot \(slot.id) is already defined at \(previous)"))
            } else {
                slotLocationByID[slot.id] = location
            }
        }
        checkOverlaps(slots)
        for participant in participants {
            let location = participantLocations[participant.id]
            for (field, list) in [("mustMeet", participant.mustMeet), ("wantToMeet", participant.wantToMeet), ("neverMeet", participant.neverMeet)] {
                for other in list {
                    guard let partner = byID[other] else {
                        issues.append(CorpusIssue(.error, .danglingReference, at: location, field: field, "no participant \"\(other)\""))
                        continue
                    }
                    if partner.side == participant.side {
                        issues.append(CorpusIssue(.error, .wrongReferenceKind, at: location, field: field, "\(other) is on the same side (\(partner.side.rawValue))"))
                    }
                }
            }
            for other in participant.mustMeet where participant.neverMeet.contains(other) || byID[other]?.neverMeet.contains(participant.id) == true {
                issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "mustMeet", "\(other) is both a must-meet and a never-meet"))
            }
            for other in participant.wantToMeet where participant.neverMeet.contains(other) {
                issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "wantToMeet", "\(other) is also listed as never to meet"))
            }
        }
        checkMustMeets(participants, byID: byID, slots: slots, locked: locked)
        for (lock, location) in zip(locked, lockLocations) {
            if byID[lock.demand]?.side != .demand { issues.append(CorpusIssue(.error, .danglingReference, at: location, field: "demand", "no demand-side participant \"\(lock.demand)\"")) }
            if byID[lock.supply]?.side != .supply { issues.append(CorpusIssue(.error, .danglingReference, at: location, field: "supply", "no supply-side participant \"\(lock.supply)\"")) }
            if byID[lock.demand]?.neverMeet.contains(lock.supply) == true || byID[lock.supply]?.neverMeet.contains(lock.demand) == true {
                issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "supply",
                                          "\(lock.demand) and \(lock.supply) are never to meet (neverMeet), but this lock makes them meet"))
            }
            if let slot = slots.first(where: { $0.id == lock.slot }) {
                if lock.table > slot.tables { issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "table", "slot \(slot.id) has \(slot.tables) tables")) }
            } else if !writtenSlotIDs.contains(lock.slot) {
                issues.append(CorpusIssue(.error, .danglingReference, at: location, field: "slot", "no slot \"\(lock.slot)\""))
            }
        }
    }

    /// Must-meets that cannot all happen are input errors, found before any solving: a pair
    /// with no slot both can attend, and a participant with more must-meets and locks than
    /// meetings it can have (its maximum, or the slots it can attend).
    private mutating func checkMustMeets(_ participants: [Event.Participant], byID: [String: Event.Participant], slots: [Event.Slot],
                                         locked: [Event.LockedMeeting]) {
        var fixedPartners: [String: Set<String>] = [:]
        for participant in participants {
            for other in participant.mustMeet where byID[other].map({ $0.side != participant.side }) == true {
                fixedPartners[participant.id, default: []].insert(other)
                fixedPartners[other, default: []].insert(participant.id)
            }
        }
        for lock in locked {
            fixedPartners[lock.demand, default: []].insert(lock.supply)
            fixedPartners[lock.supply, default: []].insert(lock.demand)
        }
        let allSlots = slots.map(\.id)
        for participant in participants {
            let location = participantLocations[participant.id]
            let mine = Set(participant.availability.isEmpty ? allSlots : participant.availability)
            for other in participant.mustMeet {
                guard let partner = byID[other], partner.side != participant.side else { continue }
                let theirs = Set(partner.availability.isEmpty ? allSlots : partner.availability)
                if mine.isDisjoint(with: theirs) {
                    issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "mustMeet",
                                              "\(participant.id) and \(other) have no slot both can attend, so they cannot meet"))
                }
            }
            let fixed = fixedPartners[participant.id]?.count ?? 0
            let possible = min(participant.maximumMeetings, mine.count)
            if fixed > possible {
                issues.append(CorpusIssue(.error, .invalidValue, at: location, field: "mustMeet",
                                          "\(participant.id) has \(fixed) must-meets and locked meetings but can have at most \(possible) (max \(participant.maximumMeetings), \(mine.count) slots available)"))
            }
        }
    }

    /// Refuses slots whose times overlap: a participant in both would be booked twice at once.
    /// Each overlap is reported at the slot that starts later (or comes later in the file), naming
    /// the earlier one. Sorting by start makes it O(n log n).
    private mutating func checkOverlaps(_ slots: [Event.Slot]) {
        let order = slots.indices.sorted { (slots[$0].start, $0) < (slots[$1].start, $1) }
        var latest: Int? = nil  // the slot seen so far that ends last
        for index in order {
            if let previous = latest, slots[index].start < slots[previous].end {
                let other = slots[previous]
                issues.append(CorpusIssue(.error, .invalidValue, at: slotLocations[index], field: "start",
                                          "slot \(slots[index].id) (\(slots[index].start)–\(slots[index].end)) overlaps slot \(other.id) (\(other.start)–\(other.end)) at \(slotLocations[previous]); slots must not overlap"))
            }
            if latest.map({ slots[index].end > slots[$0].end }) ?? true { latest = index }
        }
    }

    /// A participant's name from its first record: a demand's enterprise, else the record's name.
    static func defaultName(of record: String, _ corpus: Corpus?) -> String? {
        guard let corpus, corpus.kind(of: record) != nil else { return nil }
        return corpus.displayName(of: corpus.demand(record)?.enterprise ?? record)
    }

    static let chineseSides: [String: Event.Side] = ["需求方": .demand, "需求": .demand, "供给方": .supply, "供给": .supply, "供应方": .supply]

    /// `YYYY-MM-DDTHH:MM`.
    static func isLocalTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: "T") else { return false }
            case 13: guard byte == UInt8(ascii: ":") else { return false }
            default: guard byte >= 48 && byte <= 57 else { return false }
            }
        }
        return true
    }
}
