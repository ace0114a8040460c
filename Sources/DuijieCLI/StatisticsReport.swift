import DuijieCorpus
import DuijieWorkbook
import DuijieWorkspace
import Foundation

/// A period's statistics as Markdown or CSV, in Chinese or in English.
struct StatisticsReport {
    let statistics: DealStatistics
    let chinese: Bool

    private func say(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    /// The breakdowns: CSV section, title, and rows with their groups' names.
    private var sections: [(id: String, title: String, rows: [(row: DealStatistics.Row, name: String)])] {
        DealStatistics.Breakdown.allCases.map { breakdown in
            (breakdown.rawValue, breakdown.title(chinese: chinese),
             statistics.rows(breakdown).map { ($0, breakdown.name(of: $0.key, chinese: chinese)) })
        }
    }

    /// The header of every table of groups.
    private var groupHeader: [String] {
        [say("项目", "group"), say("合同数", "deals"), say("成交额（万元）", "value (10k CNY)"),
         say("上年同期合同数", "deals a year earlier"), say("上年同期成交额", "value a year earlier"), say("成交额变化", "value change")]
    }

    /// The header of the brokers' table.
    private var brokerHeader: [String] {
        [say("经纪人", "broker"), say("合同数", "deals"), say("成交额（万元）", "value (10k CNY)"), say("佣金（万元）", "fees (10k CNY)")]
    }

    /// The report's title.
    var title: String {
        let period = statistics.period
        return say("技术合同统计 \(period.label)（\(period.start) 至 \(period.end)）", "Technology contracts \(period.label) (\(period.start) to \(period.end))")
    }

    private static func amount(_ value: Double) -> String { String(format: "%.2f", value) }

    private func change(_ row: DealStatistics.Row) -> String {
        guard let change = row.valueChange else { return "—" }
        return String(format: "%+.1f%%", change * 100)
    }

    /// The report as Markdown tables.
    var markdown: String {
        var lines = ["# " + title, ""]
        let header = groupHeader
        func table(_ rows: [[String]]) -> [String] {
            ["| " + header.joined(separator: " | ") + " |", "|---|" + String(repeating: "---:|", count: header.count - 1)]
                + rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        }
        func cells(_ row: DealStatistics.Row, _ name: String) -> [String] {
            [name, String(row.deals), Self.amount(row.value), String(row.dealsYearEarlier), Self.amount(row.valueYearEarlier), change(row)]
        }
        lines += table([cells(statistics.total, say("合计", "total"))]) + [""]
        for section in sections {
            lines += ["## " + section.title, ""] + table(section.rows.map { cells($0.row, $0.name) }) + [""]
        }
        lines += ["## " + say("经纪人", "Brokers"), "",
                  "| " + brokerHeader.joined(separator: " | ") + " |",
                  "|---|---:|---:|---:|"]
        lines += statistics.brokers.map { "| \($0.login) | \($0.deals) | \(Self.amount($0.value)) | \(Self.amount($0.fees)) |" }
        lines += ["", "## " + say("对接漏斗（本期新建案例 \(statistics.casesOpened) 个）", "Funnel (\(statistics.casesOpened) cases opened in the period)"), "",
                  "| " + [say("阶段", "stage"), say("结果数", "results"), say("较上一阶段", "of the stage before"),
                          say("距上一阶段天数（中位数）", "median days from the stage before")].joined(separator: " | ") + " |",
                  "|---|---:|---:|---:|"]
        var previous: Int?
        for step in statistics.funnel {
            let rate = previous.map { $0 > 0 ? String(format: "%.1f%%", Double(step.results) / Double($0) * 100) : "—" } ?? ""
            let days = step.medianDays.map { String(format: "%.1f", $0) } ?? (step.status == nil ? "" : "—")
            lines.append("| \(step.name(chinese: chinese)) | \(step.results) | \(rate) | \(days) |")
            previous = step.results
        }
        lines += ["", "## " + say("对接会（本期举办 \(statistics.events.count) 场；成交为其洽谈所促成，不论签订于何时）",
                                  "Matchmaking events (\(statistics.events.count) held in the period; deals from their meetings, whenever signed)"), "",
                  "| " + eventHeader.joined(separator: " | ") + " |", "|---|---|" + String(repeating: "---:|", count: eventHeader.count - 2)]
        lines += eventCells.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a workbook: a sheet for the total and each breakdown, the brokers and the
    /// funnel, with numbers as numbers.
    var workbook: Workbook {
        let header = groupHeader
        func cells(_ row: DealStatistics.Row, _ name: String) -> [Worksheet.Cell] {
            [.text(name), .number(Double(row.deals)), .number(row.value), .number(Double(row.dealsYearEarlier)),
             .number(row.valueYearEarlier), row.valueChange.map { .number(($0 * 1000).rounded() / 1000) } ?? .empty]
        }
        var sheets = [Worksheet(name: say("合计", "Total"), title: title, header: header, rows: [cells(statistics.total, say("合计", "total"))])]
        for section in sections {
            sheets.append(Worksheet(name: section.title, title: title, header: header, rows: section.rows.map { cells($0.row, $0.name) }))
        }
        sheets.append(Worksheet(name: say("经纪人", "Brokers"), title: title,
                                header: brokerHeader,
                                rows: statistics.brokers.map { [.text($0.login), .number(Double($0.deals)), .number($0.value), .number($0.fees)] }))
        sheets.append(Worksheet(name: say("对接漏斗", "Funnel"), title: title,
                                header: [say("阶段", "stage"), say("结果数", "results"), say("距上一阶段天数（中位数）", "median days from the stage before")],
                                rows: statistics.funnel.map { [.text($0.name(chinese: chinese)), .number(Double($0.results)), $0.medianDays.map { .number($0) } ?? .empty] }))
        sheets.append(Worksheet(name: say("对接会", "Events"), title: title, header: eventHeader, rows: statistics.events.map { event in
            [.text(event.name), .text(event.heldOn), .number(Double(event.meetings)), .number(Double(event.rated)),
             event.meanRating.map { .number(($0 * 100).rounded() / 100) } ?? .empty, .number(Double(event.followedUp)),
             .number(Double(event.agreements)), .number(Double(event.deals)), .number(event.value)]
        }))
        return Workbook(sheets)
    }

    /// The report as CSV: one row per group, broker, funnel stage and event; the last six
    /// columns are the events' (empty for the other rows).
    var csv: String {
        var rows = [[say("部分", "section"), say("项目", "key"), say("合同数", "deals"), say("成交额（万元）", "value"),
                     say("上年同期合同数", "deals_year_earlier"), say("上年同期成交额", "value_year_earlier"), say("佣金（万元）", "fees"),
                     say("距上一阶段天数（中位数）", "median_days"), say("举办日期", "held_on"), say("洽谈场次", "meetings"),
                     say("会后评价场次", "rated"), say("会后平均评分", "mean_rating"), say("回访场次", "followed_up"), say("达成合作", "agreements")]]
        let noEvent = [String](repeating: "", count: 6)
        func cells(_ section: String, _ key: String, _ row: DealStatistics.Row) -> [String] {
            [section, key, String(row.deals), Self.amount(row.value), String(row.dealsYearEarlier), Self.amount(row.valueYearEarlier), "", ""] + noEvent
        }
        rows.append(cells("total", "", statistics.total))
        for section in sections { rows += section.rows.map { cells(section.id, $0.name, $0.row) } }
        rows += statistics.brokers.map { ["broker", $0.login, String($0.deals), Self.amount($0.value), "", "", Self.amount($0.fees), ""] + noEvent }
        rows += statistics.funnel.map { ["funnel", $0.name(chinese: chinese), String($0.results), "", "", "", "",
                                         $0.medianDays.map { String(format: "%.2f", $0) } ?? ""] + noEvent }
        rows += statistics.events.map { event in
            ["event", event.name, String(event.deals), Self.amount(event.value), "", "", "", "", event.heldOn, String(event.meetings),
             String(event.rated), event.meanRating.map { String(format: "%.2f", $0) } ?? "", String(event.followedUp), String(event.agreements)]
        }
        return CSVText.render(rows, lineBreak: .crlf, neutralizingFormulas: true)
    }

    /// The header of the events' table.
    private var eventHeader: [String] {
        [say("对接会", "event"), say("日期", "held on"), say("洽谈场次", "meetings"), say("会后评价", "rated after"),
         say("会后平均评分", "mean rating"), say("回访", "followed up"), say("达成合作", "agreements"), say("成交数", "deals"),
         say("成交额（万元）", "value (10k CNY)")]
    }

    /// The events' rows as text cells.
    private var eventCells: [[String]] {
        statistics.events.map { event in
            [event.name, event.heldOn, String(event.meetings), String(event.rated), event.meanRating.map { String(format: "%.2f", $0) } ?? "—",
             String(event.followedUp), String(event.agreements), String(event.deals), Self.amount(event.value)]
        }
    }
}
