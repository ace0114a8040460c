import DuijieCorpus

/// Replans an event whose schedule was published, after changes on the day: cancellations
/// and no-shows (a participant's row removed, or its availability cut), walk-ins (new rows),
/// a lost table or a shifted slot (the slots table edited), new vetoes.
///
/// The objective, in this order (docs/cli.md, "Replanning"):
/// 1. **Keep every published meeting that is still possible**, at its slot and table, as a
///    lock: both participants are still there on their sides, the slot and table still exist,
///    both can still attend the slot, no veto has come between them, and neither exceeds a
///    lowered maximum (the latest meetings go first).
/// 2. **Change as few agendas as possible**: the participants whose agendas change anyway —
///    who lost a meeting, whose meeting's time moved, or who had none (walk-ins) — are the only
///    ones new meetings may open; a new meeting needs at least one of them, and one between
///    two of them counts one point more than its score. No meeting is made between two
///    participants whose agendas would otherwise stay as published.
/// 3. Within that, the planner's usual objective (minimums, requests, scores), solved exactly.
///
/// The agendas that must change (those who lost or moved a meeting) are a lower bound on the
/// agendas changed; the outcome reports both.
public enum EventReplanner {
    /// A meeting of the published schedule.
    public struct PublishedMeeting: Sendable, Equatable {
        /// The demand-side participant.
        public var demand: String
        /// The supply-side participant.
        public var supply: String
        /// The slot id.
        public var slot: String
        /// The table, from 1.
        public var table: Int
        /// The slot's start as published (`nil` when the schedule did not say).
        public var start: String?
        /// The slot's end as published.
        public var end: String?

        /// A published meeting.
        public init(demand: String, supply: String, slot: String, table: Int, start: String? = nil, end: String? = nil) {
            self.demand = demand
            self.supply = supply
            self.slot = slot
            self.table = table
            self.start = start
            self.end = end
        }
    }

    /// Why a published meeting is not kept where it was.
    public enum DropReason: Sendable, Equatable {
        /// A participant is no longer in the event (cancelled, no-show).
        case participantGone(String)
        /// The slot no longer exists.
        case slotGone
        /// The slot has fewer tables now.
        case tableGone
        /// A participant can no longer attend the slot.
        case unavailable(String)
        /// A never-meet or a shared organization now keeps them apart.
        case vetoed
        /// A participant's maximum is now lower.
        case overMaximum(String)
    }

    /// What changed on one participant's agenda.
    public struct AgendaChange: Sendable, Equatable {
        /// What happened to the meeting.
        public enum Kind: String, Sendable { case removed, added, moved }
        /// The participant whose agenda changed.
        public let participant: String
        /// What happened.
        public let kind: Kind
        /// The other participant of the meeting.
        public let partner: String
        /// Slot, table and times before (removed, moved).
        public let before: PublishedMeeting?
        /// Slot and table after (added, moved).
        public let after: PublishedMeeting?
        /// For a removed meeting, why.
        public let reason: DropReason?
    }

    /// The replanned event and what changed.
    public struct Outcome: Sendable {
        /// The new plan (its event carries the kept meetings as locks).
        public let plan: EventPlan
        /// The published meetings.
        public let published: [PublishedMeeting]
        /// Published meetings kept at their slot and table.
        public let kept: [PublishedMeeting]
        /// The organizer's own locks (`locked` of the event), as opposed to kept meetings.
        public let organizerLocks: [Event.LockedMeeting]
        /// Published meetings not kept, with the reason.
        public let dropped: [(meeting: PublishedMeeting, reason: DropReason)]
        /// Every change, participant by participant (in event order), then by time.
        public let changes: [AgendaChange]
        /// Participants (of the new event) whose agendas had to change: they lost a meeting or
        /// a meeting's time moved. A lower bound on `changedParticipants`.
        public let mustChange: Set<String>

        /// The participants of the new event whose agendas changed, in event order.
        public var changedParticipants: [String] {
            let changed = Set(changes.map(\.participant))
            return plan.event.participants.map(\.id).filter { changed.contains($0) }
        }
    }

