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
