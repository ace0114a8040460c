import DuijieBase
import DuijieCorpus
@testable import DuijieEvents
import DuijieTestSupport
import Testing

/// The inputs organizers have: Chinese headers in a GBK sheet, availability as 上午/下午 or
/// time ranges, requests from both sides, the key names of earlier versions, and must-meets
/// that cannot happen (refused before any solving).
@Suite struct EventInputFormsTests {
    /// A morning (09:00–11:40, two tables) and an afternoon (14:00–15:20, one table) of one day.
    static let slotsCSV = """
    编号,开始,结束,桌数
    AM1,2026-12-08T09:00,2026-12-08T09:40,2
    AM2,2026-12-08T09:40,2026-12-08T10:20,2
    AM3,2026-12-08T11:00,2026-12-08T11:40,2
    PM1,2026-12-08T14:00,2026-12-08T14:40,1
    PM2,2026-12-08T14:40,2026-12-08T15:20,1
    """

    private func load(_ files: [String: [UInt8]]) -> (event: Event?, warnings: [CorpusIssue], errors: String) {
        let directory = TemporaryDirectory()
        for (name, bytes) in files { directory.write(name, bytes: bytes) }
        var warnings: [CorpusIssue] = []
        do {
            let event = try EventLoader.load(directory.path, warnings: &warnings)
            return (event, warnings, "")
        } catch {
            return (nil, warnings, error.description)
        }
    }

    private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aGBKSheetWithChineseHeadersAndPeriodsLoads() throws {
        let participants = """
        编号,名称,类型,简介,可参加时段,最多会谈,必见,希望会见,不见,单位
        瀚洋,瀚洋储能,需求方,储能电池热管理,上午,3,李工,,,瀚洋
        金湾,金湾化学,需求方,精细化学品催化,09:00-10:20;下午,,,李工,王工,
        李工,李明,供给方,电池热管理与安全,全天,,,,,大连理工
        王工,王芳,供给方,催化剂设计,2026-12-08 下午,,,,,
        """
        let loaded = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": GBK.encode(participants)])
        let event = try #require(loaded.event, "\(loaded.errors)")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let byID = Dictionary(uniqueKeysWithValues: event.participants.map { ($0.id, $0) })
        // 上午: the slots starting before 12:00.
        #expect(byID["瀚洋"]?.availability == ["AM1", "AM2", "AM3"])
        // 09:00-10:20 holds AM1 and AM2 wholly (AM3 starts at 11:00); 下午 adds PM1, PM2.
        #expect(byID["金湾"]?.availability == ["AM1", "AM2", "PM1", "PM2"])
        #expect(byID["李工"]?.availability == ["AM1", "AM2", "AM3", "PM1", "PM2"])
        #expect(byID["王工"]?.availability == ["PM1", "PM2"])
        #expect(byID["瀚洋"]?.maximumMeetings == 3 && byID["瀚洋"]?.mustMeet == ["李工"] && byID["瀚洋"]?.name == "瀚洋储能")
        #expect(byID["金湾"]?.wantToMeet == ["李工"] && byID["金湾"]?.neverMeet == ["王工"])
        #expect(byID["李工"]?.side == .supply && byID["李工"]?.organization == "大连理工")
    }

    @Test func aPeriodThatHoldsNoSlotOrIsNoPeriodIsAnError() {
        let participants = """
        id,side,profile,availability
        a,demand,储能,晚上
        b,supply,电池,下午茶
        """
        let loaded = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": utf8(participants)])
        #expect(loaded.event == nil)
        #expect(loaded.errors.contains("participants.csv:row 2: availability: 晚上 holds no slot of the event"), "\(loaded.errors)")
        #expect(loaded.errors.contains("participants.csv:row 3: availability: no slot \"下午茶\", and not a period"), "\(loaded.errors)")
    }

    @Test func olderKeyNamesAreReadWithAWarningNamingTheNewOne() throws {
        let loaded = load([
            "event.json": utf8(#"{"name": "t", "min_meetings": 1}"#),
            "slots.jsonl": utf8(#"{"id": "S1", "start": "2026-12-08T09:00", "end": "2026-12-08T09:20", "tables": 1}"#),
            "participants.jsonl": utf8("""
            {"id": "a", "side": "demand", "profile": "储能", "must_meet": ["b"]}
            {"id": "b", "side": "supply", "profile": "电池"}
            """),
        ])
        let event = try #require(loaded.event, "\(loaded.errors)")
        #expect(event.participant("a")?.mustMeet == ["b"] && event.participant("b")?.minimumMeetings == 1)
        let text = loaded.warnings.map(\.description)
        #expect(text.contains("event.json:1: min_meetings: warning: an older key name; write minMeetings"), "\(text)")
        #expect(text.contains("participants.jsonl:1: must_meet: warning: an older key name; write mustMeet"), "\(text)")
    }

    @Test func twoColumnsForOneKeyAreAnError() {
        let loaded = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": utf8("id,编号,side,profile\na,b,demand,储能\n")])
        #expect(loaded.errors.contains("participants.csv:row 2: 编号: means the same as id (id); keep one"), "\(loaded.errors)")
    }

    @Test func requestsFromBothSidesComeFromTheirOwnFile() throws {
        let participants = "id,side,profile\nd1,demand,储能\nd2,demand,催化\ns1,supply,电池\ns2,supply,催化剂\n"
        let requests = """
        提出方,对象,意向
        d1,s1,希望
        s1,d1,want
        d2,s2,必见
        s2,d1,不见
        """
        let loaded = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": utf8(participants), "requests.csv": utf8(requests)])
        let event = try #require(loaded.event, "\(loaded.errors)")
        #expect(event.participant("d1")?.wantToMeet == ["s1"] && event.participant("s1")?.wantToMeet == ["d1"])
        #expect(event.participant("d2")?.mustMeet == ["s2"] && event.participant("s2")?.neverMeet == ["d1"])

        let bad = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": utf8(participants),
                        "requests.csv": utf8("from,to,preference\nd1,d2,want\nd1,x,want\nd1,s1,maybe\n")])
        #expect(bad.errors.contains("requests.csv:row 2: to: d2 is on the same side as d1 (demand)"), "\(bad.errors)")
        #expect(bad.errors.contains("requests.csv:row 3: to: no participant \"x\""), "\(bad.errors)")
        #expect(bad.errors.contains("requests.csv:row 4: preference: \"maybe\" is not must, want or no (必见, 希望, 不见)"), "\(bad.errors)")
    }

    @Test func mustMeetsThatCannotHappenAreInputErrors() {
        // a is there in the morning, b in the afternoon: no slot both attend. c may have at
        // most 1 meeting but must meet both d and e.
        let participants = """
        id,side,profile,availability,max,mustMeet
        a,demand,储能,上午,,b
        b,supply,电池,下午,,
        c,demand,催化,,1,d;e
        d,supply,催化剂,,,
        e,supply,分子筛,,,
        """
        let loaded = load(["slots.csv": utf8(Self.slotsCSV), "participants.csv": utf8(participants)])
        #expect(loaded.event == nil)
        #expect(loaded.errors.contains("participants.csv:row 2: mustMeet: a and b have no slot both can attend, so they cannot meet"), "\(loaded.errors)")
        #expect(loaded.errors.contains("participants.csv:row 4: mustMeet: c has 2 must-meets and locked meetings but can have at most 1 (max 1, 5 slots available)"), "\(loaded.errors)")
    }
}
