#!/usr/bin/env python3
"""Side-by-side speed of Duijie's text pipeline and its Python peers, on identical input.

Run it through `Benchmarks/run-text-comparison` (which builds Duijie in release mode and
installs the peers in Benchmarks/.venv). Input: the real Chinese texts of ../shared/datasets —
CSL paper titles and abstracts and KPPatent-ZH patent abstracts — written to a temporary
document file; nothing is copied into the repository.

Comparisons (each phase timed in-process, median of --repeat runs, setup excluded):
  tokenization    duijie dictionary mode vs jieba.cut (default, HMM on) and jieba.cut(HMM=False);
                  duijie bigram mode reported too. Duijie at 1 thread and at --threads.
  TF-IDF build    duijie TermCounts + WeightedTerms vs scikit-learn TfidfVectorizer, both from the
                  same token lists (duijie's dictionary tokens; identity analyzer in scikit-learn),
                  sublinear tf, smooth idf, l2 norm, float32.
  batch top-k     all documents against all documents, top 10 by cosine: duijie SparseSimilarity
                  vs sparse_dot_topn.sp_matmul_topn, both at --threads.
  BM25            index the same token lists and retrieve the top 10 for every document's title
                  (same tokens): duijie WeightedTerms(.bm25) + SparseSimilarity vs bm25s (method
                  "lucene", k1 1.5, b 0.75), both at --threads.
Ratios are peer time / duijie time: above 1 means Duijie is faster.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def load_texts(datasets):
    texts = []
    with open(os.path.join(datasets, "csl", "csl_sample.tsv"), encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2:
                texts.append((row[0], row[1]))
    titles = [line.rstrip("\n").split("\t") for line in open(os.path.join(datasets, "csl", "benchmark", "ts", "dev.tsv"), encoding="utf-8")]
    for row in titles:
        if len(row) >= 3:
            texts.append((row[2], row[1]))
    with open(os.path.join(datasets, "kppatent-zh", "data_A.json"), encoding="utf-8") as handle:
        for record in json.load(handle):
            abstract = record["input"]
            if abstract.startswith("摘要："):
                abstract = abstract[len("摘要："):]
            texts.append(("", abstract))
    return texts


def median_time(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def write_rows(rows, path):
    """Writes comparison rows (name, Duijie seconds, peer seconds) as JSON for
    run-peer-comparisons' table, when a path is given."""
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, ensure_ascii=False)


