import DuijieCorpus

/// A matchmaking event (对接会): participants on the demand and supply sides, time slots, tables
/// per slot, and meetings the organizer has already fixed.
///
/// The file formats (a JSON file, or a directory of CSV files) are in `docs/event-format.md`.
public struct Event: Sendable {
    /// Which side a participant is on.
    public enum Side: String, Sendable, CaseIterable {
        /// Enterprises with demands (需求方).
        case demand
        /// Experts, institutions and achievement holders (供给方).
        case supply
    }

    /// The language of the event's printed outputs.
    public enum Language: String, Sendable {
        /// 中文.
        case chinese = "zh"
        /// English.
        case english = "en"
    }

    /// One person or organization at the event.
    public struct Participant: Sendable, Equatable {
        /// A unique id within the event.
        public var id: String
        /// The name printed on schedules and agendas.
        public var name: String
        /// The side.
        public var side: Side
        /// The corpus records the participant stands for: demands or enterprises on the demand
        /// side; achievements, experts or institutions on the supply side.
        public var records: [String]
        /// A free-text profile, used when there are no records (or in addition for text).
        public var profile: String?
        /// The fewest meetings wanted.
        public var minimumMeetings: Int
        /// The most meetings allowed.
        public var maximumMeetings: Int
        /// The slots the participant can attend (ids); empty means every slot.
        public var availability: [String]
        /// Participants (ids) this one must meet.
        public var mustMeet: [String]
        /// Participants (ids) this one would like to meet: preferred over unrequested pairs,
        /// first when the other side asks too (docs/cli.md, "Requests").
        public var wantToMeet: [String]
        /// Participants (ids) this one must not meet.
        public var neverMeet: [String]
        /// The organization, for conflicts of interest (no meeting within one organization).
        /// Defaults to the organization of the first record (enterprise, owner, employer).
        public var organization: String?

        /// Creates a participant.
        public init(id: String, name: String, side: Side, records: [String] = [], profile: String? = nil, minimumMeetings: Int = 0,
                    maximumMeetings: Int, availability: [String] = [], mustMeet: [String] = [], wantToMeet: [String] = [], neverMeet: [String] = [],
                    organization: String? = nil) {
            self.id = id
            self.name = name
            self.side = side
            self.records = records
            self.profile = profile
            self.minimumMeetings = minimumMeetings
            self.maximumMeetings = maximumMeetings
            self.availability = availability
            self.mustMeet = mustMeet
            self.wantToMeet = wantToMeet
            self.neverMeet = neverMeet
            self.organization = organization
        }
    }

    /// A time slot.
    public struct Slot: Sendable, Equatable {
        /// A unique id.
        public var id: String
        /// Start, local time, `YYYY-MM-DDTHH:MM`.
        public var start: String
        /// End, local time.
        public var end: String
        /// Tables available in this slot.
        public var tables: Int

        /// Creates a slot.
        public init(id: String, start: String, end: String, tables: Int) {
            self.id = id
            self.start = start
            self.end = end
            self.tables = tables
        }
    }

    /// A meeting fixed by the organizer: kept, with its slot and table, on every run.
    public struct LockedMeeting: Sendable, Equatable {
        /// The demand-side participant.
        public var demand: String
        /// The supply-side participant.
        public var supply: String
        /// The slot id.
        public var slot: String
        /// The table number, from 1.
        public var table: Int

        /// Creates a lock.
        public init(demand: String, supply: String, slot: String, table: Int) {
            self.demand = demand
            self.supply = supply
            self.slot = slot
            self.table = table
        }
    }

    /// The event's title.
    public var name: String
    /// Where it happens (printed on agendas).
    public var venue: String?
    /// The language `event.json` asks for (`nil`: the command's choice, Chinese by default).
    public var language: Language?
    /// The participants, in file order.
    public var participants: [Participant]
    /// The slots, in time order.
    public var slots: [Slot]
    /// Fixed meetings.
    public var locked: [LockedMeeting]

    /// Creates an event; slots are put in time order.
    public init(name: String, venue: String? = nil, language: Language? = nil, participants: [Participant], slots: [Slot], locked: [LockedMeeting] = []) {
        self.name = name
        self.venue = venue
        self.language = language
        self.participants = participants
        self.slots = slots.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        self.locked = locked
    }

    /// The participant with this id.
    public func participant(_ id: String) -> Participant? { participants.first { $0.id == id } }

    /// The corpus records a meeting between two participants stands for, as a workspace
    /// records it: the demand side's first demand and the supply side's first achievement,
    /// expert or institution (whose kind is the meeting's target); `nil` when a side stands for
    /// no such record (a profile only).
    public func meetingRecords(demand: String, supply: String, in corpus: Corpus) -> (demand: String, supply: String, target: RecordKind)? {
        guard let demandRecord = participant(demand)?.records.first(where: { corpus.kind(of: $0) == .demand }),
              let supplyRecord = participant(supply)?.records.first(where: { [.achievement, .expert, .institution].contains(corpus.kind(of: $0)) }),
              let kind = corpus.kind(of: supplyRecord) else { return nil }
        return (demandRecord, supplyRecord, kind)
    }
}
