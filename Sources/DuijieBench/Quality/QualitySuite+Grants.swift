import CSV
import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieVectors
import Foundation
import ZIPFoundation

extension QualitySuite {
    /// Expert finding on grant projects (NSFC management sciences and NSSF, zipped CSV). A leader
    /// is a name with an institution (names repeat). For each sampled leader with two or more
    /// projects, one project is held out: its title is the query and the leader is the one
    /// relevant answer. Every leader is a document whose text is the titles and disciplines of
    /// their projects other than the held-out ones, owned by an institution record (so the graph
    /// links colleagues) and placed in a province region (NSSF gives 所在省区市).
    static func grantExperts(datasets: String, queryCount: Int, seed: UInt64) throws(DuijieError) -> QualitySuite {
        struct Project { let title: String; let discipline: String }
        var projects: [String: [Project]] = [:]  // leader key → projects, in file order
        var order: [String] = []
        var institutionOf: [String: String] = [:]
        var provinceOf: [String: String] = [:]
        func add(_ leader: String, _ institution: String, _ province: String, _ project: Project) {
            guard !leader.isEmpty, !project.title.isEmpty else { return }
            let key = leader + "｜" + institution
            if projects[key] == nil { order.append(key) }
            projects[key, default: []].append(project)
            if !institution.isEmpty { institutionOf[key] = institution }
            if !province.isEmpty { provinceOf[key] = province }
        }
        for (file, leaderColumn, institutionColumn, disciplineColumn, provinceColumn) in [
            ("natural-2017-09-26.csv", "负责人", "依托单位", nil as String?, nil as String?),
            ("social-2017-09-26.csv", "项目负责人", "工作单位", "学科分类", "所在省区市"),
        ] {
            let rows = try csvRows(archive: datasets + "/nsfc-nssf/" + file + ".zip", member: file)
            for row in rows {
                add(row[leaderColumn] ?? "", row[institutionColumn] ?? "", provinceColumn.flatMap { row[$0] } ?? "",
                    Project(title: row["项目名称"] ?? "", discipline: disciplineColumn.flatMap { row[$0] } ?? ""))
            }
        }
        let institutionNames = Array(Set(institutionOf.values)).sorted()
        let institutionID = Dictionary(uniqueKeysWithValues: institutionNames.enumerated().map { ($1, "INS-\($0)") })
        let provinceNames = Array(Set(provinceOf.values)).sorted()
        let provinceID = Dictionary(uniqueKeysWithValues: provinceNames.enumerated().map { ($1, "PRV-\($0)") })
        // NSSF's 学科分类 as fields: a leader's fields are the disciplines of their other
        // projects, a query's the held-out project's (NSFC rows name none).
        let disciplineNames = Array(Set(projects.values.flatMap { $0.map(\.discipline) }.filter { !$0.isEmpty })).sorted()
        let disciplineID = Dictionary(uniqueKeysWithValues: disciplineNames.enumerated().map { ($1, "DSC-\($0)") })
        let candidates = order.enumerated().filter { projects[$0.element]!.count >= 2 }.map(\.offset)
        let chosen = Set(sample(candidates.count, count: queryCount, seed: seed).map { candidates[$0] })
        var generator = SplitMix64(seed: seed ^ 0xA5A5)
        var qrels = Qrels()
        var queries: [Query] = []
        var achievements: [Achievement] = []
        for (index, key) in order.enumerated() {
            var list = projects[key]!
            if chosen.contains(index) {
                let held = Int(generator.next() % UInt64(list.count))
                let queryID = "g-\(index)"
                queries.append(Query(id: queryID, text: list[held].title, fields: disciplineID[list[held].discipline].map { [$0] } ?? []))
                qrels.setGrade(1, query: queryID, document: "L-\(index)")
                list.remove(at: held)
            }
            let profile = list.map { [$0.title, $0.discipline].filter { !$0.isEmpty }.joined(separator: "，") }.joined(separator: "。")
            var leader = Achievement(id: "L-\(index)", title: "", abstract: profile)
            leader.owner = institutionOf[key].flatMap { institutionID[$0] }
            leader.region = provinceOf[key].flatMap { provinceID[$0] }
            var fields: [String] = []
            for project in list { if let id = disciplineID[project.discipline], !fields.contains(id) { fields.append(id) } }
            leader.fields = fields
            achievements.append(leader)
        }
        let institutions = institutionNames.map { Institution(id: institutionID[$0]!, name: $0, aliases: [], kind: .other, system: nil, region: nil, fields: [], description: nil) }
        let provinces = provinceNames.map { Region(id: provinceID[$0]!, name: $0, level: .province, parent: nil, aliases: [], paired: [], members: []) }
        let disciplines = disciplineNames.map { Field(id: disciplineID[$0]!, name: $0, parent: nil, synonyms: []) }
        return QualitySuite(name: "nsfc-expert", corpus: Corpus(regions: provinces, fields: disciplines, institutions: institutions, achievements: achievements),
                            queries: queries, qrels: qrels)
    }

    /// The rows of a CSV file inside a zip archive, by header name. Extracts with ZIPFoundation
    /// (checking the entry's CRC-32) and parses with CSV.swift.
    static func csvRows(archive: String, member: String) throws(DuijieError) -> [[String: String]] {
        guard FileManager.default.isReadableFile(atPath: archive) else { throw DuijieError(.io, "\(archive): cannot read the archive") }
        var data = Data()
        do {
            let zip = try Archive(url: URL(fileURLWithPath: archive), accessMode: .read)
            guard let entry = zip[member] else { throw DuijieError(.invalidInput, "\(archive): no member \(member)") }
            _ = try zip.extract(entry) { data.append($0) }
        } catch let error as DuijieError {
            throw error
        } catch {
            throw DuijieError(.io, "\(archive): cannot extract \(member) (\(error))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw DuijieError(.invalidInput, "\(archive): \(member) is not UTF-8 text") }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch { throw DuijieError(.invalidInput, "\(archive): \(member) has no header row") }
        let headers = reader.headerRow ?? []
        var rows: [[String: String]] = []
        while let row = reader.next() {
            var record: [String: String] = [:]
            for (header, cell) in zip(headers, row) { record[header] = cell.trimmingCharacters(in: .whitespaces) }
            rows.append(record)
        }
        return rows
    }
}
