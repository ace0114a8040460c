import ArgumentParser
import DuijieCommandLine
import DuijieJSON
import DuijieRanking
import Foundation

/// `duijie shard-serve FILE`: one shard of a sharded index (or a whole index), loaded once and
/// answering JSON lines on standard input, one answer line per request, for a coordinator.
struct ShardServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shard-serve",
        abstract: "Serve one shard (`duijie index --shards`) or a whole index over a JSON-lines protocol on standard input and output.",
        discussion: """
        The index is loaded once; then each line on standard input is one request and gets one \
        line on standard output, in order. End of input ends the server. Requests:
          {"op": "info"}
          {"id": "q1", "text": "废旧锂电池回收", "top": 10}
          {"id": "D-1001", "demand": {"title": "…"}, "ranking": "fused"}
        A demand may also have "keywords" (a list) and a "description". Optional fields: top (1–10000, default 10), ranking (lexical, semantic or fused), \
        lexicalWeight (0–1, default 0.5), terms (matched terms per hit, 0–50, default 5) and \
        filters ({"regions": […], "pairedRegions": true, "fields": […], "minMaturity": "pilot", \
        "modes": […], "kinds": […], "dualUse": false}, names or ids as `duijie recommend` takes them) \
        and maxPerInstitution (at most this many hits of one owning institution; each hit names its \
        owner, so a coordinator applies the limit across shards). \
        Each hit carries its global row, so a coordinator merges shards by score, then row, into \
        exactly the single index's ranking. A bad request is answered with {"id": …, "error": …} \
        naming the field, and the server goes on. The protocol is in docs/scale-out.md.

        Examples:
          duijie index Corpus/demo --shards 3 -o shards
          echo '{"id": "q", "text": "锂电池回收"}' > requests.jsonl
          duijie shard-serve shards/shard-1-of-3.index < requests.jsonl
        """
    )

    @Argument(help: "A shard file (`duijie index --shards`) or a whole index (`duijie index`), served as shard 1 of 1.")
    var index: String

    /// Requests longer than this are refused (a runaway writer, not a query).
    static let maximumLineBytes = 1 << 20

    func run() throws {
        let (matcher, metadata, info, facets) = try ShardIndex.load(index)
        let titles = metadata.titles
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            let answer: JSONValue
            if line.utf8.count > Self.maximumLineBytes {
                answer = Self.problem(id: nil, "the request is longer than \(Self.maximumLineBytes) bytes")
            } else {
                switch ShardRequest.parse(line) {
                case .success(.info): answer = Self.describe(info, matcher: matcher, weighting: metadata.weighting)
                case .success(.search(let search)): answer = Self.answer(search, matcher: matcher, titles: titles, info: info, facets: facets)
                case .failure(let problem): answer = Self.problem(id: problem.id, problem.message)
                }
            }
            // Written straight to the descriptor, unbuffered: the coordinator waits for this line.
            FileHandle.standardOutput.write(Data((JSONWriter.string(answer) + "\n").utf8))
        }
    }

    static func problem(id: String?, _ message: String) -> JSONValue {
        .object([("id", id.map(JSONValue.string) ?? .null), ("error", .string(message))])
    }

    static func describe(_ info: ShardIndex.Info, matcher: TextMatcher, weighting: String) -> JSONValue {
        .object([
            ("op", .string("info")), ("shard", .number(Double(info.shard))), ("shards", .number(Double(info.shards))),
            ("firstRow", .number(Double(info.firstRow))), ("documents", .number(Double(info.documents))),
            ("totalDocuments", .number(Double(info.totalDocuments))), ("plan", .string(info.plan)), ("corpus", .string(info.corpusFingerprint)),
            ("lsaDimensions", .number(Double(matcher.semanticModel?.dimensions ?? 0))), ("weighting", .string(weighting)),
        ])
    }

    /// The shard's best hits for a search, with global rows.
    static func answer(_ search: ShardRequest.Search, matcher: TextMatcher, titles: [String], info: ShardIndex.Info, facets: ShardFacets?) -> JSONValue {
        if matcher.semanticModel == nil, search.ranking != .lexical {
            return problem(id: search.id, "request field `ranking`: this index has no LSA model; only \"lexical\" ranking is possible")
        }
        if facets == nil, let field = search.filters != nil ? "filters" : search.maximumPerInstitution != nil ? "maxPerInstitution" : nil {
            return problem(id: search.id, "request field `\(field)`: this index keeps no filter values (a text index); build shards with `duijie index --shards`")
        }
        var admitted: [Bool]?
        if let values = search.filters, let facets {
            do {
                admitted = facets.admitted(by: try facets.resolve(values))
            } catch {
                return problem(id: search.id, "request field `filters.\(error.value.requestMember)`: \(error.given): \(error.problem)")
            }
        }
        let admits = admitted.map { admitted in { (row: Int) in admitted[row] } }
        let limit = search.maximumPerInstitution.flatMap { perGroup in facets.map { facets in GroupLimit(perGroup: perGroup) { facets.documents[$0].owner } } }
        let matches: [TextMatch]
        switch search.query {
        case .text(let text):
            matches = matcher.match(text: text, top: search.top, ranking: search.ranking, explainedTerms: search.terms, admitting: admits, limit: limit)
        case .demand(let title, let keywords, let description):
            matches = matcher.match(title: title, keywords: keywords, description: description, top: search.top, ranking: search.ranking,
                                    explainedTerms: search.terms, admitting: admits, limit: limit)
        }
        let hits = matches.map { match -> JSONValue in
            let row = matcher.row(of: match.documentID) ?? 0
            var members: [(String, JSONValue)] = [
                ("id", .string(match.documentID)), ("row", .number(Double(info.firstRow + row))), ("score", .number(Double(match.score))),
                ("title", .string(row < titles.count ? titles[row] : "")),
                ("matchedTerms", .array(match.matchedTerms.map { .object([("term", .string($0.term)), ("contribution", .number(Double($0.contribution)))]) })),
            ]
            // The owner lets a coordinator apply a per-institution limit over all shards.
            if let owner = facets?.documents[row].owner { members.append(("owner", .string(owner))) }
            return .object(members)
        }
        return .object([("id", .string(search.id)), ("shard", .number(Double(info.shard))), ("hits", .array(hits))])
    }
}
