import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieWorkspace
import Foundation

/// `duijie workspace import-deals`: deals from JSON lines, all or none.
struct WorkspaceImportDealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-deals",
        abstract: "Add deals (成交) from a JSON-lines file: all of them, or none when any line has a problem.",
        discussion: """
        A line: {"contractType":"技术许可","signedOn":"2026-03-02","value":120,"seller":"A-1001", \
        "sellerKind":"高等院校","buyer":"C-1003","buyerKind":"企业","ipType":"专利", \
        "registrationNumber":"2026210200001234","registeredOn":"2026-03-20","field":"F-STOR", \
        "sellerRegion":"辽宁省大连市","buyerRegion":"辽宁省沈阳市","brokers":[{"login":"wang","fee":1.8}]}
        Values and fees in 万元; every problem is listed at FILE:LINE: field.
        Example:
          duijie workspace import-deals demo.sqlite deals.jsonl
        """
    )

    @Argument(help: "The workspace file.") var workspace: String
    @Argument(help: "The deals, one JSON object per line.") var file: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: workspace) else { throw DuijieError(.io, "\(workspace): no such workspace") }
        guard let data = FileManager.default.contents(atPath: file) else { throw DuijieError(.io, "\(file): cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw DuijieError(.invalidInput, "\(file): not UTF-8 text") }
        let (deals, locations) = try DealReader.read(text, fileName: file)
        let saved = try Workspace(path: workspace).addDeals(deals, locations: locations)
        let total = saved.reduce(0) { $0 + $1.value }
        print("added \(saved.count) deals (\(String(format: "%.2f", total)) 万元) to \(workspace)")
    }
}

/// `duijie workspace deals`: the deals saved, as a table.
struct WorkspaceDealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deals", abstract: "List the deals of a workspace.")

    @Argument(help: "The workspace file.") var workspace: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: workspace) else { throw DuijieError(.io, "\(workspace): no such workspace") }
        let deals = try Workspace(path: workspace).deals()
        let rows = [["id", "signed", "type", "value (10k CNY)", "seller", "buyer", "IP", "registration", "brokers"]] + deals.map { deal in
            [String(deal.id), deal.signedOn, deal.contractType.rawValue, String(format: "%.2f", deal.value), deal.seller, deal.buyer,
             deal.ipType.rawValue, deal.registrationNumber, deal.brokers.map { "\($0.login) \(String(format: "%.2f", $0.fee))" }.joined(separator: ", ")]
        }
        print(TextTable.render(rows, rightAligned: [0, 3]), terminator: "")
    }
}
