#!/usr/bin/env python3
"""Reference singular values from scipy, for Duijie's randomized SVD tests.

How the committed fixture was made (from the repository root, after the TF-IDF fixture):

    Benchmarks/.venv/bin/python Benchmarks/reference/svd_reference.py \
        Tests/DuijieTextTests/Fixtures/tfidf-sklearn.json > Tests/DuijieTextTests/Fixtures/svd-scipy.json

It takes the documents of the TF-IDF fixture (demo achievement titles as Duijie tokenizes
them), builds scikit-learn's default TF-IDF matrix (smooth idf, raw tf, l2 rows — equal to
Duijie's to 1e-6, as the TF-IDF test checks), and writes the 12 largest singular values from
scipy.sparse.linalg.svds (ARPACK, tol=0) and, as a cross-check, from numpy's dense SVD.
"""
import json
import sys

import numpy as np
from scipy.sparse.linalg import svds
from sklearn.feature_extraction.text import TfidfVectorizer


def main(path):
    with open(path, encoding="utf-8") as handle:
        documents = json.load(handle)["documents"]
    matrix = TfidfVectorizer(analyzer=lambda terms: terms, lowercase=False).fit_transform(documents).astype(np.float64)
    k = 12
    _, values, _ = svds(matrix, k=k, tol=0, random_state=0)
    values = sorted(values.tolist(), reverse=True)
    dense = np.linalg.svd(matrix.toarray(), compute_uv=False)[:k].tolist()
    json.dump({"shape": list(matrix.shape), "k": k, "svds": values, "dense": dense}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
