import DuijieBase
@testable import DuijieBench
@testable import DuijieCorpus
@testable import DuijieEvaluation
import DuijieJSON
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieVectors
import Foundation
import Testing

/// `CorpusGenerator` against the demo corpus it imitates. Expected values are measured on the
/// demo itself (never hard-coded); tolerances are derived from sampling noise in each test.
@Suite struct CorpusGeneratorTests {
    /// A generated corpus, loaded, with its files' bytes; the directory is gone by then.
    struct Generated: Sendable {
        let report: CorpusGenerator.Report
        let result: CorpusLoadResult
        let files: [String: [UInt8]]
        var corpus: Corpus { result.corpus }
    }

    static let fileNames = RecordKind.allCases.map(\.fileName)

    static func options(achievements: Int = 3_000, demands: Int = 800, seed: UInt64 = 11, threads: Int = 2) -> CorpusGenerator.Options {
        var options = CorpusGenerator.Options(achievements: achievements, demands: demands, seed: seed)
        options.template = RepositoryFiles.demoCorpus
        options.datasets = "/nonexistent/datasets"  // the fallback: texts from the demo
        options.parallelism = Parallelism(threads: threads)
        return options
    }

    static func generate(_ options: CorpusGenerator.Options) throws -> Generated {
        let directory = TemporaryDirectory()
        let target = directory.path + "/corpus"
        let report = try CorpusGenerator(options: options).generate(into: target)
        let result = try CorpusLoader.loadValidated(target)
        var files: [String: [UInt8]] = [:]
        for name in fileNames { files[name] = FileManager.default.contents(atPath: target + "/" + name).map { [UInt8]($0) } }
        return Generated(report: report, result: result, files: files)
    }

    /// 3,000 achievements and 800 demands with the demo's texts: generated once for most tests.
    static let shared: Generated = try! generate(options())
    static let demo = try! CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus

    @Test func aGeneratedCorpusLoadsWithoutErrorsOrWarnings() {
        #expect(Self.shared.result.issues.isEmpty, "\(Self.shared.result.issues.prefix(5))")
        #expect(Self.shared.files.values.allSatisfy { !$0.isEmpty })
    }

    @Test func countsAreAsAskedAndKeepTheTemplatesRatios() {
        let corpus = Self.shared.corpus
        let demo = Self.demo
        #expect(corpus.achievements.count == 3_000 && corpus.demands.count == 800)
        func scaled(_ count: Int, _ base: Int, _ total: Int) -> Int { Int((Double(total) * Double(count) / Double(base)).rounded()) }
        #expect(corpus.experts.count == scaled(demo.experts.count, demo.achievements.count, 3_000))
        #expect(corpus.institutions.count == scaled(demo.institutions.count, demo.achievements.count, 3_000))
        #expect(corpus.enterprises.count == scaled(demo.enterprises.count, demo.demands.count, 800))
        #expect(corpus.regions == demo.regions && corpus.fields == demo.fields)  // the taxonomy is copied
        let counts = Self.shared.report.counts
        #expect(counts.relations == corpus.relations.count && corpus.relations.count > 1_000)
        let reported: [Int] = [counts.experts, counts.institutions, counts.enterprises]
        #expect(reported == [corpus.experts.count, corpus.institutions.count, corpus.enterprises.count])
    }

    @Test func overridesReplaceTheScaledCounts() throws {
        var options = Self.options(achievements: 200, demands: 50)
        options.experts = 40
        options.institutions = 9
        options.enterprises = 30
        let generated = try Self.generate(options)
        #expect(generated.result.issues.isEmpty)
        let corpus = generated.corpus
        let counts: [Int] = [corpus.achievements.count, corpus.demands.count, corpus.experts.count, corpus.institutions.count, corpus.enterprises.count]
        #expect(counts == [200, 50, 40, 9, 30])
    }

