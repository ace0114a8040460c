"""Three shards through the coordinator rank exactly as the single index does.

Both deployments go through the same coordinator code (the single index is served as shard 0
of 1), so any difference comes from sharding: the per-shard scoring with global statistics,
the global rows, or the merge. One demand is also checked against `duijie match`, tying the
protocol to the CLI's own ranking.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from helpers import DEMO_CORPUS as DEMO_CORPUS_PATH, demo_demands

pytest.importorskip("ray", reason="ray is not installed (pip install -r Coordinator/requirements.txt)")

from duijie_ray.batch import BatchOptions, demand_request  # noqa: E402
from duijie_ray.coordinator import Coordinator  # noqa: E402

TOLERANCE = 1e-6
RANKINGS = ("lexical", "semantic", "fused")
FREE_TEXTS = [
    "废旧锂电池回收",
    "需要一种废旧锂电池回收技术",
    "海参养殖 溶解氧",
    "液流电池 离子传导膜",
    "membrane separation hydrogen recovery",
    "的",  # stopwords only: no hits anywhere
    "zqxv",  # shares no term with the corpus
]


@pytest.fixture(scope="module")
def deployments(ray_cluster: object, duijie_binary: str, demo_indexes):
    single = Coordinator(demo_indexes.single, duijie_binary, timeout_s=120)
    try:
        sharded = Coordinator(demo_indexes.plan, duijie_binary, timeout_s=120)
    except BaseException:
        single.shutdown()
        raise
    yield single, sharded
    sharded.shutdown()
    single.shutdown()


def assert_same_ranking(single: dict, sharded: dict, label: str) -> None:
    """Same ids in the same order, same global rows, scores within TOLERANCE, nothing missing."""
    assert not single["partial"] and not sharded["partial"], label
    assert "error" not in single and "error" not in sharded, (label, single.get("error"), sharded.get("error"))
    assert [hit["id"] for hit in sharded["hits"]] == [hit["id"] for hit in single["hits"]], label
    assert [hit["row"] for hit in sharded["hits"]] == [hit["row"] for hit in single["hits"]], label
    for mine, theirs in zip(sharded["hits"], single["hits"]):
        assert abs(mine["score"] - theirs["score"]) <= TOLERANCE, (label, mine["id"], mine["score"], theirs["score"])


def test_the_deployments_are_what_the_plan_says(deployments) -> None:
    single, sharded = deployments
    assert [(i["shard"], i["shards"], i["firstRow"], i["documents"]) for i in single.infos] == [(0, 1, 0, 208)]
    assert [i["shard"] for i in sharded.infos] == [0, 1, 2]
    assert sum(i["documents"] for i in sharded.infos) == 208
    assert len({i["plan"] for i in sharded.infos}) == 1 and sharded.infos[0]["plan"] != ""
    assert {i["corpus"] for i in sharded.infos} == {single.infos[0]["corpus"]}


@pytest.mark.parametrize("ranking", RANKINGS)
def test_every_demand_has_the_same_top_10(deployments, ranking: str) -> None:
    single, sharded = deployments
    requests = [demand_request(demand, BatchOptions(top=10, ranking=ranking)) for demand in demo_demands()]
    assert len(requests) == 124
    expected = single.search_many(requests)
    got = sharded.search_many(requests)
    shards_used = set()
    for request, one, three in zip(requests, expected, got):
        assert_same_ranking(one, three, f"{request['id']} {ranking}")
        shards_used.update(hit["shard"] for hit in three["hits"])
        assert one["hits"], f"{request['id']} {ranking}: no hits at all"
    # The comparison only means something if hits really come from every shard.
    assert shards_used == {0, 1, 2}


# Filters as a broker gives them (names, not ids): each shard decides from the facets it keeps;
# the single index decides from the corpus records it embeds, a different path to the same sets.
FILTERS = [
    {"regions": ["辽宁省"]},
    {"regions": ["辽宁省"], "pairedRegions": True},
    {"minMaturity": "pilot", "modes": ["licence", "转让"]},
    {"kinds": ["patent"], "dualUse": False},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(sorted(f)))
def test_every_demand_with_filters(deployments, filters: dict) -> None:
    single, sharded = deployments
    requests = [dict(demand_request(demand, BatchOptions(top=10, ranking="fused")), filters=filters) for demand in demo_demands()]
    answered = 0
    for request, one, three in zip(requests, single.search_many(requests), sharded.search_many(requests)):
        assert_same_ranking(one, three, f"{request['id']} {filters}")
        answered += bool(three["hits"])
    assert answered > 50, f"{filters}: too few demands with results to compare"


def limited(hits: list[dict], top: int, per_institution: int) -> list[str]:
    """The ids a per-institution limit keeps, walking a whole ranking best first (written here,
    apart from the coordinator's merge, as the expected answer)."""
    counts: dict[str, int] = {}
    kept = []
    for hit in hits:
        owner = hit.get("owner")
        if owner is not None and counts.get(owner, 0) >= per_institution:
            continue
        if owner is not None:
            counts[owner] = counts.get(owner, 0) + 1
        kept.append(hit["id"])
        if len(kept) == top:
            break
    return kept


@pytest.mark.parametrize("per_institution", [1, 2])
def test_every_demand_with_a_per_institution_limit(deployments, per_institution: int) -> None:
    """Expected: the single index's whole ranking (all 208) with the limit applied by `limited`.
    The shards apply it to their own lists and the coordinator across them, asking a shard for
    more when the limit dropped hits of others."""
    single, sharded = deployments
    base = [demand_request(demand, BatchOptions(top=10, ranking="fused")) for demand in demo_demands()]
    whole = single.search_many([dict(request, top=208) for request in base])
    requests = [dict(request, maxPerInstitution=per_institution) for request in base]
    dropped = 0
    for request, everything, one, three in zip(requests, whole, single.search_many(requests), sharded.search_many(requests)):
        expected = limited(everything["hits"], 10, per_institution)
        assert [hit["id"] for hit in one["hits"]] == expected, request["id"]
        assert [hit["id"] for hit in three["hits"]] == expected, request["id"]
        assert not three["partial"]
        dropped += [hit["id"] for hit in everything["hits"][:10]] != expected
    assert dropped > 20, "the limit should change many shortlists, or the test shows nothing"


def test_a_filter_name_the_corpus_lacks_is_refused_by_every_shard(deployments) -> None:
    single, sharded = deployments
    for deployment in (single, sharded):
        result = deployment.search({"id": "f", "text": "锂电池", "filters": {"regions": ["火星"]}})
        assert result["error"] == "request field `filters.regions`: 火星: no such region in the corpus"


@pytest.mark.parametrize("ranking", RANKINGS)
def test_free_text_queries(deployments, ranking: str) -> None:
    single, sharded = deployments
    requests = []
    for number, text in enumerate(FREE_TEXTS):
        for top in (1, 10, 208):
            request = {"id": f"t{number}-{top}", "text": text, "top": top, "ranking": ranking}
            if ranking == "fused":
                request["lexicalWeight"] = 0.3
            requests.append(request)
    for request, one, three in zip(requests, single.search_many(requests), sharded.search_many(requests)):
        assert_same_ranking(one, three, f"{request['text']!r} top {request['top']} {ranking}")
        assert len(three["hits"]) <= request["top"]
    by_id = {r["id"]: r for r in sharded.search_many(requests)}
    assert by_id["t5-10"]["hits"] == [] and by_id["t6-10"]["hits"] == []


def test_rows_fall_in_their_shards_range(deployments) -> None:
    _, sharded = deployments
    result = sharded.search({"id": "all", "text": "技术 材料 系统", "top": 208})
    ranges = {i["shard"]: range(i["firstRow"], i["firstRow"] + i["documents"]) for i in sharded.infos}
    assert len(result["hits"]) > 30
    for hit in result["hits"]:
        assert hit["row"] in ranges[hit["shard"]], hit


def test_a_demand_matches_the_cli(deployments, duijie_binary: str, demo_indexes) -> None:
    """`duijie match D-1012 --index single.index` ranks as the protocol does, through 3 shards."""
    _, sharded = deployments
    run = subprocess.run(
        [duijie_binary, "match", "D-1012", "--index", demo_indexes.single, "--format", "json", "--top", "10"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    cli = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert len(cli) == 10
    demand = next(d for d in demo_demands() if d.id == "D-1012")
    result = sharded.search(demand_request(demand, BatchOptions(top=10, ranking="lexical")))
    assert [hit["id"] for hit in result["hits"]] == [entry["id"] for entry in cli]
    for hit, entry in zip(result["hits"], cli):
        assert abs(hit["score"] - entry["score"]) <= TOLERANCE, (hit["id"], hit["score"], entry["score"])
        assert hit["title"] == entry["title"]


def test_the_command_line_batch_and_query(ray_cluster: object, duijie_binary: str, demo_indexes, tmp_path, capsys) -> None:
    """`python -m duijie_ray batch` writes the same TREC run from 3 shards as from the single
    index; `query` prints the merged ranking. Run in-process on the module's Ray instance."""
    from duijie_ray.cli import main
    from helpers import DEMO_CORPUS

    runs = {}
    for name, plan in (("single", demo_indexes.single), ("sharded", demo_indexes.plan)):
        out = tmp_path / f"{name}.run"
        status = main(["batch", "--plan", plan, "--duijie", duijie_binary, "--corpus", str(DEMO_CORPUS),
                       "--format", "trec", "--ranking", "fused", "--chunk-size", "50", "-o", str(out), "--tag", "t"])
        assert status == 0
        runs[name] = [line.split() for line in out.read_text().splitlines()]
    assert len(runs["single"]) == 1240  # 124 demands × 10
    for one, three in zip(runs["single"], runs["sharded"]):
        assert one[:4] == three[:4] and one[5] == three[5] == "t"
        assert abs(float(one[4]) - float(three[4])) <= TOLERANCE
    capsys.readouterr()
    assert main(["query", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--text", "废旧锂电池回收", "--top", "3", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["hits"]) == 3 and printed["partial"] is False
    assert main(["query", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--demand", "D-1012", "--corpus", str(DEMO_CORPUS)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["#", "score", "shard", "id", "title"] and len(table) == 11
    assert main(["query", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--text", "锂", "--top", "0"]) == 1
    assert "request field `top`" in capsys.readouterr().err


def test_the_command_line_takes_filters_and_a_limit(ray_cluster: object, duijie_binary: str, demo_indexes, deployments, tmp_path, capsys) -> None:
    """`query --region … --max-per-institution 1` sends the protocol's filters and limit: the
    answer is the single index's answer to the same request; an unknown region is an error."""
    from duijie_ray.cli import main

    single, _ = deployments
    capsys.readouterr()
    arguments = ["query", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--text", "材料 工艺", "--ranking", "fused",
                 "--region", "辽宁省", "--max-per-institution", "1", "--format", "json"]
    assert main(arguments) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = single.search({"id": "query", "text": "材料 工艺", "ranking": "fused", "top": 10,
                              "filters": {"regions": ["辽宁省"]}, "maxPerInstitution": 1})
    assert [hit["id"] for hit in printed["hits"]] == [hit["id"] for hit in expected["hits"]] and printed["hits"]
    owners = [hit["owner"] for hit in printed["hits"]]
    assert len(set(owners)) == len(owners)
    assert main(["query", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--text", "材料", "--region", "火星"]) == 1
    assert "火星: no such region in the corpus" in capsys.readouterr().err
    # A batch written to a file that exists replaces it whole.
    out = tmp_path / "limited.run"
    out.write_text("an older run\n")
    assert main(["batch", "--plan", demo_indexes.plan, "--duijie", duijie_binary, "--corpus", str(DEMO_CORPUS_PATH),
                 "--max-per-institution", "1", "--format", "jsonl", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 124 and "an older run" not in out.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
