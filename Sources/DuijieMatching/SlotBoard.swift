/// The schedule under construction: which meeting each participant has in each slot, how full
/// each slot is, and the moves that repair and improve it.
struct SlotBoard {
    typealias Problem = MeetingScheduler.Problem
    typealias Placement = MeetingScheduler.Placement

    private(set) var problem: Problem
    let slotCount: Int
    /// Meeting → slot, or −1.
    private(set) var slotOf: [Int]
    /// Meeting → table (locked meetings before `assignTables`, all after), or −1.
    private(set) var tableOf: [Int]
    /// participant × slot → meeting, or −1.
    private var busy: [Int32]
    private var countInSlot: [Int]
    private var isLocked: [Bool]
    /// Meetings that a repair must not move (the one being placed).
    private var pinned: Set<Int> = []
    /// Placements made since the last checkpoint, for undo: (meeting, previous slot).
    private var log: [(meeting: Int, previous: Int)] = []
    /// Kempe swaps only use slots below this (the edge colouring's slots, so it keeps its length).
    var slotLimit: Int

    init(problem: Problem) {
        self.problem = problem
        slotCount = problem.slotCount
        slotOf = [Int](repeating: -1, count: problem.meetings.count)
        tableOf = [Int](repeating: -1, count: problem.meetings.count)
        busy = [Int32](repeating: -1, count: problem.participantCount * problem.slotCount)
        countInSlot = [Int](repeating: 0, count: problem.slotCount)
        isLocked = [Bool](repeating: false, count: problem.meetings.count)
        slotLimit = problem.slotCount
    }

    /// This board's placements under another problem with the same meetings (other tables).
    func with(problem other: Problem) -> SlotBoard {
        var board = self
        board.problem = other
        return board
    }

    func meeting(of participant: Int, in slot: Int) -> Int? {
        let value = busy[participant * slotCount + slot]
        return value < 0 ? nil : Int(value)
    }

    func canPlace(_ meeting: Int, in slot: Int) -> Bool {
        let m = problem.meetings[meeting]
        return problem.bothAvailable(m, slot) && self.meeting(of: m.first, in: slot) == nil
            && self.meeting(of: m.second, in: slot) == nil && countInSlot[slot] < problem.tables[slot]
    }

    /// Places a lock; `false` when it breaks a rule (slot, table, availability, double booking).
    mutating func placeLocked(_ meeting: Int, at placement: Placement) -> Bool {
        guard placement.slot >= 0 && placement.slot < slotCount, placement.table >= 0 && placement.table < problem.tables[placement.slot],
              canPlace(meeting, in: placement.slot),
              !tableOf.indices.contains(where: { tableOf[$0] == placement.table && slotOf[$0] == placement.slot }) else { return false }
        place(meeting, slot: placement.slot)
        tableOf[meeting] = placement.table
        isLocked[meeting] = true
        return true
    }

    mutating func place(_ meeting: Int, slot: Int) {
        let m = problem.meetings[meeting]
        log.append((meeting, slotOf[meeting]))
        if slotOf[meeting] >= 0 { clear(meeting) }
        slotOf[meeting] = slot
        busy[m.first * slotCount + slot] = Int32(meeting)
        busy[m.second * slotCount + slot] = Int32(meeting)
        countInSlot[slot] += 1
    }

    mutating func remove(_ meeting: Int) {
        log.append((meeting, slotOf[meeting]))
        clear(meeting)
    }

    private mutating func clear(_ meeting: Int) {
        let m = problem.meetings[meeting]
        let slot = slotOf[meeting]
        busy[m.first * slotCount + slot] = -1
        busy[m.second * slotCount + slot] = -1
        countInSlot[slot] -= 1
        slotOf[meeting] = -1
    }

