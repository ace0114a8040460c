/// Checks a schedule against every rule of its problem, independently of how it was made.
public enum ScheduleValidator {
    /// Every broken rule, as a sentence; empty when the schedule is valid.
    ///
    /// Rules: each placement names an existing slot and table; both participants can attend
    /// the slot; nobody is in two meetings in one slot; no table holds two meetings in one slot;
    /// locked meetings are where they were locked; a meeting reported unplaced has no place.
    public static func violations(of schedule: MeetingScheduler.Schedule, for problem: MeetingScheduler.Problem) -> [String] {
        var problems: [String] = []
        var participantSlot = Set<[Int]>()
        var tableSlot = Set<[Int]>()
        guard schedule.placements.count == problem.meetings.count else {
            return ["\(schedule.placements.count) placements for \(problem.meetings.count) meetings"]
        }
        for (index, placement) in schedule.placements.enumerated() {
            let meeting = problem.meetings[index]
            if let lock = problem.locked[index], placement != lock, !schedule.unplaced.contains(where: { $0.meeting == index }) {
                problems.append("meeting \(index) is locked at slot \(lock.slot) table \(lock.table) but placed elsewhere")
            }
            guard let placement else { continue }
            guard placement.slot >= 0 && placement.slot < problem.slotCount else {
                problems.append("meeting \(index): slot \(placement.slot) does not exist")
                continue
            }
            if placement.table < 0 || placement.table >= problem.tables[placement.slot] {
                problems.append("meeting \(index): table \(placement.table) does not exist in slot \(placement.slot)")
            }
            for participant in [meeting.first, meeting.second] {
                if !problem.isAvailable(participant, placement.slot) {
                    problems.append("meeting \(index): participant \(participant) is not available in slot \(placement.slot)")
                }
                if !participantSlot.insert([participant, placement.slot]).inserted {
                    problems.append("participant \(participant) has two meetings in slot \(placement.slot)")
                }
            }
            if !tableSlot.insert([placement.table, placement.slot]).inserted {
                problems.append("table \(placement.table) holds two meetings in slot \(placement.slot)")
            }
        }
        for entry in schedule.unplaced where schedule.placements[entry.meeting] != nil {
            problems.append("meeting \(entry.meeting) is reported unplaced but has a place")
        }
        return problems
    }
}
