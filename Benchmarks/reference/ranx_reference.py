#!/usr/bin/env python3
"""Reference metric values from ranx, for Duijie's evaluation tests.

How the committed fixtures were made (from the repository root):

    python3 -c "import json; [print(json.dumps({'id': r['id'], 'text': r['title'] + '。' + r.get('description', '')},
        ensure_ascii=False)) for r in map(json.loads, open('Corpus/demo/demands.jsonl'))]" > /tmp/demo-queries.jsonl
    .build/debug/duijie run --corpus Corpus/demo --queries /tmp/demo-queries.jsonl --top 20 --tag tfidf \\
        -o Tests/DuijieEvaluationTests/Fixtures/tfidf.run
    .build/debug/duijie run --corpus Corpus/demo --queries /tmp/demo-queries.jsonl --top 20 --ranking fused --dimensions 32 \\
        --tag fused -o Tests/DuijieEvaluationTests/Fixtures/fused.run
    Benchmarks/.venv/bin/python Benchmarks/reference/ranx_reference.py Corpus/demo/qrels/demand-achievement.qrels \\
        Tests/DuijieEvaluationTests/Fixtures/tfidf.run Tests/DuijieEvaluationTests/Fixtures/fused.run \\
        > Tests/DuijieEvaluationTests/Fixtures/ranx.json

For each run it writes ranx's per-query values and means of the metrics below (ranx names),
over every query of the qrels (queries without a relevant document score 0, as ranx does).
Runs must have no tied scores within a query: evaluators order ties differently.
"""
import json
import sys
from collections import defaultdict

from ranx import Qrels, Run, evaluate

METRICS = ["ndcg", "ndcg@10", "ndcg_burges@10", "map", "map@10", "mrr", "mrr@10", "precision@5", "recall@20", "hit_rate@1"]


def read_run(path):
    run = defaultdict(dict)
    for line in open(path, encoding="utf-8"):
        query, _, document, _, score, _ = line.split()
        run[query][document] = float(score)
    for query, scores in run.items():
        if len(set(scores.values())) != len(scores):
            sys.exit(f"{path}: tied scores in query {query}")
    return run


def main(qrels_path, *run_paths):
    judgments = defaultdict(dict)
    for line in open(qrels_path, encoding="utf-8"):
        query, _, document, grade = line.split()
        judgments[query][document] = int(grade)
    qrels = Qrels(dict(judgments))
    output = {"metrics": METRICS, "runs": {}}
    for path in run_paths:
        scores = read_run(path)
        for query in judgments:  # ranx needs every qrels query in the run
            scores.setdefault(query, {})
        run = Run(dict(scores), name=path.split("/")[-1])
        means = evaluate(qrels, run, METRICS, save_results_in_run=True, make_comparable=True)
        per_query = {metric: {q: float(v) for q, v in run.scores[metric].items()} for metric in METRICS}
        output["runs"][run.name] = {"means": {m: float(v) for m, v in means.items()}, "per_query": per_query}
    json.dump(output, sys.stdout, indent=0)


if __name__ == "__main__":
    main(*sys.argv[1:])
