@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Testing

@Suite struct ValueParsingTests {
    @Test func enumerationsReadEnglishAndChinese() {
        #expect(TransferMode.parse("合作开发") == .jointDevelopment)
        #expect(TransferMode.parse("Joint Development") == .jointDevelopment)
        #expect(TransferMode.parse(" licence ") == .licence)
        #expect(TransferMode.parse("技术入股") == .equity)
        #expect(EnterpriseTag.parse("专精特新") == .specialized)
        #expect(InstitutionKind.parse("星创天地") == .ruralMakerSpace)
        #expect(TransferMode.parse("gift") == nil)
    }

    @Test(arguments: [
        ("lab", Maturity.Stage.lab, nil), ("中试", .pilot, nil), ("产业化", .industrialization, nil),
        ("TRL 4", .lab, 4), ("trl5", .pilot, 5), ("7", .maturation, 7), ("9", .industrialization, 9),
    ] as [(String, Maturity.Stage, Int?)])
    func maturityReadsStagesAndTRLs(text: String, stage: Maturity.Stage, level: Int?) {
        let maturity = Maturity.parse(text)
        #expect(maturity?.stage == stage)
        #expect(maturity?.technologyReadinessLevel == level)
    }

    @Test func maturityRejectsOutOfRangeAndOrdersByStage() {
        #expect(Maturity.parse("TRL 10") == nil)
        #expect(Maturity.parse("0") == nil)
        #expect(Maturity(stage: .lab) < Maturity(technologyReadinessLevel: 5))
        #expect(Maturity(technologyReadinessLevel: 8) < Maturity(technologyReadinessLevel: 9))
    }

    @Test(arguments: [
        ("2024", "2024"), ("2024-3", "2024-03"), ("2024/03/09", "2024-03-09"),
        ("2023年5月1日", "2023-05-01"), ("2024-02-29", "2024-02-29"),
    ])
    func datesNormalize(text: String, canonical: String) {
        #expect(CorpusDate.parse(text)?.description == canonical)
    }

    @Test(arguments: ["2023-02-29", "1900-13", "24-01-01", "2024-01-32", "soon", "2024-1-1-1", "２０２４"])
    func invalidDatesAreRejected(text: String) {
        #expect(CorpusDate.parse(text) == nil)
    }

    @Test(arguments: [
        ("已产业化", Maturity.Stage.industrialization), ("已量产", .industrialization), ("规模化生产", .industrialization),
        ("小批量生产", .maturation), ("试生产", .maturation),
    ])
    func productionStagesReadAsMaturity(text: String, stage: Maturity.Stage) {
        // Small-batch and trial production lie between the pilot and production at scale.
        #expect(Maturity.parse(text) == Maturity(stage: stage))
    }

    @Test func licenceTypesReadEnglishAndChinese() {
        #expect(LicenceType.parse("独占许可") == .exclusive)
        #expect(LicenceType.parse("排他实施许可") == .sole)
        #expect(LicenceType.parse("普通许可") == .nonExclusive)
        #expect(LicenceType.parse("Non-Exclusive") == .nonExclusive)
        #expect(LicenceType.parse("许可") == nil)
        #expect(TransferMode.parse("独占许可") == nil)
    }
}

@Suite struct SpreadsheetValueTests {
    // Expected amounts by hand: 万元 is the unit, 1 元 = 0.0001 万元, 1 亿 = 10,000 万元, and a
    // range is its midpoint ((100 + 200) / 2 = 150).
    @Test(arguments: [
        ("50", 50.0, nil), ("50万", 50, nil), ("50万元", 50, nil), ("５０万", 50, nil), ("1,200", 1200, nil),
        ("500000元", 50, nil), ("1.2亿", 12_000, nil), ("约100", 100, .approximate), ("100万左右", 100, .approximate),
        ("100-200万", 150, .rangeMidpoint), ("100万~300万", 200, .rangeMidpoint), ("5000至8000元", 0.65, .rangeMidpoint),
        ("约10-20", 15, .approximateRangeMidpoint), ("-5", -5, nil),
    ] as [(String, Double, MoneyCell.Reading?)])
    func moneyCellsReadInTenThousandYuan(text: String, amount: Double, reading: MoneyCell.Reading?) {
        #expect(MoneyCell.parse(text) == .amount(amount, reading: reading))
    }

