@testable import DuijieCorpus
@testable import DuijieGraph
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieText
@testable import DuijieVectors
import Testing

@Suite struct CorpusGraphTests {
    func fixtureGraph() throws -> CorpusGraph {
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory)
        return CorpusGraph(corpus: try CorpusLoader.loadValidated(directory.path).corpus)
    }

    func weight(_ graph: CorpusGraph, _ a: String, _ b: String) -> Float? {
        guard let x = graph.node(of: a), let y = graph.node(of: b) else { return nil }
        return graph.graph.neighbors(of: x).first { $0.node == y }?.weight
    }

    @Test func linksBecomeSymmetricWeightedEdges() throws {
        let graph = try fixtureGraph()
        #expect(graph.ids.count == 4 + 3 + 1 + 1 + 1 + 1 + 1)
        #expect(weight(graph, "A-1", "I-DLUT") == 1 && weight(graph, "I-DLUT", "A-1") == 1)   // ownership
        #expect(weight(graph, "A-1", "E-1") == 1)                                              // inventorship
        #expect(weight(graph, "D-1", "C-1") == 1)                                              // posted by
        // Relation C-1 → I-DLUT: cooperated (1) × its weight 2. E-1 consulted C-1: 1 × 1.
        #expect(weight(graph, "C-1", "I-DLUT") == 2 && weight(graph, "I-DLUT", "C-1") == 2)
        #expect(weight(graph, "E-1", "C-1") == 1)
        // The expert–institution link (affiliation 1) and the field and region links.
        #expect(weight(graph, "E-1", "I-DLUT") == 1)
        #expect(weight(graph, "D-1", "F-RECY") == 0.5 && weight(graph, "F-IC", "F-IT") == 0.25)
        #expect(weight(graph, "R-LN", "R-JS") == 0.2)
        #expect(weight(graph, "D-1", "A-1") == nil)
    }

    @Test func proximityRanksNeighboursOfTheSeedsHighest() throws {
        let graph = try fixtureGraph()
        let scores = try #require(graph.proximity(from: ["D-1": 1]))
        #expect(abs(scores.reduce(0, +) - 1) < 1e-9)
        let ranked = graph.ids.indices.sorted { scores[$0] > scores[$1] }.map { graph.ids[$0] }
        // The seed and its enterprise (a hub: it also links the institution, the expert, a field and
        // a region, so the walk collects there) lead; a paired province far away trails.
        #expect(Set(ranked.prefix(2)) == ["D-1", "C-1"])
        #expect(ranked.firstIndex(of: "C-1")! < ranked.firstIndex(of: "R-JS")!)
        #expect(graph.proximity(from: ["nobody": 1]) == nil)
    }

    @Test func pathsExplainHowADemandReachesAnExpert() throws {
        let graph = try fixtureGraph()
        // D-1 → C-1 (posted by) → E-1 (consulted) is the most probable two-step walk.
        #expect(graph.path(from: "D-1", to: "E-1") == ["D-1", "C-1", "E-1"])
        #expect(graph.path(from: "D-1", to: "missing") == nil)
    }

    @Test func theDemoCorpusGraphConnectsDemandsToTheirExperts() throws {
        let corpus = try CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus
        let graph = CorpusGraph(corpus: corpus)
        #expect(graph.ids.count == 61 + 51 + 44 + 152 + 80 + 208 + 124)
        #expect(graph.graph.edgeCount > 2 * 1_000)
        let path = try #require(graph.path(from: "D-1012", to: "E-4029", maximumHops: 6))
        #expect(path.first == "D-1012" && path.last == "E-4029" && path.count <= 7)
        let serial = graph.proximity(from: ["D-1012": 1], parallelism: .serial)
        let parallel = graph.proximity(from: ["D-1012": 1], parallelism: Parallelism(threads: 4))
        #expect(serial == parallel)
    }
}

