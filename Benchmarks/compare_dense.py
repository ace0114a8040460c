#!/usr/bin/env python3
"""Side-by-side speed of Duijie's dense path and its peers, on identical input.

Run it through `Benchmarks/run-dense-comparison`. Comparisons (median of --repeat, in-process):
  tiled top-k    sgemm throughput of Duijie's batch top-10 (100k documents × 256 dims × 4096
                 queries, random unit vectors) as a fraction of this machine's sgemm peak, both
                 measured by Duijie in the same run;
  batch top-10   Duijie vs faiss IndexFlatIP on the same vectors (written by Duijie), same threads;
  randomized SVD Duijie's RandomizedSVD vs scikit-learn TruncatedSVD(algorithm="randomized") on the
                 TF-IDF matrix of the same tokens (the real CSL + KPPatent-ZH texts), same rank,
                 oversampling and power iterations, float32.
Ratios are peer time / Duijie time.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from compare_text import load_texts, median_time, print_rows, write_rows  # noqa: E402


def args_dimensions(report):
    return int(round(report["scan_megabytes"] * 1e6 / 4 / report["scan_documents"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duijie", required=True, help="path to the release DuijieBench binary")
    parser.add_argument("--datasets", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "datasets"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rank", type=int, default=256)
    parser.add_argument("--rows-out", help="also write the comparison rows (name, duijie s, peer s) as JSON here")
    args = parser.parse_args()

    import faiss
    import numpy as np
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    work = tempfile.mkdtemp(prefix="duijie-dense-")
    documents = os.path.join(work, "documents.jsonl")
    with open(documents, "w", encoding="utf-8") as handle:
        for index, (title, abstract) in enumerate(load_texts(args.datasets)):
            handle.write(json.dumps({"id": f"d{index}", "title": title or abstract[:20], "text": abstract}, ensure_ascii=False) + "\n")
    tokens_path = os.path.join(work, "tokens.txt")
    ours = json.loads(subprocess.run(
        [args.duijie, "dense-speed", "--threads", str(args.threads), "--repeat", str(args.repeat),
         "--vectors-out", work, "--svd-input", documents, "--tokens-out", tokens_path, "--rank", str(args.rank)],
        check=True, capture_output=True, text=True).stdout)

    faiss.omp_set_num_threads(args.threads)
    docs = np.fromfile(os.path.join(work, "documents.f32"), dtype=np.float32).reshape(-1, 256)
    queries = np.fromfile(os.path.join(work, "queries.f32"), dtype=np.float32).reshape(-1, 256)
    index = faiss.IndexFlatIP(256)
    index.add(docs)
    found = {}
    def search():
        found["scores"], found["ids"] = index.search(queries, 10)
    faiss_time = median_time(search, args.repeat)
    faiss_sum = float(found["scores"].astype(np.float64).sum())

    with open(tokens_path, encoding="utf-8") as handle:
        token_lists = [[t for t in line.rstrip("\n").split(" | ") if t] for line in handle]
    matrix = TfidfVectorizer(analyzer=lambda terms: terms, lowercase=False, sublinear_tf=True, dtype=np.float32).fit_transform(token_lists)
    svd = {}
    def fit():
        svd["model"] = TruncatedSVD(n_components=args.rank, algorithm="randomized", n_iter=4, n_oversamples=10, random_state=0).fit(matrix)
    svd_time = median_time(fit, args.repeat)
    sk_values = svd["model"].singular_values_[:5].tolist()

    print(f"machine: {args.threads} threads; sgemm peak {ours['sgemm_peak_gflops']:.0f} GFLOP/s (2048³, measured in this run); median of {args.repeat}")
    print(f"tiled top-10, 100k × 256 × 4096 queries: duijie {ours['topk_seconds']:.3f} s = {ours['topk_gflops']:.0f} GFLOP/s "
          f"= {100 * ours['topk_fraction_of_peak']:.0f}% of sgemm peak")
    rows = [
        (f"batch top-10: duijie vs faiss IndexFlatIP ({args.threads} threads)", ours["topk_seconds"], faiss_time),
        (f"randomized SVD k={args.rank} of {ours['svd_shape'][0]}×{ours['svd_shape'][1]} TF-IDF: duijie vs scikit-learn TruncatedSVD",
         ours["svd_seconds"], svd_time),
    ]
    write_rows(rows, args.rows_out)
    print_rows(rows, 2)
    if "scan_float32_gbps" in ours:
        print(f"memory-bound scan, one query × {ours['scan_documents']} × {args_dimensions(ours)} float32 ({ours['scan_megabytes']:.0f} MB): "
              f"{ours['scan_float32_seconds'] * 1000:.1f} ms = {ours['scan_float32_gbps']:.1f} GB/s, "
              f"{ours['scan_float32_gbps'] / ours['read_gbps'] * 100:.0f}% of this machine's read bandwidth "
              f"({ours['read_gbps']:.1f} GB/s on all threads, {ours['read_gbps_1thread']:.1f} GB/s on one; measured in this run); "
              f"float16 {ours['scan_float16_seconds'] * 1000:.0f} ms")
    print(f"float16 storage: {ours['float16_megabytes']:.1f} MB instead of {ours['float32_megabytes']:.1f} MB, "
          f"{ours['float16_seconds']:.3f} s, top-10 overlap with float32 {100 * ours['float16_top10_overlap']:.2f}%")
    print(f"check: top-10 score sums duijie {ours['topk_score_sum']:.3f}, faiss {faiss_sum:.3f}; "
          f"largest singular values duijie {[round(v, 3) for v in ours['svd_top_values']]}, scikit-learn {[round(v, 3) for v in sk_values]}")


if __name__ == "__main__":
    sys.exit(main())