    @Test func moneyCellsThatAreNoAmount() {
        #expect(MoneyCell.parse("面议") == .negotiable)
        #expect(MoneyCell.parse("待定") == .negotiable)
        for text in ["若干", "万元", "200-100", "50美元", "1-2-3", ""] {
            #expect(MoneyCell.parse(text) == .invalid, "\(text)")
        }
    }

    // Expected dates from Python: datetime.date(1899, 12, 30) + timedelta(days=serial) for
    // serials from 61 on, and date(1899, 12, 31) + timedelta(days=serial) below 60, where
    // Excel's day 60 is the 1900-02-29 that never was.
    @Test(arguments: [
        (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (10_000, "1927-05-18"), (44_927, "2023-01-01"),
        (45_000, "2023-03-15"), (45_056, "2023-05-10"), (45_291, "2023-12-31"), (45_383, "2024-04-01"), (2_958_465, "9999-12-31"),
    ])
    func excelDayNumbersAreDates(serial: Int, date: String) {
        #expect(CorpusDate.excelSerial(serial)?.description == date)
    }

    @Test func excelDayNumbersOutsideTheCalendar() {
        #expect(CorpusDate.excelSerial(60) == nil)  // the phantom 1900-02-29
        #expect(CorpusDate.excelSerial(0) == nil)
        #expect(CorpusDate.excelSerial(2_958_466) == nil)
    }

    @Test(arguments: [
        ("45056", "2023-05-10"), ("45056.75", "2023-05-10"), ("20230915", "2023-09-15"), ("2023/5/8 0:00", "2023-05-08"),
        ("2023-05-08 13:45:00", "2023-05-08"), ("2023", "2023"), ("2023年5月", "2023-05"),
    ])
    func spreadsheetDateCells(text: String, date: String) {
        #expect(CorpusDate.parseCell(text)?.description == date)
    }

    @Test(arguments: ["123456789", "20231315", "2023/5/8 午后", "45056.", "0", "尽快"])
    func spreadsheetCellsThatAreNoDate(text: String) {
        #expect(CorpusDate.parseCell(text) == nil)
    }

    @Test func fourDigitsStayAYear() {
        // 2023 as an Excel day number would be 1905-07-15; a year is what a sheet means by it.
        #expect(CorpusDate.parseCell("2023")?.description == "2023")
    }

    @Test func listCellsSplitOnSlashesExceptKeywords() {
        let members: [(key: String, value: JSONValue)] = [
            ("keywords", .string("GB/T 3880、TCP/IP；铝合金")), ("fields", .string("海洋装备/水产养殖")),
            ("transferModes", .string("转让/许可，独占许可")),
        ]
        var reader = RecordReader(object: members, location: SourceLocation(file: "s.csv", line: 2, unit: .row), cellsAreText: true)
        #expect(reader.strings("keywords", slashSeparates: false) == ["GB/T 3880", "TCP/IP", "铝合金"])
        #expect(reader.strings("fields") == ["海洋装备", "水产养殖"])
        let (modes, licences) = reader.transferModes("transferModes", licenceKey: "licenceTypes")
        #expect(modes == [.assignment, .licence])
        #expect(licences == [.exclusive])
        #expect(reader.issues.isEmpty)
    }
}

@Suite struct TrimmingTests {
    @Test func trimmingAgreesWithFoundation() {
        // Foundation's trimmingCharacters(in: .whitespacesAndNewlines) is the reference.
        let samples = ["", " ", "\t\n\r ", "锂电池", "  锂电池 回收  ", "\u{3000}全角空格\u{3000}", "\u{00A0}nbsp\u{00A0}", "a\u{2028}",
                       "\n多行\n文本\n", " mixed 中文 and English\t", "\u{0085}next line", "x"]
        for sample in samples {
            #expect(sample.trimmingWhitespace == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.unicodeScalars.map(\.value))")
            #expect(sample[...].trimmingWhitespace == sample.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