    /// Reverts every placement made since `checkpoint` (a `log` length).
    private mutating func undo(to checkpoint: Int) {
        while log.count > checkpoint {
            let entry = log.removeLast()
            if slotOf[entry.meeting] >= 0 { clear(entry.meeting) }
            if entry.previous >= 0 {
                let m = problem.meetings[entry.meeting]
                slotOf[entry.meeting] = entry.previous
                busy[m.first * slotCount + entry.previous] = Int32(entry.meeting)
                busy[m.second * slotCount + entry.previous] = Int32(entry.meeting)
                countInSlot[entry.previous] += 1
            }
        }
    }

    // MARK: Idle gaps

    /// Idle slots between a participant's first and last meeting.
    func idleGaps(of participant: Int) -> Int {
        var first = -1, last = -1, count = 0
        for slot in 0..<slotCount where busy[participant * slotCount + slot] >= 0 {
            if first < 0 { first = slot }
            last = slot
            count += 1
        }
        return first < 0 ? 0 : last - first + 1 - count
    }

    func totalIdleGaps() -> Int { (0..<problem.participantCount).reduce(0) { $0 + idleGaps(of: $1) } }

    /// The free slot for `meeting` that adds the fewest idle gaps; ties to the earliest.
    mutating func bestFreeSlot(for meeting: Int, excluding excluded: Int = -1) -> Int? {
        let m = problem.meetings[meeting]
        var best: (cost: Int, slot: Int)?
        let before = idleGaps(of: m.first) + idleGaps(of: m.second)
        for slot in 0..<slotCount where slot != excluded && canPlace(meeting, in: slot) {
            busy[m.first * slotCount + slot] = Int32(meeting)
            busy[m.second * slotCount + slot] = Int32(meeting)
            let cost = idleGaps(of: m.first) + idleGaps(of: m.second) - before
            busy[m.first * slotCount + slot] = -1
            busy[m.second * slotCount + slot] = -1
            if best == nil || cost < best!.cost { best = (cost, slot) }
        }
        return best?.slot
    }

    // MARK: Filling slots in time order

    /// Fills slots in time order. In each slot, meetings that can happen there are taken by
    /// priority: first those of a participant with no slack (as many remaining meetings as
    /// free slots left), then those continuing a participant's day (who has met someone and has
    /// meetings left), then those of the busiest participants. Days stay compact; what does
    /// not fit is left for the repair.
    mutating func fillSlotBySlot(_ meetings: [Int]) {
        var remaining = [Int](repeating: 0, count: problem.participantCount)
        var started = [Bool](repeating: false, count: problem.participantCount)
        var open = [Bool](repeating: false, count: problem.meetings.count)
        for meeting in meetings where slotOf[meeting] < 0 {
            open[meeting] = true
            remaining[problem.meetings[meeting].first] += 1
            remaining[problem.meetings[meeting].second] += 1
        }
        for meeting in slotOf.indices where slotOf[meeting] >= 0 {
            started[problem.meetings[meeting].first] = true
            started[problem.meetings[meeting].second] = true
        }
        func freeSlots(_ participant: Int, from slot: Int) -> Int {
            (slot..<slotCount).reduce(0) { $0 + (problem.tables[$1] > 0 && problem.isAvailable(participant, $1) && self.meeting(of: participant, in: $1) == nil ? 1 : 0) }
        }
        for slot in 0..<slotCount where problem.tables[slot] > 0 {
            var slack: [Int: Int] = [:]
            func slackOf(_ participant: Int) -> Int {
                if let known = slack[participant] { return known }
                let value = freeSlots(participant, from: slot) - remaining[participant]
                slack[participant] = value
                return value
            }
            let candidates = meetings.filter { open[$0] && canPlace($0, in: slot) }.map { meeting -> (key: [Int], meeting: Int) in
                let m = problem.meetings[meeting]
                let continuing = (started[m.first] ? 1 : 0) + (started[m.second] ? 1 : 0)
                return ([min(slackOf(m.first), slackOf(m.second)) <= 0 ? 0 : 1, -continuing, -(remaining[m.first] + remaining[m.second]), meeting], meeting)
            }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for candidate in candidates where canPlace(candidate.meeting, in: slot) {
                let m = problem.meetings[candidate.meeting]
                place(candidate.meeting, slot: slot)
                open[candidate.meeting] = false
                remaining[m.first] -= 1
                remaining[m.second] -= 1
                started[m.first] = true
                started[m.second] = true
            }
        }
    }

