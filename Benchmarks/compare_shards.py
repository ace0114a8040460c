"""Sharded serving against one index, on the same demands in the same run (Benchmarks/run-shards).

Three ways to answer the same demand requests:
  direct  — one `duijie shard-serve` on the whole (1-shard) plan, driven from this process
            without Ray: the baseline for the coordinator's overhead;
  ray-1   — the Ray coordinator over that one shard;
  ray-N   — the Ray coordinator over the N-shard plan.
For each: latency per query (one request at a time: p50, p99, mean) and batch throughput (blocks
of requests through search_many); the shard servers' resident memory; and the exactness of
ray-N against ray-1 over every demand (same ids, scores within 1e-6). Prints a Markdown table
and writes the numbers as JSON lines.

    python compare_shards.py --duijie BIN --one ONE/plan.json --many MANY/plan.json --corpus DIR -o results.jsonl
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "Coordinator"))

from duijie_ray.batch import BatchOptions, demand_request, read_demands  # noqa: E402
from duijie_ray.cluster import start_ray  # noqa: E402
from duijie_ray.coordinator import Coordinator  # noqa: E402
from duijie_ray.plan import load_plan  # noqa: E402
from duijie_ray.shard_process import ShardProcess  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0…1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))]


def resident_mebibytes(pid: int) -> tuple[float, float]:
    """VmRSS and VmHWM (peak) of a process, in MiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def timed_singly(search, requests: list[dict]) -> tuple[list[float], list[dict]]:
    """Each request alone; seconds per request and the answers."""
    seconds, answers = [], []
    for request in requests:
        started = time.perf_counter()
        answers.append(search(request))
        seconds.append(time.perf_counter() - started)
    return seconds, answers


def timed_batch(search_many, requests: list[dict], block: int) -> float:
    """Queries per second through blocks of `block` requests."""
    started = time.perf_counter()
    for start in range(0, len(requests), block):
        search_many(requests[start:start + block])
    return len(requests) / (time.perf_counter() - started)


def summary(name: str, shards: int, seconds: list[float], throughput: float, memory: list[tuple[float, float]]) -> dict:
    return {
        "name": name, "shards": shards, "queries": len(seconds),
        "p50_ms": 1000 * percentile(seconds, 0.50), "p99_ms": 1000 * percentile(seconds, 0.99),
        "mean_ms": 1000 * statistics.fmean(seconds), "batch_qps": throughput,
        "rss_mib": [round(rss, 1) for rss, _ in memory], "peak_mib": [round(peak, 1) for _, peak in memory],
    }


def shard_memory(coordinator: Coordinator) -> list[tuple[float, float]]:
    import ray

    return [resident_mebibytes(ray.get(actor.process_pid.remote())) for actor in coordinator.actors]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duijie", required=True)
    parser.add_argument("--one", required=True, help="plan.json of the 1-shard build")
    parser.add_argument("--many", required=True, help="plan.json of the N-shard build")
    parser.add_argument("--corpus", required=True, help="the corpus whose demands are the queries")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--block", type=int, default=200)
    parser.add_argument("--ranking", default="fused")
    parser.add_argument("-o", "--output", required=True)
    arguments = parser.parse_args()

    demands = read_demands(arguments.corpus)[: arguments.queries]
    requests = [demand_request(demand, BatchOptions(top=10, ranking=arguments.ranking)) for demand in demands]
    one_plan = load_plan(arguments.one)
    results = []

    # Direct: the whole index in one server, no Ray.
    with ShardProcess(arguments.duijie, one_plan.shards[0].file, timeout_s=120, load_timeout_s=1800) as process:
        process.info()
        timed_singly(process.search, requests[:20])  # warm-up
        seconds, direct_answers = timed_singly(process.search, requests)
        throughput = timed_batch(process.search_many, requests, arguments.block)
        results.append(summary("direct", 1, seconds, throughput, [resident_mebibytes(process.pid)]))

    start_ray(num_cpus=2, log_to_driver=False)
    answers = {}
    for name, plan in (("ray-1", arguments.one), (f"ray-{len(load_plan(arguments.many).shards)}", arguments.many)):
        with Coordinator(plan, arguments.duijie, timeout_s=120, load_timeout_s=1800) as coordinator:
            timed_singly(coordinator.search, requests[:20])
            seconds, answers[name] = timed_singly(coordinator.search, requests)
            throughput = timed_batch(coordinator.search_many, requests, arguments.block)
            results.append(summary(name, coordinator.shard_count, seconds, throughput, shard_memory(coordinator)))

    # Exactness at this size: every demand's top 10 from N shards against 1 shard and direct.
    many = [name for name in answers if name != "ray-1"][0]
    differing, largest = 0, 0.0
    for single, direct, sharded in zip(answers["ray-1"], direct_answers, answers[many]):
        ids = [hit["id"] for hit in single["hits"]]
        if ids != [hit["id"] for hit in sharded["hits"]] or ids != [hit["id"] for hit in direct["hits"]] or sharded["partial"]:
            differing += 1
        for a, b in zip(single["hits"], sharded["hits"]):
            largest = max(largest, abs(a["score"] - b["score"]))
    exactness = {"name": "exactness", "queries": len(requests), "differing_rankings": differing, "largest_score_difference": largest}
    results.append(exactness)

    with open(arguments.output, "w", encoding="utf-8") as handle:
        for result in results:
            handle.write(json.dumps(result) + "\n")
    base = results[0]
    print("| serving | shards | p50 ms | p99 ms | mean ms | batch queries/s | shard RSS MiB (peak) | p50 vs direct | batch vs direct |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for result in results[:-1]:
        memory = ", ".join(f"{rss:.0f} ({peak:.0f})" for rss, peak in zip(result["rss_mib"], result["peak_mib"]))
        print(f"| {result['name']} | {result['shards']} | {result['p50_ms']:.2f} | {result['p99_ms']:.2f} | {result['mean_ms']:.2f} | "
              f"{result['batch_qps']:.0f} | {memory} | {result['p50_ms'] / base['p50_ms']:.2f}× | {result['batch_qps'] / base['batch_qps']:.2f}× |")
    print(f"\nexactness: {differing} of {len(requests)} top-10 rankings differ between {many} and ray-1 (and direct); "
          f"largest score difference {largest:.3g}")
    return 0 if differing == 0 and largest <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