    /// Replans `event` keeping what `published` still allows.
    public static func replan(_ event: Event, published: [PublishedMeeting], scores: PairScores, corpus: Corpus? = nil,
                              options: EventPlanner.Options = .init()) -> Outcome {
        let check = KeptMeetings(event: event, published: published, scores: scores, corpus: corpus)
        var locked = event.locked.filter { lock in !check.kept.contains { $0.demand == lock.demand && $0.supply == lock.supply } }
        locked += check.kept.map { Event.LockedMeeting(demand: $0.demand, supply: $0.supply, slot: $0.slot, table: $0.table) }
        var replanned = event
        replanned.locked = locked
        let hadMeetings = Set(published.flatMap { [$0.demand, $0.supply] })
        let walkIns = Set(event.participants.map(\.id).filter { !hadMeetings.contains($0) })
        var options = options
        options.changing = check.mustChange.union(walkIns)
        let plan = EventPlanner.plan(replanned, scores: scores, corpus: corpus, options: options)
        let changes = AgendaDifference.changes(event: event, published: published, plan: plan, dropped: check.dropped)
        return Outcome(plan: plan, published: published, kept: check.kept, organizerLocks: event.locked, dropped: check.dropped, changes: changes,
                       mustChange: check.mustChange)
    }
}

extension EventReplanner {
    /// The agenda changes between a published schedule and any plan of the event (for
    /// comparing a full re-solve with a replan).
    public static func difference(event: Event, published: [PublishedMeeting], plan: EventPlan) -> [AgendaChange] {
        AgendaDifference.changes(event: event, published: published, plan: plan, dropped: [])
    }
}

/// Step 1 of replanning: which published meetings are still possible where they are.
struct KeptMeetings {
    private(set) var kept: [EventReplanner.PublishedMeeting] = []
    private(set) var dropped: [(meeting: EventReplanner.PublishedMeeting, reason: EventReplanner.DropReason)] = []
    /// Participants of the event who lost a meeting or whose meeting's time moved.
    private(set) var mustChange = Set<String>()

    init(event: Event, published: [EventReplanner.PublishedMeeting], scores: PairScores, corpus: Corpus?) {
        let context = EventContext(event: event, scores: scores, corpus: corpus)
        let slots = Dictionary(event.slots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var count: [String: Int] = [:]
        // Earliest first, so a lowered maximum drops the latest meetings.
        let order = published.indices.sorted { (context.slotIndex[published[$0].slot] ?? Int.max, $0) < (context.slotIndex[published[$1].slot] ?? Int.max, $1) }
        for meeting in order.map({ published[$0] }) {
            let reason = Self.problem(meeting, event: event, context: context, slots: slots, count: count)
            if let reason {
                dropped.append((meeting, reason))
                mustChange.formUnion([meeting.demand, meeting.supply].filter { event.participant($0) != nil })
                continue
            }
            kept.append(meeting)
            count[meeting.demand, default: 0] += 1
            count[meeting.supply, default: 0] += 1
            if let slot = slots[meeting.slot], (meeting.start.map { $0 != slot.start } ?? false) || (meeting.end.map { $0 != slot.end } ?? false) {
                mustChange.formUnion([meeting.demand, meeting.supply])
            }
        }
    }

    private static func problem(_ meeting: EventReplanner.PublishedMeeting, event: Event, context: EventContext, slots: [String: Event.Slot],
                                count: [String: Int]) -> EventReplanner.DropReason? {
        for (id, side) in [(meeting.demand, Event.Side.demand), (meeting.supply, .supply)] where event.participant(id)?.side != side {
            return .participantGone(id)
        }
        guard let slot = slots[meeting.slot], let slotIndex = context.slotIndex[meeting.slot] else { return .slotGone }
        guard meeting.table <= slot.tables else { return .tableGone }
        for id in [meeting.demand, meeting.supply] where !context.availableSlots(context.participant(id)).contains(slotIndex) {
            return .unavailable(id)
        }
        if let d = context.demandIndex[meeting.demand], let s = context.supplyIndex[meeting.supply], let veto = context.veto(d, s) {
            let demand = context.participant(meeting.demand), supply = context.participant(meeting.supply)
            let asked = demand.mustMeet.contains(supply.id) || supply.mustMeet.contains(demand.id)
            if !(veto == .sameOrganization && asked) { return .vetoed }
        }
        for id in [meeting.demand, meeting.supply] {
            let participant = context.participant(id)
            if (count[id] ?? 0) >= participant.maximumMeetings { return .overMaximum(id) }
        }
        return nil
    }
}