    // MARK: Repair

    /// Places `meeting` in a slot both can attend by moving the meetings in its way (and, when
    /// the slot's tables are all taken, one other meeting of that slot) to other slots,
    /// recursively up to `depth`. All or nothing: a failed attempt leaves the board as it was.
    mutating func repairAndPlace(_ meeting: Int, depth: Int) -> Bool {
        let m = problem.meetings[meeting]
        pinned.insert(meeting)
        defer { pinned.remove(meeting) }
        for slot in 0..<slotCount where problem.bothAvailable(m, slot) {
            let blockers = [self.meeting(of: m.first, in: slot), self.meeting(of: m.second, in: slot)].compactMap { $0 }
            guard !blockers.contains(where: { isLocked[$0] || pinned.contains($0) }) else { continue }
            // With the blockers gone, is a table still needed? Then one more meeting must leave.
            let tableNeeded = countInSlot[slot] - blockers.count >= problem.tables[slot]
            let extras: [Int?] = tableNeeded
                ? slotOf.indices.filter { slotOf[$0] == slot && !blockers.contains($0) && !isLocked[$0] && !pinned.contains($0) }
                : [nil]
            for extra in extras {
                let moving = blockers + (extra.map { [$0] } ?? [])
                let checkpoint = log.count
                for other in moving { remove(other) }
                place(meeting, slot: slot)
                if relocate(moving, depth: depth) { return true }
                undo(to: checkpoint)
            }
        }
        return false
    }

    /// Puts each meeting in a free slot, or repairs its way in; all or nothing is the caller's.
    private mutating func relocate(_ meetings: [Int], depth: Int) -> Bool {
        for meeting in meetings {
            if let target = bestFreeSlot(for: meeting) {
                place(meeting, slot: target)
            } else if depth <= 1 || !repairAndPlace(meeting, depth: depth - 1) {
                return false
            }
        }
        return true
    }

    /// Raises the number of placed meetings by exchanges: an unplaced meeting takes a slot from
    /// the meetings in its way when, after they and the other unplaced meetings are put back
    /// where they fit, more meetings are placed than before.
    mutating func placeMoreByExchange(_ candidates: [Int], maximumPasses: Int = 5) {
        var unplaced = candidates.filter { slotOf[$0] < 0 }
        for _ in 0..<maximumPasses {
            var improved = false
            for meeting in unplaced where slotOf[meeting] < 0 && tryExchange(meeting, others: unplaced) { improved = true }
            unplaced = slotOf.indices.filter { slotOf[$0] < 0 && problem.locked[$0] == nil }
            if !improved || unplaced.isEmpty { break }
        }
    }

    private mutating func tryExchange(_ meeting: Int, others: [Int]) -> Bool {
        let m = problem.meetings[meeting]
        for slot in 0..<slotCount where problem.bothAvailable(m, slot) {
            let blockers = [self.meeting(of: m.first, in: slot), self.meeting(of: m.second, in: slot)].compactMap { $0 }
            guard !blockers.isEmpty, !blockers.contains(where: { isLocked[$0] }) else { continue }
            let checkpoint = log.count
            for blocker in blockers { remove(blocker) }
            guard countInSlot[slot] < problem.tables[slot] else { undo(to: checkpoint); continue }
            place(meeting, slot: slot)
            var gain = 1 - blockers.count
            for other in blockers + others where other != meeting && slotOf[other] < 0 {
                if relocate([other], depth: 2) { gain += 1 }
            }
            if gain > 0 { return true }
            undo(to: checkpoint)
        }
        return false
    }

    // MARK: Kempe swaps

    /// Swaps alternating chains of meetings between pairs of slots while that lowers the total
    /// idle gaps, keeping availability, tables and locks.
    mutating func reduceIdleGaps(maximumPasses: Int = 20) {
        for _ in 0..<maximumPasses {
            var improved = false
            for s in 0..<slotLimit {
                for t in (s + 1)..<max(slotLimit, s + 1) where trySwaps(s, t) { improved = true }
            }
            if !improved { return }
        }
    }

