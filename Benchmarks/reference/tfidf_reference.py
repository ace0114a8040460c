#!/usr/bin/env python3
"""Reference TF-IDF values from scikit-learn, for Duijie's TermWeighting tests.

How the committed fixture was made (from the repository root):

    swift build
    python3 -c "import json; [print(json.loads(l)['title']) for l in open('Corpus/demo/achievements.jsonl')]" \
        | head -60 | .build/debug/duijie tokenize > /tmp/tokens.txt
    Benchmarks/.venv/bin/python Benchmarks/reference/tfidf_reference.py /tmp/tokens.txt \
        > Tests/DuijieTextTests/Fixtures/tfidf-sklearn.json

Each input line is one document's terms separated by " | " (the output of `duijie tokenize`).
scikit-learn receives exactly these tokens (an identity analyzer), so the test checks the
weighting alone: for each option set the fixture holds the vocabulary, the idf vector and every
stored value of the fit_transform matrix.
"""
import json
import sys

from sklearn.feature_extraction.text import TfidfVectorizer

CONFIGS = [
    {"name": "defaults", "smooth_idf": True, "sublinear_tf": False, "norm": "l2", "min_df": 1, "max_df": 1.0},
    {"name": "sublinear-raw-idf", "smooth_idf": False, "sublinear_tf": True, "norm": "l2", "min_df": 1, "max_df": 1.0},
    {"name": "pruned", "smooth_idf": True, "sublinear_tf": False, "norm": "l2", "min_df": 2, "max_df": 0.5},
    {"name": "unnormalized", "smooth_idf": True, "sublinear_tf": True, "norm": None, "min_df": 1, "max_df": 1.0},
]


def main(path):
    with open(path, encoding="utf-8") as handle:
        documents = [[t for t in line.rstrip("\n").split(" | ") if t] for line in handle]
    results = []
    for config in CONFIGS:
        vectorizer = TfidfVectorizer(
            analyzer=lambda terms: terms, lowercase=False,
            smooth_idf=config["smooth_idf"], sublinear_tf=config["sublinear_tf"], norm=config["norm"],
            min_df=config["min_df"], max_df=config["max_df"])
        matrix = vectorizer.fit_transform(documents).tocsr()
        matrix.sort_indices()
        vocabulary = vectorizer.get_feature_names_out().tolist()
        rows = []
        for row in range(matrix.shape[0]):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            rows.append([[vocabulary[c], float(v)] for c, v in zip(matrix.indices[start:end], matrix.data[start:end])])
        results.append({**config, "vocabulary": vocabulary, "idf": vectorizer.idf_.tolist(), "rows": rows})
    json.dump({"documents": documents, "configs": results}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
