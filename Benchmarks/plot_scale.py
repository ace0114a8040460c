#!/usr/bin/env python3
"""Growth curves from Benchmarks/run-scale's results: one PNG per measure, log–log axes,
achievements on x. Usage: plot_scale.py RESULTS.jsonl OUTDIR"""
import json
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    rows.sort(key=lambda row: row["achievements"])
    sizes = [row["achievements"] for row in rows]
    # The targets at 1M achievements, drawn as dashed lines.
    figures = [
        ("build", "seconds", [("build and save the index", "index_seconds"), ("load the index", "load_seconds")], ("build target, 10 min", 600)),
        ("latency", "milliseconds", [("shortlist p50", "latency_p50_ms"), ("shortlist p99", "latency_p99_ms")], ("p99 target, 100 ms", 100)),
        ("memory", "MiB (index on disk: MB)", [("peak, building the index", "index_peak_mb"), ("peak, serving from the index", "peak_memory_mb"),
                          ("index on disk", "index_megabytes")], ("memory target, 8 GiB", 8192)),
        ("throughput", "demands per second", [("batch top-10", "batch_demands_per_second")], None),
    ]
    for name, unit, series, target in figures:
        figure, axes = plt.subplots(figsize=(5.5, 3.6), dpi=120)
        for label, key in series:
            axes.plot(sizes, [row[key] for row in rows], marker="o", label=label)
        if target:
            axes.axhline(target[1], linestyle="--", color="grey", label=target[0])
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xlabel("achievements")
        axes.set_ylabel(unit)
        axes.set_title(f"Duijie {name} by corpus size")
        axes.grid(True, which="both", alpha=0.3)
        axes.legend()
        figure.tight_layout()
        figure.savefig(f"{sys.argv[2]}/{name}.png")
        plt.close(figure)


if __name__ == "__main__":
    main()
