/// The outcome of pairing and scheduling an event: every meeting with its scores, slot and
/// table; who fell short of their minimum and why; which meetings found no place and why.
public struct EventPlan: Sendable {
    /// One meeting between a demand-side and a supply-side participant.
    public struct Meeting: Sendable, Equatable {
        /// The demand-side participant's id.
        public let demand: String
        /// The supply-side participant's id.
        public let supply: String
        /// How well the supply side fits the demand side (the recommender's score, 0…1).
        public let demandScore: Float
        /// How well the demand side fits the supply side.
        public let supplyScore: Float
        /// The reciprocal score: the harmonic mean of the two.
        public let score: Float
        /// The organizer asked for this meeting (must-meet).
        public let isMustMeet: Bool
        /// The organizer fixed this meeting's slot and table.
        public let isLocked: Bool
        /// The slot id, when the meeting has a place.
        public let slot: String?
        /// The table number (from 1), when the meeting has a place.
        public let table: Int?
    }

    /// A participant below its minimum number of meetings.
    public struct Shortfall: Sendable, Equatable {
        /// The participant's id.
        public let participant: String
        /// Meetings it has.
        public let meetings: Int
        /// Meetings it wanted at least.
        public let minimum: Int
        /// Why, for the organizer.
        public let reason: ShortfallReason
    }

    /// Why a participant is below its minimum.
    public enum ShortfallReason: Sendable, Equatable {
        /// Fewer eligible partners than the minimum (the rest vetoed, in conflict or never available together).
        case fewEligiblePartners(eligible: Int, neverMeet: Int, sameOrganization: Int, noCommonSlot: Int)
        /// Available in fewer slots than the minimum.
        case fewSlots(Int)
        /// Enough partners, but they reached their own maximums (the minimums of all cannot be met together).
        case partnersFull(eligible: Int)
        /// Paired, but some meetings found no slot.
        case unscheduled(Int)

        /// A sentence for the summary.
        public func text(chinese: Bool) -> String {
            switch self {
            case let .fewEligiblePartners(eligible, never, organization, slots):
                return chinese
                    ? "可匹配对象仅 \(eligible) 个（拒见 \(never)，同单位回避 \(organization)，无共同时段 \(slots)）"
                    : "only \(eligible) eligible partners (\(never) never-meet, \(organization) same organization, \(slots) without a common slot)"
            case let .fewSlots(count):
                return chinese ? "仅有 \(count) 个可参加时段" : "available in only \(count) slots"
            case let .partnersFull(eligible):
                return chinese ? "\(eligible) 个可匹配对象均已达到各自的会谈上限" : "its \(eligible) eligible partners are at their own maximums"
            case let .unscheduled(count):
                return chinese ? "\(count) 场会谈无法排入时段" : "\(count) meetings could not be given a slot"
            }
        }
    }

    /// A meeting that was paired but has no slot, and why.
    public struct Unplaced: Sendable, Equatable {
        /// The meeting (its slot and table are `nil`).
        public let meeting: Meeting
        /// Why.
        public let reason: String
    }

    /// The event.
    public let event: Event
    /// Every meeting: placed ones in slot and table order, then unplaced ones.
    public let meetings: [Meeting]
    /// Participants below their minimum.
    public let shortfalls: [Shortfall]
    /// Meetings without a place.
    public let unplaced: [Unplaced]
    /// Pairs excluded by never-meet, by shared organization, and for want of a common slot.
    public let vetoes: (neverMeet: Int, sameOrganization: Int, noCommonSlot: Int)
    /// Σ over participants of idle slots between their first and last meeting.
    public let idleGaps: Int
    /// Whether the schedule is the equitable edge colouring (full availability) or the constrained colouring.
    public let usedEdgeColoring: Bool

    /// The placed meetings.
    public var scheduled: [Meeting] { meetings.filter { $0.slot != nil } }

    /// Σ of the placed meetings' reciprocal scores.
    public var totalScore: Float { scheduled.reduce(0) { $0 + $1.score } }

    /// A participant's placed meetings, in time order.
    public func agenda(of participant: String) -> [Meeting] {
        scheduled.filter { $0.demand == participant || $0.supply == participant }
    }
}
