"""The coordinator on Ray over the real demo shards: merging, plan checks, failures.

Every expected ranking is the real single index's, served by the same coordinator code (as
shard 0 of 1). Only the hung shard needs tests/misbehaving_shard_serve.py, which puts the real
server behind a request that is never answered.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers import MISBEHAVING_SERVER, copy_plan, misbehaving_shard, plan_shard_files, truncated_copy

pytest.importorskip("ray", reason="ray is not installed (pip install -r Coordinator/requirements.txt)")

from duijie_ray.coordinator import Coordinator, ShardStartError  # noqa: E402
from duijie_ray.plan import PlanMismatchError  # noqa: E402

TOLERANCE = 1e-6
TEXTS = [
    "废旧锂电池回收",
    "海参养殖 溶解氧",
    "低功耗无线振动传感",
    "液流电池 离子传导膜",
    "膜",  # one common term: a long ranking over every shard
    "membrane separation hydrogen recovery",  # three hits in all
    "zqxv",  # no term of the corpus: no hits anywhere
]
TOPS = (1, 3, 10, 50, 208)


@pytest.fixture(scope="module")
def single(ray_cluster: object, duijie_binary: str, demo_indexes):
    with Coordinator(demo_indexes.single, duijie_binary, timeout_s=60, load_timeout_s=120) as running:
        yield running


@pytest.fixture(scope="module")
def sharded(ray_cluster: object, duijie_binary: str, demo_indexes):
    with Coordinator(demo_indexes.plan, duijie_binary, timeout_s=60, load_timeout_s=120) as running:
        yield running


def plan_of(demo_indexes) -> dict:
    return json.loads(Path(demo_indexes.plan).read_text(encoding="utf-8"))


def assert_same_hits(got: dict, expected: dict, label: object) -> None:
    """Same ids in the same order, same global rows, scores within TOLERANCE."""
    assert [(hit["id"], hit["row"]) for hit in got["hits"]] == [(hit["id"], hit["row"]) for hit in expected["hits"]], label
    for mine, theirs in zip(got["hits"], expected["hits"]):
        assert abs(mine["score"] - theirs["score"]) <= TOLERANCE, (label, mine["id"], mine["score"], theirs["score"])


def test_merges_exactly_like_one_server(single: Coordinator, sharded: Coordinator, demo_indexes) -> None:
    entries = plan_of(demo_indexes)["shards"]
    assert sharded.shard_count == 3
    assert [(info["firstRow"], info["documents"]) for info in sharded.infos] == [(e["firstRow"], e["documents"]) for e in entries]
    shards_seen = set()
    for ranking in ("lexical", "semantic", "fused"):
        for text in TEXTS:
            for top in TOPS:
                request = {"id": "q", "text": text, "top": top, "ranking": ranking}
                expected, got = single.search(request), sharded.search(request)
                assert got["partial"] is False and got["missingShards"] == [] and "error" not in got
                assert_same_hits(got, expected, (ranking, text, top))
                shards_seen.update(hit["shard"] for hit in got["hits"])
    # The merge only shows something if the hits come from every shard. Equal scores would be
    # ordered by row like the single index's; the demo corpus has none (no two hits of one query
    # tie, over some 3,600 single-term queries), so test_merge.py covers the tie order.
    assert shards_seen == {0, 1, 2}


def test_a_batch_is_answered_in_request_order(single: Coordinator, sharded: Coordinator) -> None:
    requests = [{"id": f"q{n}", "text": TEXTS[n % len(TEXTS)], "top": n % 7 + 1} for n in range(60)]
    expected = single.search_many(requests)
    results = sharded.search_many(requests)
    assert [r["id"] for r in results] == [r["id"] for r in requests]
    for request, one, three in zip(requests, expected, results):
        assert not three["partial"]
        assert_same_hits(three, one, request)


def test_a_bad_request_gives_the_shards_error(single: Coordinator, sharded: Coordinator) -> None:
    request = {"id": "bad", "text": "锂", "top": 0}
    result = sharded.search(request)
    assert result["error"].startswith("request field `top`") and result["hits"] == [] and not result["partial"]
    assert result["error"] == single.search(request)["error"]
    assert sharded.search({"id": "after", "text": "锂电池"})["hits"]  # the shards go on serving


def test_a_hung_shard_is_missing_then_replaced(ray_cluster: object, single: Coordinator, duijie_binary: str, demo_indexes, tmp_path: Path) -> None:
    # The real plan, each shard behind tests/misbehaving_shard_serve.py, which hangs on "@hang".
    files = [
        misbehaving_shard(tmp_path / f"misbehaving-{n + 1}.json", duijie_binary, shard)
        for n, shard in enumerate(plan_shard_files(demo_indexes.plan))
    ]
    plan = copy_plan(demo_indexes.plan, tmp_path / "plan", files)
    with Coordinator(plan, str(MISBEHAVING_SERVER), timeout_s=1.5, load_timeout_s=120) as coordinator:
        started = time.monotonic()
        result = coordinator.search({"id": "h", "text": "@hang"})
        assert time.monotonic() - started < 5
        assert result == {"id": "h", "hits": [], "missingShards": [0, 1, 2], "partial": True}
        # Each actor's server timed out too, was killed and replaced: answers come back in full.
        request = {"id": "after", "text": "废旧锂电池回收"}
        deadline = time.monotonic() + 30
        while True:
            result = coordinator.search(request)
            if not result["partial"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert result["partial"] is False
        assert_same_hits(result, single.search(request), request)


def test_a_plan_that_does_not_match_its_shards(ray_cluster: object, duijie_binary: str, demo_indexes, tmp_path: Path) -> None:
    # The real shard files, a copy of the real plan claiming another identity: every shard's
    # info disagrees.
    real = plan_of(demo_indexes)["plan"]
    other = copy_plan(demo_indexes.plan, tmp_path, plan="0ther")
    with pytest.raises(PlanMismatchError, match=rf"shard 0 \(.*shard-1-of-3\.index\) does not match .*: plan is '{real}', the plan says '0ther'"):
        Coordinator(other, duijie_binary, timeout_s=30, load_timeout_s=120)


def test_a_shard_that_cannot_load(ray_cluster: object, duijie_binary: str, demo_indexes, tmp_path: Path) -> None:
    # The real plan with its second shard file cut short: the real server refuses to load it.
    files = plan_shard_files(demo_indexes.plan)
    files[1] = truncated_copy(files[1], tmp_path / "shard-2-of-3.index")
    plan = copy_plan(demo_indexes.plan, tmp_path / "plan", files)
    with pytest.raises(ShardStartError, match=r"shard 1 \(.*shard-2-of-3\.index\) could not start: .*exited with code 1.*stderr: .*truncated"):
        Coordinator(plan, duijie_binary, timeout_s=30, load_timeout_s=120)


def test_a_shard_gone_for_good_stays_missing(ray_cluster: object, single: Coordinator, duijie_binary: str, demo_indexes) -> None:
    import ray

    request = {"id": "q", "text": "废旧锂电池回收", "top": 6}
    with Coordinator(demo_indexes.plan, duijie_binary, timeout_s=10, load_timeout_s=120) as running:
        gone = running.infos[2]
        rows = range(gone["firstRow"], gone["firstRow"] + gone["documents"])
        # The exact merge of the other shards: the single index's ranking without the gone rows.
        everything = single.search(dict(request, top=10000))["hits"]
        expected = [hit["id"] for hit in everything if hit["row"] not in rows][:6]
        assert expected != [hit["id"] for hit in everything[:6]], "the gone shard holds some of the top 6"
        ray.kill(running.actors[2], no_restart=True)
        for _ in range(3):
            result = running.search(request)
            assert result["missingShards"] == [2] and result["partial"] is True
            assert [hit["id"] for hit in result["hits"]] == expected
            assert "Actor" in running.last_failures[2], running.last_failures
