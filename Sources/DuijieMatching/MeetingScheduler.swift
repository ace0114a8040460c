/// Gives each meeting between two participants a time slot and a table: nobody in two
/// meetings at once, only in slots both can attend, at most the tables of a slot, locked
/// meetings where they were put.
///
/// - With full availability, no locks and the same number of tables in every slot, the
///   meetings are an equitable bipartite edge colouring (König): as few slots as the busiest
///   participant's meetings allow, or as the tables require, every one guaranteed placed.
/// - Otherwise, a constrained colouring: meetings with the fewest possible slots first, each
///   in the slot that adds the least idle time, and when none is free a repair that moves
///   one or two blocking meetings elsewhere (an ejection chain). What still cannot be placed
///   is returned with the reason.
/// - Then, for both: fewer idle gaps in each participant's day by Kempe-chain swaps between
///   pairs of slots, accepted only when they lower the total gap count and keep every rule.
/// - Tables: a locked meeting keeps its table; otherwise the `second` participant (the host,
///   e.g. the supply side) keeps the table of its previous meeting when it is free.
///
/// Everything is deterministic: ties go to lower indexes.
public enum MeetingScheduler {
    /// A meeting between participant `first` and participant `second`.
    public struct Meeting: Sendable, Equatable, Hashable {
        /// One participant (the visitor: e.g. the demand side).
        public var first: Int
        /// The other participant (the host, who keeps a table: e.g. the supply side).
        public var second: Int

