import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieWorkspace
import Foundation

/// `duijie workspace import-deals`: deals from JSON lines, all or none.
struct WorkspaceImportDealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-deals",
        abstract: "Add deals (成交) from a spreadsheet (.csv, .tsv) or JSON lines: all of them, or none when any row has a problem.",
        discussion: """
        A line: {"contractType":"技术许可","signedOn":"2026-03-02","value":120,"seller":"A-1001", \
        "sellerKind":"高等院校","buyer":"C-1003","buyerKind":"企业","ipType":"专利", \
        "registrationNumber":"2026210200001234","registeredOn":"2026-03-20","field":"F-STOR", \
        "sellerRegion":"辽宁省大连市","buyerRegion":"辽宁省沈阳市","brokers":[{"login":"wang","fee":1.8}]}
        Values and fees in 万元; every problem is listed at FILE:LINE: field.
        A spreadsheet saved as CSV (or tab-separated .tsv/.txt) has a header row: 合同类型, 登记号, \
        登记日期, 签订日期, 成交额（万元）, 卖方, 卖方类型, 买方, 买方类型, 技术领域, 卖方地区, 买方地区, \
        知识产权类型, 经纪人, 佣金（万元）, 案例编号, 成果编号 (or the English names); sums as 120 or 50万, \
        days as 2026-03-02, 2026/3/2, 2026年3月2日 or an Excel serial number; brokers and fees as wang;li \
        and 1.2;0.5. An unknown column, or sums in 元, are errors.
        Examples:
          duijie workspace import-deals demo.sqlite deals.jsonl
          duijie workspace import-deals demo.sqlite 2026年技术合同登记台账.csv
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The deals: a .csv, .tsv or .txt spreadsheet with a header row, or .jsonl.") var file: String
    @Option(help: "The spreadsheet's encoding: auto, utf-8, gbk, gb18030, utf-16le, utf-16be.") var encoding: TextEncoding = .auto

    func run() throws {
        let opened = try Workspace(existing: workspace)
        guard let data = FileManager.default.contents(atPath: file) else { throw DuijieError(.io, "\(file): cannot read the file") }
        let deals: [Deal], locations: [String]
        if file.lowercased().hasSuffix(".jsonl") {
            guard let text = String(data: data, encoding: .utf8) else { throw DuijieError(.invalidInput, "\(file): not UTF-8 text") }
            (deals, locations) = try DealReader.read(text, fileName: file)
        } else {
            let text = try encoding.decode(Array(data), fileName: file).text
            let sheet = try DealSheet.read(text, fileName: file)
            // The cells that could not be read, and the deals' own problems, in the file's order.
            (deals, locations) = try DealReader.read(objects: sheet.objects, source: file, problems: sheet.problems)
        }
        let saved = try opened.addDeals(deals, locations: locations)
        let total = saved.reduce(0) { $0 + $1.value }
        print("added \(saved.count) deals (\(String(format: "%.2f", total)) 万元) to \(workspace)")
    }
}

/// `duijie workspace deals`: the deals saved, as a table.
struct WorkspaceDealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deals", abstract: "List the deals of a workspace.")

    @Argument(help: "The workspace file.") var workspace: String

    func run() throws {
        let deals = try Workspace(existing: workspace).deals()
        let rows = [["id", "signed", "type", "value (10k CNY)", "seller", "buyer", "IP", "registration", "brokers"]] + deals.map { deal in
            [String(deal.id), deal.signedOn, deal.contractType.rawValue, String(format: "%.2f", deal.value), deal.seller, deal.buyer,
             deal.ipType.rawValue, deal.registrationNumber, deal.brokers.map { "\($0.login) \(String(format: "%.2f", $0.fee))" }.joined(separator: ", ")]
        }
        print(TextTable.render(rows, rightAligned: [0, 3]), terminator: "")
    }
}

/// `duijie workspace init`: a new workspace filled from a workspace's history in text files.
struct WorkspaceInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace from users, cases and deals in JSON-lines files (--demo: the demo's).",
        discussion: """
        Every user gets the password read from standard input. The workspace is built in a \
        temporary file and moved into place only when complete; an existing file is never replaced.
        Examples:
          printf 'duijie-demo\\n' | duijie workspace init demo.sqlite --demo
          duijie workspace init centre.sqlite --from exported-history/
        """
    )

    @Argument(help: "The workspace file to create.") var workspace: String
    @Flag(help: "Use the demo's history, Corpus/demo/workspace (run from the repository).") var demo = false
    @Option(help: "The folder with users.jsonl, cases.jsonl and deals.jsonl.") var from: String?

    func validate() throws {
        if demo == (from != nil) { throw ValidationError("give either --demo or --from DIR") }
    }

    func run() throws {
        let directory = from ?? "Corpus/demo/workspace"
        guard FileManager.default.fileExists(atPath: directory + "/users.jsonl") else {
            throw DuijieError(.io, "\(directory): no users.jsonl here" + (demo ? " (run from the repository's root)" : ""))
        }
        guard !FileManager.default.fileExists(atPath: workspace) else {
            throw DuijieError(.invalidInput, "\(workspace): exists; init creates a new workspace and never replaces one")
        }
        if isatty(STDIN_FILENO) != 0 { printError("password for every user (at least \(Workspace.minimumPasswordLength) characters), then Enter:") }
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw DuijieError(.invalidInput, "password: none on standard input")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duijie-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let building = try Workspace(path: scratch + "/workspace.sqlite")
        try WorkspaceHistory.load(from: directory, into: building, password: password)
        try building.backup(to: workspace)
        let made = try Workspace(path: workspace)
        let deals = try made.deals()
        let events = try made.events()
        print("created \(workspace): \(try made.users().count) users, \(try made.caseCount()) cases, \(events.count) events "
              + "(\(events.reduce(0) { $0 + $1.meetings }) meetings), \(deals.count) deals (\(String(format: "%.1f", deals.reduce(0) { $0 + $1.value })) 万元)")
    }
}
