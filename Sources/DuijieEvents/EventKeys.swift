import DuijieCorpus
import DuijieJSON
import Foundation

/// The keys of an event's tables, and the headers people write for them.
///
/// Keys are camelCase, as in the corpus (`mustMeet`, `minMeetings`). A spreadsheet may name a
/// column in Chinese (`必见`, `可参加时段`) or English in any letter case and spacing; the
/// snake_case keys of earlier versions (`must_meet`, `min_meetings`) are read with a warning
/// that names the key to write instead. The table is the one in docs/event-format.md.
enum EventKeys {
    /// Which table a row belongs to.
    enum Table: String {
        case header = "event.json", participants, slots, locked, requests
        /// A published `schedule.csv` (`duijie pair --replan`).
        case schedule
    }

    /// Canonical key → the other names accepted for it (compared after `ColumnMapping`-style
    /// normalization: compatibility forms, no spaces, lower case).
    private static let names: [Table: [String: [String]]] = [
        .header: [
            "name": ["名称", "活动名称"],
            "venue": ["地点", "会场"],
            "language": ["语言"],
            "minMeetings": ["最少会谈"],
            "maxMeetings": ["最多会谈"],
        ],
        .participants: [
            "id": ["编号", "参会方编号"],
            "name": ["名称", "姓名", "参会方", "单位名称", "企业名称"],
            "side": ["类型", "身份", "参会类型", "供需"],
            "records": ["关联记录", "记录", "成果/需求编号"],
            "profile": ["简介", "介绍", "需求或成果简介"],
            "min": ["最少会谈", "最少"],
            "max": ["最多会谈", "最多"],
            "availability": ["可参加时段", "时段", "参会时间"],
            "mustMeet": ["必见", "指定会见", "必须会见"],
            "wantToMeet": ["希望会见", "想见", "意向会见"],
            "neverMeet": ["不见", "拒见", "不希望会见"],
            "organization": ["单位", "所属单位", "机构"],
        ],
        .slots: [
            "id": ["编号", "时段"],
            "start": ["开始", "开始时间"],
            "end": ["结束", "结束时间"],
            "tables": ["桌数", "洽谈桌数"],
        ],
        .locked: [
            "demand": ["需求方"],
            "supply": ["供给方"],
            "slot": ["时段"],
            "table": ["桌号"],
        ],
        .schedule: [
            "demand": ["需求方", "demand_id"],
            "supply": ["供给方", "supply_id"],
            "slot": ["时段"],
            "table": ["桌号"],
            "start": ["开始"],
            "end": ["结束"],
        ],
        .requests: [
            "from": ["提出方", "请求方"],
            "to": ["对象", "会见对象"],
            "preference": ["意向", "偏好"],
        ],
    ]

    /// snake_case keys of earlier versions → the key to write now.
    private static let legacy: [Table: [String: String]] = [
        .header: ["min_meetings": "minMeetings", "max_meetings": "maxMeetings"],
        .participants: ["must_meet": "mustMeet", "never_meet": "neverMeet", "want_to_meet": "wantToMeet"],
        .locked: ["demand_id": "demand", "supply_id": "supply"],
    ]

    /// Columns a schedule written by `duijie pair` carries besides the lock's keys; a
    /// `schedule.csv` used as `locked.csv` passes them without a warning.
    private static let scheduleColumns: Set<String> = Set(["start", "end", "demandName", "supplyName", "score", "demandScore", "supplyScore", "note"].map(normalized))

    private static func normalized(_ key: String) -> String {
        key.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace && $0 != "_" }
    }

    /// Normalized name → canonical key, per table.
    private static let lookup: [Table: [String: String]] = {
        var result: [Table: [String: String]] = [:]
        for (table, keys) in names {
            var map: [String: String] = [:]
            for (key, aliases) in keys {
                map[normalized(key)] = key
                for alias in aliases { map[normalized(alias)] = key }
            }
            result[table] = map
        }
        return result
    }()

    /// The row with its keys made canonical. Legacy keys give a warning; two columns that mean
    /// one key are an error at the second. A key no table knows is left as written (the
    /// validator then warns that it is ignored); schedule columns in a lock file are dropped.
    ///
    /// A spreadsheet's older header is warned about once, at its header row (`warned` keeps
    /// the headers already warned about).
    static func canonical(_ row: EventLoader.Row, table: Table, issues: inout [CorpusIssue], warned: inout Set<String>) -> EventLoader.Row {
        var members: [(key: String, value: JSONValue)] = []
        var writtenAs: [String: String] = [:]
        for member in row.members {
            var key = member.key
            if let modern = legacy[table]?[key] {
                let location = row.isSpreadsheet ? SourceLocation(file: row.location.file, line: 1, unit: .row) : row.location
                if !row.isSpreadsheet || warned.insert(key).inserted {
                    issues.append(CorpusIssue(.warning, .unknownKey, at: location, field: key, "an older key name; write \(modern)"))
                }
                key = modern
            } else if let known = lookup[table]?[normalized(key)] {
                key = known
            } else if (table == .locked || table == .schedule) && scheduleColumns.contains(normalized(key)) {
                continue
            }
            if let first = writtenAs[key] {
                issues.append(CorpusIssue(.error, .duplicateColumn, at: row.location, field: member.key, "means the same as \(first) (\(key)); keep one"))
                continue
            }
            writtenAs[key] = member.key
            members.append((key, member.value))
        }
        return EventLoader.Row(location: row.location, members: members, isSpreadsheet: row.isSpreadsheet)
    }
}
