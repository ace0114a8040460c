/// iCalendar (RFC 5545) agendas: one VEVENT per meeting, times as local "floating" times
/// (the event's wall clock), text escaped, lines folded at 75 octets, CRLF line ends.
enum ICalendar {
    static func agenda(_ report: EventReport, participant: String) -> String {
        let plan = report.plan, chinese = report.chinese
        let event = plan.event
        // DTSTAMP must be a UTC time; the event's first day keeps re-runs byte-identical.
        let stamp = event.slots.first.map { compact($0.start).prefix(8) + "T000000Z" } ?? "19700101T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Duijie//Event agenda//\(chinese ? "ZH" : "EN")", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(event.name)]
        for meeting in plan.agenda(of: participant) {
            guard let slot = event.slots.first(where: { $0.id == meeting.slot }), let table = meeting.table else { continue }
            let partner = meeting.demand == participant ? meeting.supply : meeting.demand
            let partnerName = event.participant(partner)?.name ?? partner
            let place = (event.venue.map { $0 + " " } ?? "") + (chinese ? "第\(table)桌" : "table \(table)")
            let description = report.meetingDescription(meeting, for: participant)
            lines += ["BEGIN:VEVENT",
                      "UID:" + escape("\(slot.id)-\(meeting.demand)-\(meeting.supply)@duijie"),
                      "DTSTAMP:" + stamp,
                      "DTSTART:" + compact(slot.start) + "00",
                      "DTEND:" + compact(slot.end) + "00",
                      "SUMMARY:" + escape((chinese ? "对接：" : "Meeting: ") + partnerName),
                      "LOCATION:" + escape(place),
                      "DESCRIPTION:" + escape(description),
                      "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `2026-12-08T09:00` → `20261208T0900`.
    static func compact(_ localTime: String) -> String {
        localTime.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// TEXT values: backslash, semicolon, comma and newline escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Splits a content line into lines of at most 75 octets, each continuation starting with a
    /// space, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74  // a continuation's leading space counts
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }
}
