#!/usr/bin/env python3
"""Pairing side by side: Duijie's exact b-matching (minimum-cost flow, Swift) against
networkx.min_cost_flow (network simplex) on the same instance, in one run.

`DuijieBench pairing --instance-out FILE` writes the instance (bounds, integer pair weights,
total limit) and prints its own timings; this script solves the same instance with networkx,
checks that both reach the same optimal total weight, and prints the ratio.
"""
import argparse
import json
import subprocess
import sys
import time

import networkx as nx

from compare_text import write_rows


def networkx_optimum(instance):
    left, right, pairs = instance["leftBounds"], instance["rightBounds"], instance["pairs"]
    limit = int(instance["totalLimit"])
    bonus = sum(int(w) for _, _, w in pairs) + 1
    graph = nx.DiGraph()
    graph.add_node("s", demand=-limit)
    graph.add_node("t", demand=limit)
    graph.add_edge("s", "t", capacity=limit, weight=0)  # unprofitable units bypass
    graph.add_edge("s", "hub", capacity=limit, weight=0)
    for i, (minimum, maximum) in enumerate(left):
        graph.add_edge("hub", ("lmin", i), capacity=int(minimum), weight=-bonus)
        graph.add_edge(("lmin", i), ("l", i), capacity=int(minimum), weight=0)
        graph.add_edge("hub", ("lrest", i), capacity=int(maximum - minimum), weight=0)
        graph.add_edge(("lrest", i), ("l", i), capacity=int(maximum - minimum), weight=0)
    for j, (minimum, maximum) in enumerate(right):
        graph.add_edge(("r", j), ("rmin", j), capacity=int(minimum), weight=-bonus)
        graph.add_edge(("rmin", j), "t", capacity=int(minimum), weight=0)
        graph.add_edge(("r", j), ("rrest", j), capacity=int(maximum - minimum), weight=0)
        graph.add_edge(("rrest", j), "t", capacity=int(maximum - minimum), weight=0)
    for l, r, w in pairs:
        graph.add_edge(("l", int(l)), ("r", int(r)), capacity=1, weight=-int(w))
    start = time.perf_counter()
    flow = nx.min_cost_flow(graph)
    seconds = time.perf_counter() - start
    total = sum(int(w) for l, r, w in pairs if flow[("l", int(l))][("r", int(r))] > 0)
    return total, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duijie", required=True, help="path to the release DuijieBench binary")
    parser.add_argument("--instance", default="/tmp/duijie-pairing-instance.json")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows-out", help="also write the comparison row (name, duijie s, peer s) as JSON here")
    args, extra = parser.parse_known_args()
    swift = json.loads(subprocess.run([args.duijie, "pairing", "--instance-out", args.instance, "--repeat", str(args.repeat)] + extra,
                                      check=True, capture_output=True, text=True).stdout)
    with open(args.instance) as handle:
        instance = json.load(handle)
    runs = [networkx_optimum(instance) for _ in range(args.repeat)]
    total = runs[0][0]
    seconds = sorted(s for _, s in runs)[len(runs) // 2]
    same = total == int(swift["optimal_weight"]) == int(swift["plan_weight"])
    print(f"instance: {swift['participants']} participants, {swift['pairs']} pairs, total limit {instance['totalLimit']}")
    print(f"| solver | pairing (s) | optimal total weight |")
    print(f"|---|---:|---:|")
    print(f"| Duijie min-cost flow | {swift['pairing_seconds']:.3f} | {int(swift['optimal_weight'])} |")
    print(f"| networkx.min_cost_flow | {seconds:.3f} | {total} |")
    print(f"speed-up (networkx / Duijie): {seconds / swift['pairing_seconds']:.1f}x; same optimum: {same}")
    print(f"Duijie pair + schedule: {swift['plan_seconds']:.3f} s; {swift['scheduled']} meetings in {swift['slots_used']} slots, "
          f"{swift['unplaced']} unplaced, edge colouring: {swift['edge_coloring']}, valid: {swift['valid']}")
    write_rows([[f"pairing {swift['participants']} participants, {swift['pairs']} pairs: duijie vs networkx.min_cost_flow",
                 swift["pairing_seconds"], seconds]], args.rows_out)
    if not same:
        sys.exit("the optima differ")


if __name__ == "__main__":
    main()
