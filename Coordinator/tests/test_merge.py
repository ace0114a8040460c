"""The exact merge, on hand-made shard answers (no Ray, no binary)."""

from __future__ import annotations

import random

import pytest

import helpers  # noqa: F401  (puts the package on sys.path)
from duijie_ray.merge import hit_order, merge


def hit(row: int, score: float, id_: str | None = None) -> dict:
    return {"id": id_ or f"A-{row}", "row": row, "score": score, "title": "", "matchedTerms": []}


def ids(hits: list[dict]) -> list[str]:
    return [h["id"] for h in hits]


def test_orders_by_score_then_row_across_shards() -> None:
    answers = {
        0: {"id": "q", "shard": 0, "hits": [hit(1, 0.9), hit(3, 0.5), hit(0, 0.25)]},
        1: {"id": "q", "shard": 1, "hits": [hit(5, 0.7), hit(4, 0.5)]},
        2: {"id": "q", "shard": 2, "hits": [hit(8, 0.9), hit(7, 0.1)]},
    }
    merged = merge(answers, 5)
    # 0.9 at rows 1 and 8: row 1 first; 0.5 at rows 3 and 4: row 3 first.
    assert ids(merged) == ["A-1", "A-8", "A-5", "A-3", "A-4"]
    assert [h["score"] for h in merged] == [0.9, 0.9, 0.7, 0.5, 0.5]
    assert [h["shard"] for h in merged] == [0, 2, 1, 0, 1]


def test_ties_go_to_the_lower_row_even_when_that_shard_is_listed_last() -> None:
    answers = {2: [hit(20, 0.5)], 0: [hit(2, 0.5)], 1: [hit(11, 0.5)]}
    assert ids(merge(answers, 3)) == ["A-2", "A-11", "A-20"]


def test_more_hits_than_top_keeps_the_best() -> None:
    answers = [[hit(row, 1.0 / (row + 1)) for row in range(0, 10)], [hit(row, 1.0 / (row + 1)) for row in range(10, 20)]]
    merged = merge(answers, 3)
    assert ids(merged) == ["A-0", "A-1", "A-2"]
    assert merged[1]["score"] == pytest.approx(0.5)


def test_fewer_hits_than_top_returns_them_all() -> None:
    merged = merge({0: [hit(4, 0.2)], 1: [hit(9, 0.3)]}, 10)
    assert ids(merged) == ["A-9", "A-4"]


def test_empty_and_missing_shards() -> None:
    assert merge({}, 10) == []
    assert merge({0: {"hits": []}, 1: None, 2: []}, 10) == []
    assert ids(merge({0: {"hits": []}, 1: None, 2: [hit(30, 0.1)]}, 10)) == ["A-30"]


def test_top_zero_and_negative() -> None:
    assert merge({0: [hit(1, 1.0)]}, 0) == []
    with pytest.raises(ValueError):
        merge({0: [hit(1, 1.0)]}, -1)


def test_does_not_modify_the_shard_answers() -> None:
    answer = {"hits": [hit(1, 0.5)]}
    merge({0: answer}, 1)
    assert "shard" not in answer["hits"][0]


def test_hand_checked_tfidf_like_scores() -> None:
    # Scores a shard would send with full double precision; the merge must not round them.
    answers = {
        0: [hit(0, 0.21870000000000001), hit(2, 0.1596)],
        1: [hit(3, 0.16940000000000002), hit(4, 0.1596)],
    }
    merged = merge(answers, 4)
    assert [(h["row"], h["score"]) for h in merged] == [
        (0, 0.21870000000000001),
        (3, 0.16940000000000002),
        (2, 0.1596),
        (4, 0.1596),
    ]


def test_equals_sorting_everything_at_once() -> None:
    """Splitting a ranking into shards and merging their top k gives the whole ranking's top k."""
    generator = random.Random(20261208)
    for _ in range(200):
        documents = generator.randint(0, 40)
        # Few distinct scores, so ties are common.
        scores = [generator.choice([0.1, 0.2, 0.25, 0.5, 0.75, 1.0]) for _ in range(documents)]
        everything = [hit(row, score) for row, score in enumerate(scores)]
        top = generator.randint(1, 15)
        expected = sorted(everything, key=hit_order)[:top]
        cuts = sorted(generator.sample(range(documents + 1), k=min(2, documents + 1)))
        bounds = [0, *cuts, documents]
        answers = {}
        for shard in range(len(bounds) - 1):
            own = everything[bounds[shard] : bounds[shard + 1]]
            answers[shard] = sorted(own, key=hit_order)[:top]  # each shard's own top k
        assert ids(merge(answers, top)) == ids(expected)


def test_merge_limited_keeps_per_owner_and_asks_the_shards_the_walk_exhausted() -> None:
    from duijie_ray.merge import merge_limited

    # Hand-made: owner X holds the three best hits (two in shard 0, one in shard 1). With a
    # limit of 1 only X's best survives; shard 0 returned its 2 requested hits and the walk
    # passed both, so it may hold more that belong in the top 2: it is asked again.
    hits = {
        0: [{"id": "a", "row": 0, "score": 0.9, "owner": "X"}, {"id": "b", "row": 1, "score": 0.8, "owner": "X"}],
        1: [{"id": "c", "row": 5, "score": 0.85, "owner": "X"}, {"id": "d", "row": 6, "score": 0.1, "owner": "Y"},
            {"id": "e", "row": 7, "score": 0.05, "owner": "Z"}],
    }
    kept, short = merge_limited(hits, {0: 2, 1: 3}, top=2, per_institution=1)
    assert [hit["id"] for hit in kept] == ["a", "d"] and short == [0]
    # Shard 0 with fewer hits than asked for is exhausted: nothing more to ask.
    kept, short = merge_limited(hits, {0: 5, 1: 3}, top=2, per_institution=1)
    assert short == []
    # Hits without an owner are never limited.
    kept, _ = merge_limited({0: [{"id": "n", "row": 0, "score": 1.0}, {"id": "m", "row": 1, "score": 0.5}]}, {0: 2}, top=2, per_institution=1)
    assert [hit["id"] for hit in kept] == ["n", "m"]
