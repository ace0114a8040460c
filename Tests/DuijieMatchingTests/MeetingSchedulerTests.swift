import DuijieBase
@testable import DuijieMatching
import Testing

@Suite struct MeetingSchedulerTests {
    typealias Meeting = MeetingScheduler.Meeting
    typealias Placement = MeetingScheduler.Placement

    /// A random simple bipartite graph: participants 0..<left meet right..., each pair at most once.
    func randomMeetings(left: Int, right: Int, share: Double, random: inout SplitMix64) -> [Meeting] {
        var meetings: [Meeting] = []
        for a in 0..<left { for b in 0..<right where Double.random(in: 0..<1, using: &random) < share {
            meetings.append(Meeting(first: a, second: left + b))
        } }
        return meetings
    }

    func maximumDegree(_ meetings: [Meeting], participants: Int) -> Int {
        var degree = [Int](repeating: 0, count: participants)
        for meeting in meetings { degree[meeting.first] += 1; degree[meeting.second] += 1 }
        return degree.max() ?? 0
    }

    @Test func königColouringUsesΔColoursAndIsEquitable() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<40 {
            let left = Int.random(in: 1...30, using: &random), right = Int.random(in: 1...30, using: &random)
            let meetings = randomMeetings(left: left, right: right, share: Double.random(in: 0.05...0.9, using: &random), random: &random)
            let delta = maximumDegree(meetings, participants: left + right)
            let coloring = BipartiteEdgeColoring(leftCount: left, rightCount: right, edges: meetings.map { ($0.first, $0.second - left) })
            #expect(coloring.colorCount == max(delta, 1))
            var seen = Set<[Int]>()
            for (meeting, color) in zip(meetings, coloring.colors) {
                #expect(color >= 0 && color < coloring.colorCount)
                #expect(seen.insert([meeting.first, color]).inserted && seen.insert([meeting.second, color]).inserted)
            }
            var sizes = [Int](repeating: 0, count: coloring.colorCount)
            for color in coloring.colors { sizes[color] += 1 }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
    }

    @Test func fullAvailabilityNeedsOnlyTheBusiestParticipantsSlots() {
        var random = SplitMix64(seed: 12)
        for _ in 0..<30 {
            let left = Int.random(in: 2...25, using: &random), right = Int.random(in: 2...25, using: &random)
            let meetings = randomMeetings(left: left, right: right, share: Double.random(in: 0.1...0.6, using: &random), random: &random)
            let tables = Int.random(in: 3...20, using: &random)
            let problem = MeetingScheduler.Problem(participantCount: left + right, tables: [Int](repeating: tables, count: 40), meetings: meetings)
            let schedule = MeetingScheduler.schedule(problem)
            #expect(ScheduleValidator.violations(of: schedule, for: problem).isEmpty)
            // The edge colouring, or the slot-by-slot filling when it fits the same slots with fewer gaps.
            #expect(schedule.unplaced.isEmpty)
            // The lower bound: the busiest participant's meetings, and the meetings over the tables.
            let bound = max(maximumDegree(meetings, participants: left + right), (meetings.count + tables - 1) / tables, 1)
            let lastSlot = schedule.placements.compactMap { $0?.slot }.max() ?? 0
            #expect(meetings.isEmpty || lastSlot + 1 == bound)
        }
    }

    @Test func limitedAvailabilityPlacesAsManyAsBruteForce() {
        var random = SplitMix64(seed: 13)
        var placedTotal = 0
        for _ in 0..<300 {
            let left = Int.random(in: 1...3, using: &random), right = Int.random(in: 1...3, using: &random)
            let meetings = Array(randomMeetings(left: left, right: right, share: 0.7, random: &random).prefix(7))
            let slots = Int.random(in: 2...4, using: &random)
            let availability = (0..<(left + right)).map { _ in (0..<slots).map { _ in Int.random(in: 0..<4, using: &random) > 0 } }
            let tables = (0..<slots).map { _ in Int.random(in: 1...2, using: &random) }
            let problem = MeetingScheduler.Problem(participantCount: left + right, tables: tables, availability: availability, meetings: meetings)
            let schedule = MeetingScheduler.schedule(problem)
            #expect(ScheduleValidator.violations(of: schedule, for: problem).isEmpty)
            let placed = schedule.placements.compactMap { $0 }.count
            #expect(placed == bruteForceMostPlaced(problem))
            placedTotal += placed
            for (meeting, reason) in schedule.unplaced {
                let common = (0..<slots).contains { problem.bothAvailable(meetings[meeting], $0) }
                #expect(reason == (common ? .noFreeSlot : .noCommonSlot))
            }
        }
        #expect(placedTotal > 500)
    }

