#!/usr/bin/env python3
"""Pairing side by side: Duijie's exact b-matching (minimum-cost flow, Swift) against two peers
on the same instance, in one run: networkx.min_cost_flow (network simplex, pure Python) and
Google OR-tools' SimpleMinCostFlow (cost-scaling push-relabel, C++).

`DuijieBench pairing --instance-out FILE` writes the instance (bounds, integer pair weights,
total limit) and prints its own timings; this script solves the same instance with both peers on
one and the same network, checks that all three reach the same optimal total weight, and prints
the ratios.
"""
import argparse
import json
import subprocess
import sys
import time

import networkx as nx
import numpy as np
from ortools.graph.python import min_cost_flow

from compare_text import write_rows


def pairing_network(instance):
    """The instance as a minimum-cost flow network that both peers solve: (arcs, limit, first),
    where arcs are (tail, head, capacity, cost) on named nodes, `limit` units leave "s" and reach
    "t", and arcs[first:] are the pair arcs in the order of instance["pairs"].

    The construction is Duijie's (`CapacitatedMatching.solve` in
    Sources/DuijieMatching/CapacitatedMatching.swift): source → hub (the total limit) → each left
    node by a minimum arc (cost −bonus, bonus = all weights + 1, so minimum places come first) and
    a rest arc (cost 0); left → right per pair (capacity 1, cost −weight); right → sink by the
    same two arcs. Duijie's parallel arcs pass through a node of their own here ("lmin", "lrest",
    …), since networkx's DiGraph holds one arc per pair of nodes, and Duijie stops augmenting once
    a unit no longer pays, where the peers must route all `limit` units: the s → t arc lets the
    unprofitable ones bypass at cost 0.
    """
    left, right, pairs = instance["leftBounds"], instance["rightBounds"], instance["pairs"]
    limit = int(instance["totalLimit"])
    bonus = sum(int(w) for _, _, w in pairs) + 1
    arcs = [("s", "t", limit, 0), ("s", "hub", limit, 0)]  # s → t: unprofitable units bypass
    for i, (minimum, maximum) in enumerate(left):
        minimum, rest = int(minimum), int(maximum) - int(minimum)
        arcs += [("hub", ("lmin", i), minimum, -bonus), (("lmin", i), ("l", i), minimum, 0),
                 ("hub", ("lrest", i), rest, 0), (("lrest", i), ("l", i), rest, 0)]
    for j, (minimum, maximum) in enumerate(right):
        minimum, rest = int(minimum), int(maximum) - int(minimum)
        arcs += [(("r", j), ("rmin", j), minimum, -bonus), (("rmin", j), "t", minimum, 0),
                 (("r", j), ("rrest", j), rest, 0), (("rrest", j), "t", rest, 0)]
    first = len(arcs)
    arcs += [(("l", int(l)), ("r", int(r)), 1, -int(w)) for l, r, w in pairs]
    return arcs, limit, first


def networkx_optimum(instance, network):
    """Solves the network with networkx.min_cost_flow; returns (total pair weight, seconds of
    the solve alone, without building the graph)."""
    arcs, limit, first = network
    graph = nx.DiGraph()
    graph.add_node("s", demand=-limit)
    graph.add_node("t", demand=limit)
    for tail, head, capacity, cost in arcs:
        graph.add_edge(tail, head, capacity=capacity, weight=cost)
    start = time.perf_counter()
    flow = nx.min_cost_flow(graph)
    seconds = time.perf_counter() - start
    total = sum(int(w) for (tail, head, _, _), (_, _, w) in zip(arcs[first:], instance["pairs"]) if flow[tail][head] > 0)
    return total, seconds


def ortools_arrays(network):
    """The network as OR-tools' arrays: (tails, heads, capacities, costs, supplies' nodes,
    supplies), nodes numbered in order of first appearance; "s" supplies `limit`, "t" takes it."""
    arcs, limit, _ = network
    index = {}
    for tail, head, _, _ in arcs:
        index.setdefault(tail, len(index))
        index.setdefault(head, len(index))
    tails = np.array([index[tail] for tail, _, _, _ in arcs], dtype=np.int32)
    heads = np.array([index[head] for _, head, _, _ in arcs], dtype=np.int32)
    capacities = np.array([capacity for _, _, capacity, _ in arcs], dtype=np.int64)
    costs = np.array([cost for _, _, _, cost in arcs], dtype=np.int64)
    nodes = np.array([index["s"], index["t"]], dtype=np.int32)
    supplies = np.array([limit, -limit], dtype=np.int64)
    return tails, heads, capacities, costs, nodes, supplies


