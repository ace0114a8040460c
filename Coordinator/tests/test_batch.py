"""Batch shortlists: reading demands, chunking, retries and output formats (no Ray)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

import pytest

from helpers import DEMO_CORPUS
from duijie_ray.batch import (
    BatchOptions,
    Demand,
    DemandFileError,
    PartialResultsError,
    demand_request,
    read_demands,
    run_batch,
    write_jsonl,
    write_trec,
)


class StubCoordinator:
    """Answers each request with two hits; the first `partial_calls` calls miss shard 1."""

    def __init__(self, partial_calls: int = 0) -> None:
        self.partial_calls = partial_calls
        self.calls: list[int] = []

    def search_many(self, requests: Sequence[Mapping[str, Any]], timeout_s: Optional[float] = None) -> list[dict]:
        self.calls.append(len(requests))
        missing = [1] if len(self.calls) <= self.partial_calls else []
        return [
            {
                "id": request["id"],
                "hits": [{"id": "A-1", "row": 1, "score": 0.5, "shard": 0}, {"id": "A-7", "row": 7, "score": 0.125, "shard": 2}],
                "missingShards": missing,
                "partial": bool(missing),
            }
            for request in requests
        ]


def test_reads_the_demo_demands() -> None:
    demands = read_demands(str(DEMO_CORPUS))
    assert len(demands) == 124
    assert demands[0].id == "D-1001" and demands[0].keywords and demands[0].description


def test_demand_lines_with_problems_name_file_and_line(tmp_path: Path) -> None:
    lines = ['{"id": "D-1", "title": "t"}', '{"id": "D-2", "title": "t", "keywords": "液流"}']
    (tmp_path / "demands.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DemandFileError, match=r"demands\.jsonl:2: demand D-2: `keywords` must be a list of strings"):
        read_demands(str(tmp_path))
    (tmp_path / "demands.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(DemandFileError, match=r"demands\.jsonl:1: not JSON"):
        read_demands(str(tmp_path))
    with pytest.raises(DemandFileError, match="No such file"):
        read_demands(str(tmp_path / "missing"))


def test_the_request_carries_title_keywords_and_description_only() -> None:
    request = demand_request(Demand("D-9", "标题", ("a", "b"), "描述"), BatchOptions(top=5, ranking="fused", lexical_weight=0.3))
    assert request == {
        "id": "D-9",
        "demand": {"title": "标题", "keywords": ["a", "b"], "description": "描述"},
        "top": 5,
        "ranking": "fused",
        "lexicalWeight": 0.3,
    }


def test_chunks_and_order() -> None:
    demands = [Demand(f"D-{n}", "t") for n in range(450)]
    stub = StubCoordinator()
    results = list(run_batch(stub, demands, BatchOptions(chunk_size=200)))
    assert stub.calls == [200, 200, 50]
    assert [r["id"] for r in results] == [d.id for d in demands]


def test_a_partial_chunk_is_retried_then_refused_or_allowed() -> None:
    demands = [Demand("D-1", "t")]
    log = io.StringIO()
    stub = StubCoordinator(partial_calls=1)
    results = list(run_batch(stub, demands, BatchOptions(retries=2, retry_delay_s=0), log))
    assert len(stub.calls) == 2 and not results[0]["partial"]
    assert "shards [1] did not answer; retry 1 of 2" in log.getvalue()

    with pytest.raises(PartialResultsError, match=r"shards \[1\] did not answer after 2 retries"):
        list(run_batch(StubCoordinator(partial_calls=9), demands, BatchOptions(retries=2, retry_delay_s=0), io.StringIO()))

    results = list(run_batch(StubCoordinator(partial_calls=9), demands, BatchOptions(retries=0, allow_partial=True), io.StringIO()))
    assert results[0]["partial"] and results[0]["missingShards"] == [1]


def test_a_refused_request_is_an_error_naming_the_demand() -> None:
    class Refusing(StubCoordinator):
        def search_many(self, requests, timeout_s=None):  # type: ignore[override]
            return [{"id": r["id"], "error": "request field `top`: out of range", "hits": [], "missingShards": [], "partial": False} for r in requests]

    with pytest.raises(ValueError, match="demand D-1: refused by the shards: request field `top`"):
        list(run_batch(Refusing(), [Demand("D-1", "t")]))


def test_trec_and_jsonl_output() -> None:
    results = list(run_batch(StubCoordinator(), [Demand("D-1", "t"), Demand("D-2", "t")]))
    out = io.StringIO()
    assert write_trec(results, out, "ray3") == 4
    assert out.getvalue().splitlines() == [
        "D-1 Q0 A-1 1 0.5 ray3",
        "D-1 Q0 A-7 2 0.125 ray3",
        "D-2 Q0 A-1 1 0.5 ray3",
        "D-2 Q0 A-7 2 0.125 ray3",
    ]
    with pytest.raises(ValueError, match="one non-empty word"):
        write_trec(results, io.StringIO(), "two words")
    out = io.StringIO()
    assert write_jsonl(results, out) == 2
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["D-1", "D-2"]


def test_scores_keep_full_precision_in_trec() -> None:
    out = io.StringIO()
    score = 0.1 + 0.2  # 0.30000000000000004: %.6f would lose the difference from 0.3
    write_trec([{"id": "q", "hits": [{"id": "A", "score": score}]}], out, "t")
    assert out.getvalue() == "q Q0 A 1 0.30000000000000004 t\n"
    assert float(out.getvalue().split()[4]) == score