def print_rows(rows, decimals):
    """Prints comparison rows as aligned lines with the peer / Duijie ratio."""
    width = max(len(name) for name, _, _ in rows)
    for name, duijie_seconds, peer_seconds in rows:
        print(f"{name:<{width}}  duijie {duijie_seconds:8.3f} s  peer {peer_seconds:8.3f} s  ratio {peer_seconds / duijie_seconds:6.{decimals}f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duijie", required=True, help="path to the release DuijieBench binary")
    parser.add_argument("--datasets", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "datasets"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows-out", help="also write the comparison rows (name, duijie s, peer s) as JSON here")
    args = parser.parse_args()

    import jieba
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sparse_dot_topn import sp_matmul_topn
    import logging
    jieba.setLogLevel(logging.ERROR)

    texts = load_texts(args.datasets)
    work = tempfile.mkdtemp(prefix="duijie-bench-")
    documents = os.path.join(work, "documents.jsonl")
    with open(documents, "w", encoding="utf-8") as handle:
        for index, (title, abstract) in enumerate(texts):
            handle.write(json.dumps({"id": f"d{index}", "title": title or abstract[:20], "text": abstract}, ensure_ascii=False) + "\n")
    # The strings both sides tokenize: title, a new line, abstract (as duijie's bench command does).
    strings = [(title or abstract[:20]).strip() + "\n" + abstract.strip() for title, abstract in texts]
    tokens_path = os.path.join(work, "tokens.txt")
    query_tokens_path = os.path.join(work, "query-tokens.txt")

    ours = json.loads(subprocess.run(
        [args.duijie, "text-speed", "--input", documents, "--threads", str(args.threads),
         "--repeat", str(args.repeat), "--tokens-out", tokens_path, "--query-tokens-out", query_tokens_path],
        check=True, capture_output=True, text=True).stdout)

    jieba.initialize()
    jieba_default = median_time(lambda: [list(jieba.cut(s)) for s in strings], args.repeat)
    jieba_no_hmm = median_time(lambda: [list(jieba.cut(s, HMM=False)) for s in strings], args.repeat)

    with open(tokens_path, encoding="utf-8") as handle:
        token_lists = [[t for t in line.rstrip("\n").split(" | ") if t] for line in handle]
    vectorizer = lambda: TfidfVectorizer(analyzer=lambda terms: terms, lowercase=False, sublinear_tf=True, dtype=np.float32)
    sklearn_time = median_time(lambda: vectorizer().fit_transform(token_lists), args.repeat)
    matrix = vectorizer().fit_transform(token_lists).tocsr()
    result = {}
    def topn():
        result["m"] = sp_matmul_topn(matrix, matrix.T.tocsr(), top_n=10, n_threads=args.threads, sort=True)
    topn_time = median_time(topn, args.repeat)
    peer_sum = float(result["m"].data.sum())

    import bm25s
    with open(query_tokens_path, encoding="utf-8") as handle:
        query_lists = [[t for t in line.rstrip("\n").split(" | ") if t] for line in handle]
    vocabulary = {t for terms in token_lists for t in terms}
    query_lists = [[t for t in terms if t in vocabulary] or [token_lists[0][0]] for terms in query_lists]
    bm25_state = {}
    def bm25_index():
        retriever = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
        retriever.index(token_lists, show_progress=False)
        bm25_state["r"] = retriever
    bm25_build_time = median_time(bm25_index, args.repeat)
    def bm25_retrieve():
        bm25_state["scores"] = bm25_state["r"].retrieve(query_lists, k=10, show_progress=False, n_threads=args.threads).scores
    bm25_retrieve_time = median_time(bm25_retrieve, args.repeat)
    bm25_sum = float(bm25_state["scores"].sum())

    megabytes = ours["bytes"] / 1e6
    print(f"input: {ours['documents']} documents, {megabytes:.1f} MB of text (CSL + KPPatent-ZH), "
          f"vocabulary {ours['vocabulary']}, {ours['nonzeros']} non-zeros; threads {args.threads}; median of {args.repeat}")
    rows = [
        ("tokenize: duijie dictionary (1 thread) vs jieba.cut", ours["tokenize_dictionary_1thread"], jieba_default),
        (f"tokenize: duijie dictionary ({args.threads} threads) vs jieba.cut", ours["tokenize_dictionary"], jieba_default),
        ("tokenize: duijie dictionary (1 thread) vs jieba.cut(HMM=False)", ours["tokenize_dictionary_1thread"], jieba_no_hmm),
        ("tokenize: duijie bigram (1 thread) vs jieba.cut", ours["tokenize_bigram_1thread"], jieba_default),
        (f"tokenize: duijie bigram ({args.threads} threads) vs jieba.cut", ours["tokenize_bigram"], jieba_default),
        ("TF-IDF build: duijie vs scikit-learn TfidfVectorizer", ours["tfidf_build"], sklearn_time),
        (f"top-10 all pairs: duijie vs sparse_dot_topn ({args.threads} threads)", ours["topk_all_pairs"], topn_time),
        ("BM25 index: duijie vs bm25s", ours["bm25_build"], bm25_build_time),
        (f"BM25 top-10 for every title: duijie vs bm25s ({args.threads} threads)", ours["bm25_retrieve"], bm25_retrieve_time),
    ]
    write_rows(rows, args.rows_out)
    print_rows(rows, 1)
    agreement = abs(ours["topk_score_sum"] - peer_sum) / max(peer_sum, 1e-9)
    print(f"check: top-10 score sums agree to {agreement:.1e} (duijie {ours['topk_score_sum']:.3f}, sparse_dot_topn {peer_sum:.3f})")
    # Duijie's BM25 keeps Robertson's (k1 + 1) numerator, which bm25s's Lucene variant drops.
    bm25_agreement = abs(ours["bm25_score_sum"] / 2.5 - bm25_sum) / max(bm25_sum, 1e-9)
    print(f"check: BM25 top-10 score sums agree to {bm25_agreement:.1e} (duijie / (k1 + 1) {ours['bm25_score_sum'] / 2.5:.3f}, bm25s {bm25_sum:.3f})")


if __name__ == "__main__":
    sys.exit(main())