        /// Creates a meeting.
        public init(first: Int, second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// Where and when a meeting happens.
    public struct Placement: Sendable, Equatable, Hashable {
        /// The slot, `0..<slotCount` (slots are in time order).
        public var slot: Int
        /// The table, `0..<tables[slot]`.
        public var table: Int

        /// Creates a placement.
        public init(slot: Int, table: Int) {
            self.slot = slot
            self.table = table
        }
    }

    /// Why a meeting has no place.
    public enum UnplacedReason: String, Sendable, Equatable {
        /// The two participants share no available slot.
        case noCommonSlot
        /// In every slot both can attend, one of them is busy or all tables are taken, and no
        /// repair freed one.
        case noFreeSlot
        /// A lock names a slot or table that does not exist, or collides with another lock.
        case invalidLock
    }

    /// The scheduling problem.
    public struct Problem: Sendable {
        /// The number of participants.
        public var participantCount: Int
        /// Tables per slot; its count is the number of slots, in time order.
        public var tables: [Int]
        /// Per participant, per slot: can attend. Empty: everyone can attend every slot.
        public var availability: [[Bool]]
        /// The meetings to place.
        public var meetings: [Meeting]
        /// Meetings (by index) fixed at a slot and table.
        public var locked: [Int: Placement]

        /// Creates a problem.
        public init(participantCount: Int, tables: [Int], availability: [[Bool]] = [], meetings: [Meeting], locked: [Int: Placement] = [:]) {
            self.participantCount = participantCount
            self.tables = tables
            self.availability = availability
            self.meetings = meetings
            self.locked = locked
        }

        /// The number of slots.
        public var slotCount: Int { tables.count }

        /// Whether `participant` can attend `slot`.
        public func isAvailable(_ participant: Int, _ slot: Int) -> Bool {
            availability.isEmpty || availability[participant][slot]
        }

        /// Whether `meeting` could happen in `slot` as far as availability goes.
        func bothAvailable(_ meeting: Meeting, _ slot: Int) -> Bool {
            isAvailable(meeting.first, slot) && isAvailable(meeting.second, slot)
        }
    }

    /// The result.
    public struct Schedule: Sendable, Equatable {
        /// Each meeting's place, or `nil`.
        public var placements: [Placement?]
        /// The meetings without a place, with the reason.
        public var unplaced: [(meeting: Int, reason: UnplacedReason)]
        /// Whether the equitable edge colouring was used (else the constrained colouring).
        public var usedEdgeColoring: Bool
        /// Σ over participants of idle slots between their first and last meeting.
        public var idleGaps: Int

        /// Creates a schedule (for checking one made elsewhere with `ScheduleValidator`).
        public init(placements: [Placement?], unplaced: [(meeting: Int, reason: UnplacedReason)] = [], usedEdgeColoring: Bool = false, idleGaps: Int = 0) {
            self.placements = placements
            self.unplaced = unplaced
            self.usedEdgeColoring = usedEdgeColoring
            self.idleGaps = idleGaps
        }

        public static func == (lhs: Schedule, rhs: Schedule) -> Bool {
            lhs.placements == rhs.placements && lhs.usedEdgeColoring == rhs.usedEdgeColoring && lhs.idleGaps == rhs.idleGaps
                && lhs.unplaced.map(\.meeting) == rhs.unplaced.map(\.meeting) && lhs.unplaced.map(\.reason) == rhs.unplaced.map(\.reason)
        }
    }

    /// Schedules the meetings.
    public static func schedule(_ problem: Problem) -> Schedule {
        var base = SlotBoard(problem: problem)
        var invalidLocks: [(meeting: Int, reason: UnplacedReason)] = []
        for (meeting, placement) in problem.locked.sorted(by: { $0.key < $1.key }) {
            if !base.placeLocked(meeting, at: placement) { invalidLocks.append((meeting, .invalidLock)) }
        }
        // Two candidate schedules; the one that places more meetings, then has fewer idle gaps, wins.
        // First: the edge colouring when everyone is free, else the constrained colouring.
        var first = base
        let firstUnplaced: [(meeting: Int, reason: UnplacedReason)]
        let usedEdgeColoring: Bool
        var alternativeProblem = problem
        if problem.locked.isEmpty, problem.availability.allSatisfy({ !$0.contains(false) }),
           let coloring = equitableColoring(problem) {
            for (meeting, slot) in coloring.colors.enumerated() { first.place(meeting, slot: slot) }
            first.slotLimit = coloring.colorCount
            firstUnplaced = []
            usedEdgeColoring = true
            // The alternative may only use the colouring's slots, so the event is no longer.
            for slot in coloring.colorCount..<problem.slotCount { alternativeProblem.tables[slot] = 0 }
        } else {
            firstUnplaced = placeConstrained(problem, board: &first, slotBySlot: false)
            usedEdgeColoring = false
        }
        first.reduceIdleGaps()
        // Second: slots filled in time order.
        var alternative = base.with(problem: alternativeProblem)
        let alternativeUnplaced = placeConstrained(alternativeProblem, board: &alternative, slotBySlot: true)
        alternative.reduceIdleGaps()
        let alternativeWins = (alternativeUnplaced.count, alternative.totalIdleGaps()) < (firstUnplaced.count, first.totalIdleGaps())
        var best = alternativeWins ? alternative.with(problem: problem) : first
        best.assignTables()
        return Schedule(placements: best.placements(),
                        unplaced: (invalidLocks + (alternativeWins ? alternativeUnplaced : firstUnplaced)).sorted { $0.meeting < $1.meeting },
                        usedEdgeColoring: usedEdgeColoring && !alternativeWins, idleGaps: best.totalIdleGaps())
    }

    /// The equitable König colouring with the fewest colours that fit the tables, as slots; `nil`
    /// when the graph is not bipartite, tables differ between slots, or there are too few slots.
    static func equitableColoring(_ problem: Problem) -> BipartiteEdgeColoring? {
        guard let tables = problem.tables.first, tables > 0, problem.tables.allSatisfy({ $0 == tables }) else { return nil }
        let firsts = Set(problem.meetings.map(\.first))
        guard firsts.isDisjoint(with: problem.meetings.map(\.second)) else { return nil }
        var degree = [Int](repeating: 0, count: problem.participantCount)
        for meeting in problem.meetings { degree[meeting.first] += 1; degree[meeting.second] += 1 }
        let maximumDegree = degree.max() ?? 0
        let needed = max(maximumDegree, (problem.meetings.count + tables - 1) / tables, 1)
        guard needed <= problem.slotCount else { return nil }
        return BipartiteEdgeColoring(leftCount: problem.participantCount, rightCount: problem.participantCount,
                                     edges: problem.meetings.map { ($0.first, $0.second) }, colorCount: needed)
    }

    /// Most constrained first, least added idle time, ejection-chain repair.
    /// With `slotBySlot`, slots are first filled in time order (see `SlotBoard.fillSlotBySlot`),
    /// which keeps people's days compact; the rest as without it.
    static func placeConstrained(_ problem: Problem, board: inout SlotBoard, slotBySlot: Bool) -> [(meeting: Int, reason: UnplacedReason)] {
        var degree = [Int](repeating: 0, count: problem.participantCount)
        for meeting in problem.meetings { degree[meeting.first] += 1; degree[meeting.second] += 1 }
        let open = problem.meetings.indices.filter { problem.locked[$0] == nil }
        let options = open.map { index in (0..<problem.slotCount).filter { problem.bothAvailable(problem.meetings[index], $0) }.count }
        let order = zip(open, options).sorted { a, b in
            let m = problem.meetings[a.0], n = problem.meetings[b.0]
            return (a.1, -(degree[m.first] + degree[m.second]), a.0) < (b.1, -(degree[n.first] + degree[n.second]), b.0)
        }
        var unplaced: [(meeting: Int, reason: UnplacedReason)] = []
        var blocked: [Int] = []
        if slotBySlot { board.fillSlotBySlot(zip(open, options).filter { $0.1 > 0 }.map(\.0)) }
        for (meeting, optionCount) in order where board.slotOf[meeting] < 0 {
            if optionCount == 0 { unplaced.append((meeting, .noCommonSlot)); continue }
            if let slot = board.bestFreeSlot(for: meeting) {
                board.place(meeting, slot: slot)
            } else if !board.repairAndPlace(meeting, depth: 3) {
                blocked.append(meeting)
            }
        }
        board.placeMoreByExchange(blocked)
        // An exchange may leave a different meeting out than the one it placed: read the board.
        let reported = Set(unplaced.map(\.meeting))
        let stillOut = open.filter { board.slotOf[$0] < 0 && !reported.contains($0) }
        return unplaced + stillOut.map { ($0, UnplacedReason.noFreeSlot) }
    }
}