    /// Tries every Kempe chain of slots `s` and `t`; whether any swap was kept.
    private mutating func trySwaps(_ s: Int, _ t: Int) -> Bool {
        var improved = false
        var seen = Set<Int>()
        let candidates = slotOf.indices.filter { slotOf[$0] == s || slotOf[$0] == t }
        for start in candidates where !seen.contains(start) && (slotOf[start] == s || slotOf[start] == t) {
            let chain = kempeChain(from: start, s, t)
            seen.formUnion(chain)
            guard chain.allSatisfy({ !isLocked[$0] }) else { continue }
            let fromS = chain.filter { slotOf[$0] == s }.count
            let fromT = chain.count - fromS
            guard countInSlot[s] - fromS + fromT <= problem.tables[s], countInSlot[t] - fromT + fromS <= problem.tables[t] else { continue }
            guard chain.allSatisfy({ problem.bothAvailable(problem.meetings[$0], slotOf[$0] == s ? t : s) }) else { continue }
            var people = Set<Int>()
            for meeting in chain { people.insert(problem.meetings[meeting].first); people.insert(problem.meetings[meeting].second) }
            let before = people.reduce(0) { $0 + idleGaps(of: $1) }
            let checkpoint = log.count
            let targets = chain.map { slotOf[$0] == s ? t : s }
            for meeting in chain { remove(meeting) }
            for (meeting, target) in zip(chain, targets) { place(meeting, slot: target) }
            if people.reduce(0, { $0 + idleGaps(of: $1) }) < before {
                improved = true
            } else {
                undo(to: checkpoint)
            }
        }
        log.removeAll(keepingCapacity: true)
        return improved
    }

    /// The meetings connected to `start` through shared participants within slots `s` and `t`.
    private func kempeChain(from start: Int, _ s: Int, _ t: Int) -> [Int] {
        var chain = [start]
        var inChain: Set<Int> = [start]
        var index = 0
        while index < chain.count {
            let m = problem.meetings[chain[index]]
            index += 1
            for participant in [m.first, m.second] {
                for slot in [s, t] {
                    if let other = meeting(of: participant, in: slot), !inChain.contains(other) {
                        inChain.insert(other)
                        chain.append(other)
                    }
                }
            }
        }
        return chain.sorted()
    }

    // MARK: Tables

    /// Gives every placed meeting a table: locks keep theirs; a host keeps its previous table
    /// when it is free; otherwise the lowest free table.
    mutating func assignTables() {
        var lastTable = [Int](repeating: -1, count: problem.participantCount)
        var bySlot = [[Int]](repeating: [], count: slotCount)
        for meeting in slotOf.indices where slotOf[meeting] >= 0 { bySlot[slotOf[meeting]].append(meeting) }
        for slot in 0..<slotCount {
            var taken = [Bool](repeating: false, count: problem.tables[slot])
            for meeting in bySlot[slot] where isLocked[meeting] { taken[tableOf[meeting]] = true }
            // Hosts returning to their previous table first, then the others at the lowest free one.
            var waiting: [Int] = []
            for meeting in bySlot[slot] where !isLocked[meeting] {
                let table = lastTable[problem.meetings[meeting].second]
                if table >= 0 && table < taken.count && !taken[table] {
                    taken[table] = true
                    tableOf[meeting] = table
                } else {
                    waiting.append(meeting)
                }
            }
            for meeting in waiting {
                let table = taken.firstIndex(of: false)!
                taken[table] = true
                tableOf[meeting] = table
            }
            for meeting in bySlot[slot] { lastTable[problem.meetings[meeting].second] = tableOf[meeting] }
        }
    }

    func placements() -> [Placement?] {
        slotOf.indices.map { slotOf[$0] >= 0 ? Placement(slot: slotOf[$0], table: tableOf[$0]) : nil }
    }
}