def ortools_optimum(instance, network, arrays):
    """Solves the network with OR-tools' SimpleMinCostFlow; returns (total pair weight, seconds
    of solve() alone, without adding the arcs). Exits unless the status is OPTIMAL."""
    _, _, first = network
    tails, heads, capacities, costs, nodes, supplies = arrays
    solver = min_cost_flow.SimpleMinCostFlow()
    arc_ids = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(nodes, supplies)
    start = time.perf_counter()
    status = solver.solve()
    seconds = time.perf_counter() - start
    if status != solver.OPTIMAL:
        sys.exit(f"OR-tools SimpleMinCostFlow: status {status}, not OPTIMAL")
    weights = np.array([int(w) for _, _, w in instance["pairs"]], dtype=np.int64)
    chosen = solver.flows(arc_ids[first:]) > 0
    return int(weights[chosen].sum()), seconds


def median_run(solve, repeat):
    """Runs `solve` `repeat` times; returns (its total pair weight, the median seconds). Exits
    if the runs disagree on the total."""
    runs = [solve() for _ in range(repeat)]
    totals = {total for total, _ in runs}
    if len(totals) != 1:
        sys.exit(f"runs of the same solver reached different totals: {sorted(totals)}")
    return runs[0][0], sorted(seconds for _, seconds in runs)[len(runs) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duijie", required=True, help="path to the release DuijieBench binary")
    parser.add_argument("--instance", default="/tmp/duijie-pairing-instance.json")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows-out", help="also write the comparison rows (name, duijie s, peer s) as JSON here")
    args, extra = parser.parse_known_args()
    swift = json.loads(subprocess.run([args.duijie, "pairing", "--instance-out", args.instance, "--repeat", str(args.repeat)] + extra,
                                      check=True, capture_output=True, text=True).stdout)
    with open(args.instance) as handle:
        instance = json.load(handle)
    network = pairing_network(instance)
    arrays = ortools_arrays(network)
    nx_total, nx_seconds = median_run(lambda: networkx_optimum(instance, network), args.repeat)
    ort_total, ort_seconds = median_run(lambda: ortools_optimum(instance, network, arrays), args.repeat)
    ours = swift["pairing_seconds"]
    same = nx_total == ort_total == int(swift["optimal_weight"]) == int(swift["plan_weight"])
    print(f"instance: {swift['participants']} participants, {swift['pairs']} pairs, total limit {instance['totalLimit']}")
    print(f"| solver | pairing (s) | optimal total weight |")
    print(f"|---|---:|---:|")
    print(f"| Duijie min-cost flow | {ours:.3f} | {int(swift['optimal_weight'])} |")
    print(f"| networkx.min_cost_flow | {nx_seconds:.3f} | {nx_total} |")
    print(f"| OR-tools SimpleMinCostFlow | {ort_seconds:.3f} | {ort_total} |")
    print(f"peer / Duijie (above 1, Duijie is faster): networkx {nx_seconds / ours:.1f}x, OR-tools {ort_seconds / ours:.2f}x; "
          f"same optimum: {same}")
    print(f"Duijie pair + schedule: {swift['plan_seconds']:.3f} s; {swift['scheduled']} meetings in {swift['slots_used']} slots, "
          f"{swift['unplaced']} unplaced, edge colouring: {swift['edge_coloring']}, valid: {swift['valid']}")
    name = f"pairing {swift['participants']} participants, {swift['pairs']} pairs: duijie vs"
    write_rows([[f"{name} networkx.min_cost_flow", ours, nx_seconds],
                [f"{name} ortools SimpleMinCostFlow", ours, ort_seconds]], args.rows_out)
    if not same:
        sys.exit("the optima differ")


if __name__ == "__main__":
    main()
