#!/usr/bin/env python3
"""Reference optima for Duijie's capacitated matching (event pairing), from independent solvers.

How the committed fixture was made (from the repository root):

    python3 Benchmarks/reference/matching_reference.py > Tests/DuijieGraphTests/Fixtures/matching-reference.json

Seeded random bipartite instances with integer pair weights (0 … 1,000,000) and some
ineligible pairs:

- "one-to-one" instances (every maximum 1, no minimums) are solved by
  scipy.optimize.linear_sum_assignment(maximize=True) on the weight matrix, ineligible
  pairs weighted 0 (with non-negative weights a maximum-weight matching can always be
  completed to a full assignment without losing weight, so the optima agree);
- "capacitated" instances (maximums 1 … 4, minimums 0 … 2) are solved by
  networkx.min_cost_flow on the network the problem defines: source → node arcs with a bonus
  per minimum place larger than the sum of all weights, pair arcs of cost −weight, and a
  zero-cost bypass arc source → sink so that no unprofitable unit has to be sent.

Each instance records the optimal total weight and the number of minimum places served.
"""
import json
import random
import sys

import networkx as nx
import numpy as np
from scipy.optimize import linear_sum_assignment


def random_instance(rng, left, right, max_range, min_range, eligible_share):
    pairs = []
    for l in range(left):
        for r in range(right):
            if rng.random() < eligible_share:
                pairs.append([l, r, rng.randint(0, 1_000_000)])
    def bounds(count):
        result = []
        for _ in range(count):
            maximum = rng.randint(*max_range)
            minimum = min(maximum, rng.randint(*min_range))
            result.append([minimum, maximum])
        return result
    return {"leftBounds": bounds(left), "rightBounds": bounds(right), "pairs": pairs}


def solve_one_to_one(instance):
    left = len(instance["leftBounds"])
    right = len(instance["rightBounds"])
    weights = np.zeros((left, right), dtype=np.int64)
    for l, r, w in instance["pairs"]:
        weights[l, r] = w
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return int(weights[rows, cols].sum()), 0


def solve_capacitated(instance):
    left = instance["leftBounds"]
    right = instance["rightBounds"]
    pairs = instance["pairs"]
    bonus = sum(w for _, _, w in pairs) + 1
    supply = sum(maximum for _, maximum in left)
    graph = nx.DiGraph()
    graph.add_node("s", demand=-supply)
    graph.add_node("t", demand=supply)
    graph.add_edge("s", "t", capacity=supply, weight=0)
    # networkx's DiGraph holds one arc per node pair, so the two arcs of a node go through
    # intermediate nodes ("lmin", i) and ("lrest", i).
    for i, (minimum, maximum) in enumerate(left):
        graph.add_edge("s", ("lmin", i), capacity=minimum, weight=-bonus)
        graph.add_edge(("lmin", i), ("l", i), capacity=minimum, weight=0)
        graph.add_edge("s", ("lrest", i), capacity=maximum - minimum, weight=0)
        graph.add_edge(("lrest", i), ("l", i), capacity=maximum - minimum, weight=0)
    for j, (minimum, maximum) in enumerate(right):
        graph.add_edge(("r", j), ("rmin", j), capacity=minimum, weight=-bonus)
        graph.add_edge(("rmin", j), "t", capacity=minimum, weight=0)
        graph.add_edge(("r", j), ("rrest", j), capacity=maximum - minimum, weight=0)
        graph.add_edge(("rrest", j), "t", capacity=maximum - minimum, weight=0)
    for l, r, w in pairs:
        graph.add_edge(("l", l), ("r", r), capacity=1, weight=-w)
    flow = nx.min_cost_flow(graph)
    total = 0
    degrees_left = [0] * len(left)
    degrees_right = [0] * len(right)
    for l, r, w in pairs:
        if flow[("l", l)][("r", r)] > 0:
            total += w
            degrees_left[l] += 1
            degrees_right[r] += 1
    served = sum(min(d, b[0]) for d, b in zip(degrees_left, left)) + sum(min(d, b[0]) for d, b in zip(degrees_right, right))
    return total, served


def main():
    rng = random.Random(20261121)
    instances = []
    for index in range(6):
        left, right = rng.randint(3, 25), rng.randint(3, 25)
        instance = random_instance(rng, left, right, (1, 1), (0, 0), rng.choice([0.4, 0.8, 1.0]))
        total, served = solve_one_to_one(instance)
        instances.append({"name": f"one-to-one-{index}", "solver": "scipy.optimize.linear_sum_assignment", **instance,
                          "optimalWeight": total, "servedMinimum": served})
    for index in range(8):
        left, right = rng.randint(4, 40), rng.randint(4, 40)
        instance = random_instance(rng, left, right, (1, 4), (0, 2), rng.choice([0.2, 0.5, 0.9]))
        total, served = solve_capacitated(instance)
        instances.append({"name": f"capacitated-{index}", "solver": "networkx.min_cost_flow", **instance,
                          "optimalWeight": total, "servedMinimum": served})
    json.dump({"networkx": nx.__version__, "instances": instances}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
