#!/usr/bin/env python3
"""Live-index costs against corpus size from Benchmarks/run-live's results: update and open
times beside a full rebuild and a merge, log–log axes, achievements on x.
Usage: plot_live.py RESULTS.jsonl OUTDIR"""
import json
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    rows.sort(key=lambda row: row["achievements"])
    sizes = [row["achievements"] for row in rows]
    series = [
        ("commit: add 1 record", "add_1_update_seconds"),
        ("open after it", "add_1_open_seconds"),
        ("open a merged index", "open_merged_seconds"),
        ("merge", "merge_seconds"),
        ("full rebuild", "full_rebuild_seconds"),
    ]
    figure, axes = plt.subplots(figsize=(5.5, 3.6), dpi=120)
    for label, key in series:
        axes.plot(sizes, [row[key] for row in rows], marker="o", label=label)
    axes.axhline(1, linestyle="--", color="grey", label="goal: visible in 1 s")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("achievements")
    axes.set_ylabel("seconds")
    axes.set_title("Live index: update and open against size")
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(f"{sys.argv[2]}/live-update.png")


if __name__ == "__main__":
    main()
