#!/usr/bin/env python3
"""Reference personalized PageRank values from networkx, for Duijie's graph tests.

How the committed fixture was made (from the repository root):

    python3 Benchmarks/reference/pagerank_reference.py > Tests/DuijieGraphTests/Fixtures/pagerank-networkx.json

It draws a seeded random directed graph (300 nodes, weighted edges, some nodes without
out-edges) and runs networkx.pagerank with a personalization vector on three seeds
(alpha = 0.85, tol = 1e-13); networkx sends the mass of dangling nodes to the personalization
vector, as Duijie does.
"""
import json
import random
import sys

import networkx as nx


def main():
    rng = random.Random(20261121)
    nodes = 300
    graph = nx.DiGraph()
    graph.add_nodes_from(range(nodes))
    dangling = set(rng.sample(range(nodes), 15))
    for source in range(nodes):
        if source in dangling:
            continue
        for target in rng.sample(range(nodes), rng.randint(1, 8)):
            if target != source:
                graph.add_edge(source, target, weight=round(rng.uniform(0.1, 3.0), 3))
    personalization = {node: 0.0 for node in range(nodes)}
    personalization.update({7: 2.0, 42: 1.0, 199: 1.0})
    scores = nx.pagerank(graph, alpha=0.85, personalization=personalization, tol=1e-13, max_iter=10000, weight="weight")
    json.dump({
        "nodes": nodes,
        "edges": [[u, v, d["weight"]] for u, v, d in sorted(graph.edges(data=True))],
        "seeds": {str(k): v for k, v in personalization.items() if v > 0},
        "scores": [scores[node] for node in range(nodes)],
    }, sys.stdout)


if __name__ == "__main__":
    main()