    /// The most meetings any valid schedule places: every assignment of a slot or none, tried.
    func bruteForceMostPlaced(_ problem: MeetingScheduler.Problem) -> Int {
        var best = 0
        var slotOf = [Int](repeating: -1, count: problem.meetings.count)
        func search(_ index: Int, _ placed: Int) {
            if placed + (problem.meetings.count - index) <= best { return }
            if index == problem.meetings.count { best = max(best, placed); return }
            let meeting = problem.meetings[index]
            for slot in 0..<problem.slotCount where problem.bothAvailable(meeting, slot) {
                let clash = (0..<index).contains { other in
                    slotOf[other] == slot && [problem.meetings[other].first, problem.meetings[other].second].contains { $0 == meeting.first || $0 == meeting.second }
                }
                let used = (0..<index).filter { slotOf[$0] == slot }.count
                if clash || used >= problem.tables[slot] { continue }
                slotOf[index] = slot
                search(index + 1, placed + 1)
                slotOf[index] = -1
            }
            search(index + 1, placed)
        }
        search(0, 0)
        return best
    }

    @Test func locksStayAndBadLocksAreReported() {
        // 0 meets 2 and 3; 1 meets 2. Lock 0–3 at slot 0, table 1; a second lock on the same table collides.
        let meetings = [Meeting(first: 0, second: 2), Meeting(first: 0, second: 3), Meeting(first: 1, second: 2)]
        let problem = MeetingScheduler.Problem(participantCount: 4, tables: [2, 2], meetings: meetings,
                                               locked: [1: Placement(slot: 0, table: 1), 2: Placement(slot: 0, table: 1)])
        let schedule = MeetingScheduler.schedule(problem)
        #expect(schedule.placements[1] == Placement(slot: 0, table: 1))
        #expect(schedule.unplaced.map(\.meeting) == [2] && schedule.unplaced.first?.reason == .invalidLock)
        #expect(schedule.placements[0]?.slot == 1)
        #expect(ScheduleValidator.violations(of: schedule, for: problem).isEmpty)
    }

    @Test func idleGapsAreClosed() {
        // Participant 0 can attend slots 0 and 2 only for meeting 0–2, but meeting 0–3 could
        // be in slot 1 or 3; 3 is only free in 1 and 3. The gap-free day is 0–2 in 0 or 2 and
        // 0–3 next to it.
        let availability = [[true, true, true, true], [true, true, true, true], [true, false, true, false], [false, true, false, true]]
        let problem = MeetingScheduler.Problem(participantCount: 4, tables: [1, 1, 1, 1], availability: availability,
                                               meetings: [Meeting(first: 0, second: 2), Meeting(first: 0, second: 3)])
        let schedule = MeetingScheduler.schedule(problem)
        #expect(schedule.idleGaps == 0)
        let slots = schedule.placements.compactMap { $0?.slot }.sorted()
        #expect(slots.count == 2 && slots[1] - slots[0] == 1)
    }

    @Test func hostsKeepTheirTable() {
        // Host 3 meets visitors 0, 1, 2 in three slots; with 3 tables it should sit at one table.
        let meetings = [Meeting(first: 0, second: 3), Meeting(first: 1, second: 3), Meeting(first: 2, second: 3), Meeting(first: 0, second: 4)]
        let problem = MeetingScheduler.Problem(participantCount: 5, tables: [3, 3, 3], meetings: meetings)
        let schedule = MeetingScheduler.schedule(problem)
        #expect(Set(schedule.placements[0...2].compactMap { $0?.table }).count == 1)
    }

    @Test func theValidatorCatchesBrokenSchedules() {
        let meetings = [Meeting(first: 0, second: 2), Meeting(first: 1, second: 2), Meeting(first: 1, second: 3)]
        let problem = MeetingScheduler.Problem(participantCount: 4, tables: [1, 2], availability: [[true, true], [true, true], [true, true], [false, true]],
                                               meetings: meetings, locked: [0: Placement(slot: 0, table: 0)])
        let good = MeetingScheduler.schedule(problem)
        #expect(ScheduleValidator.violations(of: good, for: problem).isEmpty)
        func broken(_ placements: [Placement?]) -> [String] {
            var schedule = good
            schedule.placements = placements
            return ScheduleValidator.violations(of: schedule, for: problem)
        }
        let doubleBooked = broken([Placement(slot: 0, table: 0), Placement(slot: 1, table: 0), Placement(slot: 1, table: 1)])
        #expect(doubleBooked.contains { $0.contains("participant 1 has two meetings") })
        #expect(broken([Placement(slot: 0, table: 0), Placement(slot: 1, table: 1), Placement(slot: 0, table: 1)]).contains { $0.contains("not available") || $0.contains("does not exist") })
        #expect(broken([Placement(slot: 1, table: 0), Placement(slot: 0, table: 0), Placement(slot: 1, table: 1)]).contains { $0.contains("locked") })
        #expect(broken([Placement(slot: 0, table: 0), Placement(slot: 1, table: 0), Placement(slot: 1, table: 0)]).contains { $0.contains("table 0 holds two") })
    }
}