    @Test func theSameSeedGivesTheSameBytesOnAnyThreadCountAndAnotherSeedDiffers() throws {
        let again = try Self.generate(Self.options(threads: 1))
        for name in Self.fileNames {
            #expect(again.files[name] == Self.shared.files[name], "\(name) differs between runs")
        }
        let other = try Self.generate(Self.options(seed: 12))
        #expect(other.result.issues.isEmpty)
        for name in ["achievements.jsonl", "demands.jsonl", "experts.jsonl", "institutions.jsonl", "enterprises.jsonl", "relations.jsonl"] {
            #expect(other.files[name] != Self.shared.files[name], "\(name) does not depend on the seed")
        }
        #expect(other.files["taxonomy/fields.jsonl"] == Self.shared.files["taxonomy/fields.jsonl"])
    }

    /// The expected total variation distance between a distribution `p` and the empirical
    /// distribution of `n` independent draws from it: ½ Σ E|p̂ₖ − pₖ| ≈ ½ Σ √(2pₖ(1 − pₖ)/(πn))
    /// (the mean absolute deviation of a normal approximation of each share).
    static func expectedSamplingDistance(_ p: [String: Double], draws n: Int) -> Double {
        p.values.sorted().reduce(0) { $0 + (2 * $1 * (1 - $1) / (Double.pi * Double(n))).squareRoot() } / 2
    }

    @Test func fieldAndRegionFrequenciesFollowTheTemplate() {
        let demo = CorpusShape(Self.demo)
        let generated = CorpusShape(Self.shared.corpus)
        let corpus = Self.shared.corpus
        // Each record bootstraps the whole field list of one demo record, so there are n
        // independent draws for n records. (Shares of mentions vary less than shares of n
        // single draws — a record's 1.7 fields count as 1.7 mentions — so this is conservative.)
        // The distance sums some 45 nearly independent terms, so its standard deviation is about
        // a tenth of its mean: twice the expected distance is many deviations away for a correct
        // generator, yet below the distance of one that draws fields uniformly (checked below).
        let cases: [(String, [String: Double], [String: Double], Int)] = [
            ("achievement fields", demo.achievementFields, generated.achievementFields, corpus.achievements.count),
            ("demand fields", demo.demandFields, generated.demandFields, corpus.demands.count),
            ("institution regions", demo.institutionRegions, generated.institutionRegions, corpus.institutions.count),
            ("enterprise regions", demo.enterpriseRegions, generated.enterpriseRegions, corpus.enterprises.count),
        ]
        for (name, expected, observed, draws) in cases {
            let bound = 2 * Self.expectedSamplingDistance(expected, draws: draws)
            let distance = CorpusShape.totalVariation(expected, observed)
            #expect(distance < bound, "\(name): distance \(distance), bound \(bound)")
            let uniform = Dictionary(uniqueKeysWithValues: Self.demo.fields.map { ($0.id, 1 / Double(Self.demo.fields.count)) })
            if name.hasSuffix("fields") {
                #expect(CorpusShape.totalVariation(expected, uniform) > bound, "the bound for \(name) is too loose to tell")
            }
        }
        // Achievements and demands differ in the demo (0.13 apart); each keeps its own.
        #expect(CorpusShape.totalVariation(demo.achievementFields, demo.demandFields) > 0.1)
    }

