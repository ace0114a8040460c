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
        /// The organizer or a participant asked for this meeting (must-meet).
        public let isMustMeet: Bool
        /// The sides that asked to meet (`wantToMeet`): none, one, or both (a mutual request).
        public let requestedBy: [Event.Side]
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
        /// Enough eligible partners, but fewer than the minimum score well enough to be proposed
        /// (`--min-score`): the threshold is the cause, not the others' capacity.
        case belowMinimumScore(eligible: Int, aboveThreshold: Int, threshold: Float)
        /// Enough partners, but they reached their own maximums (the minimums of all cannot be met together).
        case partnersFull(eligible: Int)
        /// Every table of every slot is taken.
        case tablesFull(tables: Int)
        /// Partners had room, but meeting this participant would have left another one below
        /// its own minimum: the minimums of all cannot be met together.
        case otherMinimums
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
            case let .belowMinimumScore(eligible, above, threshold):
                let written = String(format: "%.2f", threshold)
                return chinese
                    ? "可匹配对象 \(eligible) 个，其中匹配度不低于 \(written) 的仅 \(above) 个（最低匹配度限制所致）"
                    : "of \(eligible) eligible partners only \(above) score at least \(written) (the minimum score is the cause)"
            case let .partnersFull(eligible):
                return chinese ? "\(eligible) 个可匹配对象均已达到各自的会谈上限" : "its \(eligible) eligible partners are at their own maximums"
            case let .tablesFull(tables):
                return chinese ? "全部 \(tables) 个桌次已排满" : "all \(tables) table-slots are taken"
            case .otherMinimums:
                return chinese ? "对象尚有空档，但为其安排会谈会使其他参会方低于最少会谈数" : "partners had room, but meeting them would leave others below their own minimums"
            case let .unscheduled(count):
                return chinese ? "\(count) 场会谈无法排入时段" : "\(count) meetings could not be given a slot"
            }
        }
    }

    /// A request to meet (`wantToMeet`) that did not become a scheduled meeting.
    public struct UnmetRequest: Sendable, Equatable {
        /// Who asked.
        public let from: String
        /// Whom.
        public let to: String
        /// Why not.
        public let reason: UnmetReason
    }

    /// Why a request was not met.
    public enum UnmetReason: Sendable, Equatable {
        /// The other side said no thanks (`neverMeet`).
        case declined
        /// Both belong to one organization.
        case sameOrganization
        /// No slot both can attend.
        case noCommonSlot
        /// The asker has as many meetings as it may have, all ranked higher (locks, must-meets,
        /// mutual requests, or requests with better scores).
        case askerFull
        /// The other side has as many meetings as it may have.
        case partnerFull
        /// Every table of every slot is taken.
        case tablesFull
        /// Paired, but no slot was free for both.
        case unscheduled
        /// Both had room, but the pairing scored higher without it (other minimums or requests).
        case outweighed

        /// A sentence for the summary.
        public func text(chinese: Bool) -> String {
            switch self {
            case .declined: return chinese ? "对方表示不见" : "the other side said no thanks"
            case .sameOrganization: return chinese ? "同单位回避" : "both belong to one organization"
            case .noCommonSlot: return chinese ? "没有双方都能参加的时段" : "no slot both can attend"
            case .askerFull: return chinese ? "提出方的会谈已满" : "the asker's meetings are full"
            case .partnerFull: return chinese ? "对方的会谈已满" : "the other side's meetings are full"
            case .tablesFull: return chinese ? "全部桌次已排满" : "every table-slot is taken"
            case .unscheduled: return chinese ? "已配对但没有双方都空闲的时段" : "paired, but no slot was free for both"
            case .outweighed: return chinese ? "双方尚有空档，但其他配对（最少会谈数或请求）得分更高" : "both had room, but other pairs (minimums or requests) came first"
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
    /// Requests to meet that were not met, in participant and list order.
    public let unmetRequests: [UnmetRequest]
    /// Meetings without a place.
    public let unplaced: [Unplaced]
    /// Pairs excluded by never-meet, by shared organization, and for want of a common slot.
    public let vetoes: (neverMeet: Int, sameOrganization: Int, noCommonSlot: Int)
    /// Σ over participants of idle slots between their first and last meeting.
    public let idleGaps: Int
    /// Whether the schedule is the equitable edge colouring (full availability) or the constrained colouring.
    public let usedEdgeColoring: Bool
    /// The lowest reciprocal score a meeting may have to be proposed (`Options.minimumScore`).
    public let minimumScore: Float
    /// The best reciprocal score of any eligible pair (0: the scores say nothing).
    public let bestScore: Float
    /// Participants with no eligible partner scoring at least `minimumScore` and no must-meet
    /// or lock: the event has nobody to offer them.
    public let withoutGoodPartners: [String]

    /// The placed meetings.
    public var scheduled: [Meeting] { meetings.filter { $0.slot != nil } }

    /// Σ of the placed meetings' reciprocal scores.
    public var totalScore: Float { scheduled.reduce(0) { $0 + $1.score } }

    /// A participant's placed meetings, in time order.
    public func agenda(of participant: String) -> [Meeting] {
        scheduled.filter { $0.demand == participant || $0.supply == participant }
    }
}
