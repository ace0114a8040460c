extension EventReport {
    /// Table cards to print: one page per table and slot with a meeting, the table number
    /// large, the time, and both participants with their organizations. A self-contained HTML
    /// page (print it from a browser; each card starts a new page).
    func tableCardsHTML() -> String {
        let title = plan.event.name + (chinese ? " · 桌牌" : " · table cards")
        var html = """
        <!DOCTYPE html>
        <html lang="\(chinese ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(Self.html(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 0; }
        .card { page-break-after: always; break-after: page; padding: 2.5cm 2cm; text-align: center; }
        .card:last-child { page-break-after: auto; break-after: auto; }
        .table { font-size: 96pt; font-weight: bold; margin: 0.3cm 0; }
        .time { font-size: 24pt; color: #333; }
        .role { font-size: 12pt; color: #777; margin-top: 1cm; }
        .side { font-size: 28pt; }
        .organization { font-size: 16pt; color: #555; }
        .event { font-size: 14pt; color: #777; margin-top: 1.5cm; }
        </style>
        </head>
        <body>

        """
        for slot in plan.event.slots {
            for meeting in plan.scheduled.filter({ $0.slot == slot.id }) {
                html += "<section class=\"card\">\n"
                html += "<div class=\"time\">\(Self.html(Self.time(slot.start) + "–" + Self.time(slot.end)))</div>\n"
                html += "<div class=\"table\">\(chinese ? "第 \(meeting.table!) 桌" : "Table \(meeting.table!)")</div>\n"
                for (id, role) in [(meeting.demand, chinese ? "需求方" : "Demand side"), (meeting.supply, chinese ? "供给方" : "Supply side")] {
                    html += "<div class=\"role\">\(role)</div>\n"
                    html += "<div class=\"side\">\(Self.html(name(id)))</div>\n"
                    if let organization = briefs?.brief(of: id)?.organization, !organization.isEmpty {
                        html += "<div class=\"organization\">\(Self.html(organization))</div>\n"
                    }
                }
                html += "<div class=\"event\">\(Self.html(plan.event.name + (plan.event.venue.map { " · " + $0 } ?? "")))</div>\n"
                html += "</section>\n"
            }
        }
        return html + "</body>\n</html>\n"
    }

    /// Text made safe inside HTML elements and attribute values.
    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