    @Test func degreeMeansFollowTheTemplateWithHeavyTails() {
        let demo = CorpusShape(Self.demo)
        let generated = CorpusShape(Self.shared.corpus)
        // Inventor counts are drawn independently per achievement (sd of the mean ≈ 0.006 here):
        // 3% is several standard deviations. The other means are fixed by construction — as many
        // owners, employers, posters and participants take the role as give the template's mean
        // — so only rounding the number of role-holders moves them: 2%.
        var cases: [(String, Double, Double, Double)] = [
            ("inventors per achievement", demo.inventorsPerAchievement, generated.inventorsPerAchievement, 0.03),
            ("achievements per owner", demo.achievementsPerOwner, generated.achievementsPerOwner, 0.02),
            ("demands per enterprise", demo.demandsPerEnterprise, generated.demandsPerEnterprise, 0.02),
            ("experts per institution", demo.expertsPerInstitution, generated.expertsPerInstitution, 0.02),
        ]
        for (kind, expected) in demo.relationsPerParticipantByKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            cases.append(("relations per \(kind.rawValue)", expected, generated.relationsPerParticipantByKind[kind] ?? 0, 0.02))
        }
        #expect(cases.count >= 8)
        for (name, expected, observed, tolerance) in cases {
            #expect(abs(observed - expected) <= tolerance * expected, "\(name): \(observed), demo \(expected)")
        }
        // Over all kinds together the mean moves with the mix of kinds (experts and institutions
        // scale with achievements, enterprises with demands): within 10% here.
        #expect(abs(generated.relationsPerParticipant - demo.relationsPerParticipant) <= 0.1 * demo.relationsPerParticipant)
        // Heavy tails: the busiest owner holds several times the mean, as in the demo (25 vs 5.9).
        #expect(Double(generated.largestOwnerAchievements) >= 3 * generated.achievementsPerOwner)
        let inventorCounts = Self.shared.corpus.achievements.map(\.inventors.count)
        #expect(inventorCounts.max()! > Self.demo.achievements.map(\.inventors.count).max()!)
    }

    @Test func withoutDatasetsTextsComeFromTheTemplateAndAreVaried() {
        let report = Self.shared.report
        #expect(!report.usedDatasets && report.textSource.contains("no datasets at /nonexistent/datasets"))
        let openings = Set(Self.demo.achievements.compactMap { SentenceSplitter.split($0.abstract ?? "").first })
        let corpus = Self.shared.corpus
        for achievement in corpus.achievements {
            let opening = SentenceSplitter.split(achievement.abstract ?? "").first ?? ""
            #expect(openings.contains(opening), "\(achievement.id) does not open with a demo abstract")
        }
        // 3,000 texts from 208 demo achievements, each drawn some 14 times: mixing keeps them
        // apart (a plain copy would give 208 distinct texts, 7%). Many demo abstracts have one or
        // two sentences, which leaves fewer ways to vary them than real abstracts have; about 95%
        // come out distinct, and 90% is asked.
        let abstracts = Set(corpus.achievements.compactMap(\.abstract))
        let titles = Set(corpus.achievements.map(\.title))
        #expect(Double(abstracts.count) >= 0.9 * 3_000, "\(abstracts.count) distinct abstracts")
        #expect(Double(titles.count) >= 0.85 * 3_000, "\(titles.count) distinct titles")
    }

    @Test func demandsHaveAPlausibleAnswerAmongTheAchievements() {
        let corpus = Self.shared.corpus
        var byKeyword: [String: [Int]] = [:]
        for (index, achievement) in corpus.achievements.enumerated() {
            for keyword in achievement.keywords { byKeyword[keyword, default: []].append(index) }
        }
        let answered = corpus.demands.filter { demand in
            demand.keywords.contains { keyword in
                (byKeyword[keyword] ?? []).contains { !Set(corpus.achievements[$0].fields).isDisjoint(with: demand.fields) }
            }
        }
        #expect(Double(answered.count) >= 0.9 * Double(corpus.demands.count), "\(answered.count) of \(corpus.demands.count)")
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func withDatasetsTextsComeFromPapersAndPatents() throws {
        var options = Self.options(achievements: 1_500, demands: 200)
        options.datasets = RepositoryFiles.datasets
        options.textSource = .datasets
        let generated = try Self.generate(options)
        #expect(generated.result.issues.isEmpty, "\(generated.result.issues.prefix(5))")
        #expect(generated.report.usedDatasets && generated.report.sourceDocuments > 3_000)
        #expect(generated.report.textSource.contains("CSL papers") && generated.report.textSource.contains("patents"))
        let demoOpenings = Set(Self.demo.achievements.compactMap { SentenceSplitter.split($0.abstract ?? "").first })
        let achievements = generated.corpus.achievements
        #expect(!achievements.contains { demoOpenings.contains(SentenceSplitter.split($0.abstract ?? "").first ?? "") })
        #expect(Set(achievements.compactMap(\.abstract)).count >= 1_485)
        #expect(achievements.contains { $0.title.hasPrefix("一种") } && achievements.contains { $0.abstract?.contains("结果表明") == true })

        var missing = Self.options(achievements: 10, demands: 2)
        missing.textSource = .datasets
        #expect(throws: DuijieError.self) { try Self.generate(missing) }
    }

    @Test func badOptionsAndOccupiedDestinationsAreErrors() throws {
        #expect { try CorpusGenerator(options: Self.options(achievements: 0)) } throws: { error in
            (error as? DuijieError)?.message.contains("--achievements must be at least 1") == true
        }
        #expect(throws: DuijieError.self) { try CorpusGenerator(options: Self.options(demands: -1)) }
        let directory = TemporaryDirectory()
        var missingTemplate = Self.options(achievements: 10, demands: 2)
        missingTemplate.template = directory.path + "/no-template"
        #expect { try CorpusGenerator(options: missingTemplate).generate(into: directory.path + "/out") } throws: { error in
            (error as? DuijieError)?.message.contains("template") == true
        }

        directory.write("out/keep.txt", "precious\n")
        let small = try CorpusGenerator(options: Self.options(achievements: 20, demands: 5))
        #expect { try small.generate(into: directory.path + "/out") } throws: { error in
            (error as? DuijieError)?.message.contains("not empty") == true
        }
        #expect(directory.read("out/keep.txt") == "precious\n")
        _ = try small.generate(into: directory.path + "/out", replaceExisting: true)
        #expect(directory.read("out/keep.txt") == nil && directory.read("out/achievements.jsonl") != nil)
        // Nothing temporary is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out"])
        #expect { try small.generate(into: RepositoryFiles.demoCorpus, replaceExisting: true) } throws: { error in
            (error as? DuijieError)?.message.contains("template itself") == true
        }
    }

    @Test func byteOutputEqualsTheStringWriter() {
        let values: [JSONValue] = [
            .object([("id", .string("A-1")), ("title", .string("退役\"锂\"电池\\回收\n\t\u{1}\u{7F}")), ("n", .number(12)), ("x", .number(0.5)),
                     ("list", .array([.bool(true), .bool(false), .null, .string("")])), ("nested", .object([]))]),
            .string("English, 中文, emoji 🔋"),
        ]
        for value in values {
            var bytes: [UInt8] = []
            JSONWriter.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.string(value))
        }
    }

    @Test func countLawsMatchTheirMeansAndAliasTablesTheirWeights() {
        // Counts 0,1,1,2,1,3: a zero share of 1/6 and a positive mean of 8/5 = 1.6.
        let counts = CountDistribution(fittedTo: [0, 1, 1, 2, 1, 3], maximum: 10)
        #expect(abs(counts.positiveMean - 1.6) < 1e-6 && abs(counts.zeroProbability - 1.0 / 6) < 1e-12)
        var random = GeneratorRandom(seed: 5, .names)
        let draws = (0..<60_000).map { _ in counts.draw(&random) }
        let zeroShare = Double(draws.filter { $0 == 0 }.count) / 60_000
        #expect(abs(zeroShare - 1.0 / 6) < 0.01)
        let positive = draws.filter { $0 > 0 }
        let positiveMean = Double(positive.reduce(0, +)) / Double(positive.count)
        #expect(abs(positiveMean - 1.6) < 0.03)
        #expect(positive.max()! > 3)  // the tail reaches past what the template saw

        let table = AliasTable(weights: [1, 2, 3, 4])
        var tally = [0, 0, 0, 0]
        for _ in 0..<100_000 { tally[table.draw(&random)] += 1 }
        for (index, count) in tally.enumerated() {
            let share = Double(count) / 100_000
            #expect(abs(share - Double(index + 1) / 10) < 0.01)
        }
    }

    @Test func sentencesSplitOnChineseAndCSLFullStopsButNotInsideNumbers() {
        #expect(SentenceSplitter.split("平均数分别为7.0和4.8,杂合度0.713 5.结果表明,差异显著。第二句；第三句") ==
                ["平均数分别为7.0和4.8,杂合度0.713 5.", "结果表明,差异显著。", "第二句；", "第三句。"])
        #expect(SourceLibrary.patentTitle(abstract: "本发明公开了一种退役电池拆解装置，包括机架。") == "一种退役电池拆解装置")
        #expect(SourceLibrary.patentTitle(abstract: "提供了一种触摸面板和包括该触摸面板的触控装置。") == "一种触摸面板")
        #expect(SourceLibrary.patentTitle(abstract: "云计算机环境中的云服务安全管理使用第一计算机云实体，第一计算机云实体具有第一安全能力。") == nil)
    }
}
