import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Testing

@Suite struct CorpusLoaderTests {
    private func load(_ overrides: [String: String] = [:], skipBad: Bool = false) throws -> CorpusLoadResult {
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory, replacing: overrides)
        return try CorpusLoader.load(directory.path, options: CorpusLoadOptions(skipBadRecords: skipBad))
    }

    private func errorLines(_ result: CorpusLoadResult) -> [String] {
        result.errors.map(\.description)
    }

    @Test func validCorpusLoadsWithReferencesResolvedToIDs() throws {
        let result = try load()
        #expect(result.issues.isEmpty, "\(result.issues)")
        let corpus = result.corpus
        #expect(corpus.count(of: .region) == 4 && corpus.count(of: .relation) == 2)
        // Names, aliases and synonyms became ids.
        #expect(corpus.institution("I-DLUT")?.region == "R-LN-DL")
        #expect(corpus.institution("I-DLUT")?.fields == ["F-IC"])
        #expect(corpus.expert("E-1")?.institution == "I-DLUT")
        #expect(corpus.enterprise("C-1")?.region == "R-LN-DL-JP")
        #expect(corpus.enterprise("C-1")?.tags == [.highTech, .techSME])
        #expect(corpus.demand("D-1")?.enterprise == "C-1")
        #expect(corpus.demand("D-1")?.fields == ["F-RECY"])
        #expect(corpus.relations[1].kind == .consulted)
        // Regions default to the institution's, owner's and enterprise's.
        #expect(corpus.expert("E-1")?.region == "R-LN-DL")
        #expect(corpus.achievement("A-1")?.region == "R-LN-DL")
        #expect(corpus.demand("D-1")?.region == "R-LN-DL-JP")
        // Typed values.
        let achievement = try #require(corpus.achievement("A-1"))
        #expect(achievement.maturity == Maturity(technologyReadinessLevel: 6))
        #expect(achievement.transferModes == [.licence, .jointDevelopment])
        #expect(achievement.date?.description == "2023-05")
        #expect(corpus.topRegion(of: "R-LN-DL-JP") == "R-LN")
        #expect(corpus.kind(of: "A-1") == .achievement && corpus.kind(of: "nope") == nil)
    }

    @Test func everyFieldErrorOfALineIsReportedWithFileLineAndField() throws {
        let result = try load(["achievements.jsonl": """
        {"id":"A-1","title":"好的成果","owner":"I-DLUT"}
        {"id":"A 2","title":"","maturity":"pilot-plant","transferModes":["转让","gift"],"price":-3,"dualUse":"yes","date":"2023-13","keywords":"电池"}
        """])
        #expect(errorLines(result) == [
            #"achievements.jsonl:2: id: "A 2" contains white space"#,
            "achievements.jsonl:2: title: must not be empty",
            "achievements.jsonl:2: keywords: expected a list of strings, found a string",
            #"achievements.jsonl:2: maturity: unknown maturity "pilot-plant" (expected lab, pilot, maturation, industrialization, or a TRL 1–9)"#,
            #"achievements.jsonl:2: transferModes: unknown transfer mode "gift" (expected assignment, licence, equity, joint-development, commissioned, service, pledge)"#,
            "achievements.jsonl:2: price: -3 must be at least 0",
            "achievements.jsonl:2: dualUse: expected true or false, found a string",
            #"achievements.jsonl:2: date: "2023-13" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"#,
        ])
    }

    @Test func aNullFlagIsAnErrorNotFalse() throws {
        // Found by scripts/hostile-runs: `"confidential": null` loaded as a public demand.
        let result = try load(["achievements.jsonl": """
        {"id":"A-1","title":"好的成果","owner":"I-DLUT","dualUse":null}
        """])
        #expect(errorLines(result) == ["achievements.jsonl:1: dualUse: expected true or false, found null (leave the field out for false)"])
    }

    @Test func malformedLinesInvalidUTF8AndNonObjectsAreReportedAndTheRestLoads() throws {
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory)
        // Line 1 fine, line 2 blank, line 3 truncated JSON, line 4 GBK bytes, line 5 a list, CRLF endings.
        var bytes = Array(#"{"from":"C-1","to":"I-DLUT","kind":"cooperated"}"#.utf8) + [0x0D, 0x0A, 0x0D, 0x0A]
        bytes += Array(#"{"from":"C-1","#.utf8) + [0x0A]
        bytes += Array(#"{"from":"C-1","to":""#.utf8) + [0xB4, 0xF3, 0xC1, 0xAC] + Array(#"","kind":"cooperated"}"#.utf8) + [0x0A]
        bytes += Array("[1,2]".utf8)
        directory.write("relations.jsonl", bytes: bytes)
        let result = try CorpusLoader.load(directory.path, options: CorpusLoadOptions(skipBadRecords: true))
        #expect(errorLines(result) == [
            "relations.jsonl:3: malformed JSON at column 15: expected a quoted key",
            "relations.jsonl:4: invalid UTF-8 at byte 21 of the line (convert the file to UTF-8; GBK spreadsheets go through `duijie corpus import-csv`)",
            "relations.jsonl:5: expected a JSON object, found a list",
        ])
        #expect(result.corpus.relations.count == 1)
        #expect(result.skippedRecords.map(\.description) == ["relations.jsonl:3", "relations.jsonl:4", "relations.jsonl:5"])
    }

    @Test func missingRequiredFieldsAndUnknownKeys() throws {
        let result = try load(["experts.jsonl": #"{"id":"E-1","nmae":"王磊","institution":"I-DLUT"}"#])
        #expect(errorLines(result) == ["experts.jsonl:1: name: missing (required)"])
        #expect(result.warnings.map(\.description) == ["experts.jsonl:1: nmae: warning: unknown key, ignored"])
    }

    @Test func duplicateIDsAcrossFilesAreErrors() throws {
        let result = try load(["demands.jsonl": CorpusFixture.demands + "\n" + #"{"id":"A-1","enterprise":"C-1","title":"重复编号"}"#])
        #expect(errorLines(result) == [#"demands.jsonl:2: id: duplicate id "A-1", first defined at achievements.jsonl:1"#])
    }

    @Test func danglingAmbiguousAndWrongKindReferences() throws {
        let result = try load([
            "institutions.jsonl": CorpusFixture.institutions + "\n" + #"{"id":"I-DUT2","name":"大连某研究院","aliases":["DUT"],"kind":"institute"}"#,
            "achievements.jsonl": #"{"id":"A-1","title":"x","owner":"DUT","inventors":["E-1","E-404","I-DLUT"],"fields":["量子计算"],"region":"火星"}"#,
        ])
        #expect(errorLines(result) == [
            #"achievements.jsonl:1: fields: "量子计算" does not name a field in the corpus"#,
            #"achievements.jsonl:1: owner: "DUT" is ambiguous: it names I-DLUT, I-DUT2; use the id"#,
            #"achievements.jsonl:1: inventors: "E-404" does not name an expert in the corpus"#,
            #"achievements.jsonl:1: inventors: "I-DLUT" is an institution, expected an expert"#,
            #"achievements.jsonl:1: region: "火星" does not name a region in the corpus"#,
        ])
        #expect(result.issues.filter { $0.code == .danglingReference }.count == 3)
    }

    @Test func licenceTypesAreKeptCheckedAndWrittenBack() throws {
        let result = try load([
            "achievements.jsonl": """
            {"id":"A-1","title":"退役锂电池无损拆解","keywords":["锂电池"],"transferModes":["独占许可","assignment"],"licenceTypes":["普通许可"]}
            {"id":"A-2","title":"正极材料再生","keywords":["正极"],"transferModes":["assignment"],"licenceTypes":["exclusive"]}
            {"id":"A-3","title":"隔膜回收","keywords":["隔膜"],"transferModes":["licence"],"licenceTypes":["shared"]}
            """,
            "demands.jsonl": #"{"id":"D-1","enterprise":"C-1","title":"梯次利用","transferModes":["licence"],"licenceTypes":["排他许可"]}"#,
        ])
        #expect(errorLines(result) == [
            "achievements.jsonl:2: licenceTypes: given, but transferModes does not include licence",
            #"achievements.jsonl:3: licenceTypes: unknown licence type "shared" (expected exclusive, sole, non-exclusive)"#,
        ])
        let achievement = try #require(result.corpus.achievement("A-1"))
        #expect(achievement.transferModes == [.licence, .assignment])
        #expect(achievement.licenceTypes == [.exclusive, .nonExclusive])
        #expect(result.corpus.demand("D-1")?.licenceTypes == [.sole])
        // The canonical form keeps the licence types, and reads back as the same record.
        let written = JSONWriter.string(achievement.jsonValue)
        #expect(written == #"{"id":"A-1","title":"退役锂电池无损拆解","keywords":["锂电池"],"transferModes":["licence","assignment"],"licenceTypes":["exclusive","non-exclusive"]}"#)
        let reloaded = try load(["achievements.jsonl": written])
        #expect(reloaded.issues.isEmpty, "\(reloaded.issues)")
        #expect(reloaded.corpus.achievement("A-1") == achievement)
    }

    @Test func taxonomyCyclesAreReported() throws {
        let result = try load(["taxonomy/fields.jsonl": """
        {"id":"F-A","name":"甲","parent":"F-B"}
        {"id":"F-B","name":"乙","parent":"F-A"}
        {"id":"F-IC","name":"集成电路","parent":"F-A","synonyms":["芯片"]}
        {"id":"F-RECY","name":"资源循环利用","synonyms":["废旧电池回收"]}
        """])
        #expect(errorLines(result) == [
            "taxonomy/fields.jsonl:1: parent: the parents form a cycle: F-A → F-B → F-A",
            "taxonomy/fields.jsonl:2: parent: the parents form a cycle: F-B → F-A → F-B",
        ])
    }

    @Test func skippingABadRecordSkipsWhatDependsOnIt() throws {
        // The institution is bad (unknown kind); its expert, and the achievement naming that
        // expert, go with it; the enterprise and demand stay.
        let result = try load(["institutions.jsonl": #"{"id":"I-DLUT","name":"大连理工大学","aliases":["大工"],"kind":"campus"}"#], skipBad: true)
        #expect(result.corpus.institutions.isEmpty && result.corpus.experts.isEmpty && result.corpus.achievements.isEmpty)
        #expect(result.corpus.demands.count == 1 && result.corpus.enterprises.count == 1)
        #expect(result.skippedRecords.map(\.description) == [
            "institutions.jsonl:1", "experts.jsonl:1", "achievements.jsonl:1", "relations.jsonl:1", "relations.jsonl:2",
        ])
        #expect(errorLines(result) == [
            #"institutions.jsonl:1: kind: unknown institution kind "campus" (expected university, institute, new-rd-institute, transfer-agency, incubator, maker-space, rural-maker-space, science-park, pilot-base, investor, bank, other)"#,
            #"experts.jsonl:1: institution: "大工" names a record that was skipped for its own errors"#,
            #"achievements.jsonl:1: owner: "I-DLUT" names a record that was skipped for its own errors"#,
            #"relations.jsonl:1: to: "I-DLUT" names a record that was skipped for its own errors"#,
            #"relations.jsonl:2: from: "E-1" names a record that was skipped for its own errors"#,
        ])
    }

    @Test func withoutSkippingErrorsAreNotCascaded() throws {
        let result = try load(["institutions.jsonl": #"{"id":"I-DLUT","name":"大连理工大学","aliases":["大工"],"kind":"campus"}"#])
        #expect(errorLines(result) == [#"institutions.jsonl:1: kind: unknown institution kind "campus" (expected university, institute, new-rd-institute, transfer-agency, incubator, maker-space, rural-maker-space, science-park, pilot-base, investor, bank, other)"#])
        #expect(throws: DuijieError.self) { try CorpusLoader.loadValidated(TemporaryDirectory().path + "-missing") }
    }

    @Test func withoutTaxonomyFilesFieldsAndRegionsAreFreeLabels() throws {
        let directory = TemporaryDirectory()
        directory.write("achievements.jsonl", #"{"id":"A-1","title":"石墨烯导热膜","fields":["石墨烯"],"region":"常州"}"# + "\n")
        let result = try CorpusLoader.load(directory.path)
        #expect(result.errors.isEmpty)
        #expect(result.warnings.map(\.description) == ["achievements.jsonl:1: abstract: warning: no abstract and no keywords: it can match on its title only"])
        #expect(result.corpus.achievements[0].fields == ["石墨烯"])
    }

    @Test func plainDocumentFilesLoadAsAchievements() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("docs.jsonl", "\u{FEFF}" + """
        {"id":"p1","title":"基于深度学习的港口集装箱识别","text":"提出一种……"}

        {"id":"p2","text":"only text"}
        {"id":"p1","title":"dup"}
        {"id":"p3"}
        """)
        let result = try CorpusLoader.load(path)
        #expect(result.corpus.achievements.map(\.id) == ["p1", "p2"])
        #expect(result.corpus.achievements[0].abstract == "提出一种……")
        #expect(errorLines(result) == [
            #"docs.jsonl:4: id: duplicate id "p1", first defined at docs.jsonl:1"#,
            "docs.jsonl:5: text: a document needs a title or a text",
        ])
    }
}
