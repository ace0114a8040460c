"""The exact merge of shard answers into one ranking.

Every shard scores its documents with the corpus's global statistics, so scores from
different shards are comparable, and each shard returns its own top k. The global top k is
therefore among the union of those lists: it is the k best of them by score, descending,
with ties going to the lower global row (the order the single index uses).
"""

from __future__ import annotations

import heapq
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

__all__ = ["merge", "merge_limited", "hit_order"]

Hit = Mapping[str, Any]
# A shard's answer (a dict with "hits") or just its list of hits; None for a missing shard.
ShardAnswer = Union[Mapping[str, Any], Sequence[Hit], None]


def hit_order(hit: Hit) -> tuple[float, int]:
    """The sort key of a hit: higher score first, then lower global row."""
    return (-float(hit["score"]), int(hit["row"]))


def merge(responses_by_shard: Union[Mapping[int, ShardAnswer], Sequence[ShardAnswer]], top: int) -> list[dict]:
    """The `top` best hits of all shards, ordered by (score desc, row asc).

    `responses_by_shard` maps a shard's index to its answer: either the answer object (its
    `hits` are used) or a plain list of hits; a list indexed by shard works too, and `None`
    stands for a shard that did not answer. Each returned hit is a copy of the shard's hit
    with `shard` set to the index it came from.
    """
    if top < 0:
        raise ValueError(f"top must be at least 0, got {top}")
    items: Iterable[tuple[int, ShardAnswer]]
    if isinstance(responses_by_shard, Mapping):
        items = responses_by_shard.items()
    else:
        items = enumerate(responses_by_shard)
    candidates: list[dict] = []
    for shard, answer in items:
        for hit in _hits_of(answer):
            merged = dict(hit)
            merged["shard"] = shard
            candidates.append(merged)
    # nsmallest is stable for equal keys, but keys never tie: rows are unique across shards.
    return heapq.nsmallest(top, candidates, key=hit_order)


def _hits_of(answer: Optional[ShardAnswer]) -> Sequence[Hit]:
    if answer is None:
        return ()
    if isinstance(answer, Mapping):
        return answer.get("hits") or ()
    return answer


def merge_limited(
    hits_by_shard: Mapping[int, Sequence[Hit]],
    requested: Mapping[int, int],
    top: int,
    per_institution: int,
) -> tuple[list[dict], list[int]]:
    """The `top` best hits of all shards with at most `per_institution` of one owner, and the
    shards that must be asked for more before that answer is exact.

    Each shard applies the limit to its own list already (a hit it drops has `per_institution`
    better hits of the same owner in that shard alone, so the whole list drops it too), and
    returns at most `requested[shard]` hits. Walking all hits best first, the global limit can
    drop hits of other shards, so a shard whose every returned hit was reached by the walk, and
    that returned as many as it was asked for, may hold more hits that belong in the answer:
    those shards are returned, to be asked again with a larger `top`. A hit without an owner
    counts against no one.
    """
    ordered = sorted(((hit_order(hit), shard, hit) for shard, hits in hits_by_shard.items() for hit in hits), key=lambda item: item[0])
    remaining = {shard: len(hits) for shard, hits in hits_by_shard.items()}
    counts: dict[str, int] = {}
    kept: list[dict] = []
    for _, shard, hit in ordered:
        if len(kept) == top:
            break
        remaining[shard] -= 1
        owner = hit.get("owner")
        if owner is not None:
            if counts.get(owner, 0) >= per_institution:
                continue
            counts[owner] = counts.get(owner, 0) + 1
        merged = dict(hit)
        merged["shard"] = shard
        kept.append(merged)
    short = [shard for shard, hits in hits_by_shard.items()
             if remaining[shard] == 0 and len(hits) >= requested[shard] and hits]
    return kept, sorted(short)
