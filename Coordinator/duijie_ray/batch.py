"""Shortlists for every demand of a corpus, through the coordinator.

Demands are sent in chunks (one scatter per chunk, each shard answering the whole chunk in
one pipelined exchange), and the merged rankings are written as a TREC run
(`QUERY Q0 DOC RANK SCORE TAG`, as `duijie run` writes it) or as JSON Lines.

A run written from partial answers would look complete to an evaluator while missing a
shard's documents, so a chunk with a missing shard is retried after a pause (shards are
usually back within seconds: Ray restarts an actor, an actor restarts its server); if it is
still partial after the retries, the batch fails unless partial answers were allowed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Optional, Protocol, Sequence, TextIO

__all__ = [
    "Demand",
    "DemandFileError",
    "PartialResultsError",
    "BatchOptions",
    "read_demands",
    "demand_request",
    "run_batch",
    "write_trec",
    "write_jsonl",
]

DEMANDS_FILE = "demands.jsonl"


class DemandFileError(ValueError):
    """A demand line cannot be read; the message names the file and line."""


class PartialResultsError(RuntimeError):
    """Some demands could only be answered without one or more shards."""


class Searcher(Protocol):
    """What the batch needs of a coordinator (a test can pass a stand-in)."""

    def search_many(self, requests: Sequence[Mapping[str, Any]], timeout_s: Optional[float] = None) -> list[dict]:
        ...


@dataclass(frozen=True)
class Demand:
    """The parts of a demand that are ranked: title, keywords and description."""

    id: str
    title: str
    keywords: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class BatchOptions:
    """How each demand is ranked and how the batch is sent."""

    top: int = 10
    ranking: str = "lexical"
    lexical_weight: Optional[float] = None
    terms: Optional[int] = None
    chunk_size: int = 200
    retries: int = 2
    retry_delay_s: float = 2.0
    allow_partial: bool = False
    timeout_s: Optional[float] = None
    # The protocol's `filters` object (names or ids, as `duijie recommend` takes them) and its
    # per-institution limit; None leaves them out.
    filters: Optional[dict] = None
    max_per_institution: Optional[int] = None


def read_demands(corpus_dir: str) -> list[Demand]:
    """The demands of `CORPUS_DIR/demands.jsonl`, in file order."""
    path = os.path.join(corpus_dir, DEMANDS_FILE)
    demands = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as error:
        raise DemandFileError(f"{path}: {error.strerror or error}") from error
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                demands.append(_parse_demand(line, f"{path}:{number}"))
    return demands


def _parse_demand(line: str, where: str) -> Demand:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise DemandFileError(f"{where}: not JSON: {error}") from error
    if not isinstance(value, dict):
        raise DemandFileError(f"{where}: expected a JSON object")
    identifier, title = value.get("id"), value.get("title")
    if not isinstance(identifier, str) or not identifier:
        raise DemandFileError(f"{where}: `id` must be a non-empty string")
    if not isinstance(title, str):
        raise DemandFileError(f"{where}: demand {identifier}: `title` must be a string")
    keywords = value.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(keyword, str) for keyword in keywords):
        raise DemandFileError(f"{where}: demand {identifier}: `keywords` must be a list of strings")
    description = value.get("description") or ""
    if not isinstance(description, str):
        raise DemandFileError(f"{where}: demand {identifier}: `description` must be a string")
    return Demand(identifier, title, tuple(keywords), description)


def demand_request(demand: Demand, options: BatchOptions) -> dict:
    """The shard protocol's search request for a demand."""
    request: dict[str, Any] = {
        "id": demand.id,
        "demand": {"title": demand.title, "keywords": list(demand.keywords), "description": demand.description},
        "top": options.top,
        "ranking": options.ranking,
    }
    if options.lexical_weight is not None:
        request["lexicalWeight"] = options.lexical_weight
    if options.terms is not None:
        request["terms"] = options.terms
    if options.filters:
        request["filters"] = dict(options.filters)
    if options.max_per_institution is not None:
        request["maxPerInstitution"] = options.max_per_institution
    return request


def run_batch(
    searcher: Searcher,
    demands: Sequence[Demand],
    options: BatchOptions = BatchOptions(),
    log: TextIO = sys.stderr,
) -> Iterator[dict]:
    """The merged result of every demand, in order, chunk by chunk.

    Raises `PartialResultsError` when a chunk stays partial after `options.retries` retries
    and `options.allow_partial` is false, or a `ValueError` naming the demand when a request
    is refused (that is a bug in the request, not a shard failure).
    """
    if options.chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    for start in range(0, len(demands), options.chunk_size):
        chunk = [demand_request(demand, options) for demand in demands[start : start + options.chunk_size]]
        results = _search_chunk(searcher, chunk, options, log)
        for result in results:
            if "error" in result:
                raise ValueError(f"demand {result.get('id')}: refused by the shards: {result['error']}")
        yield from results


def _search_chunk(searcher: Searcher, chunk: list[dict], options: BatchOptions, log: TextIO) -> list[dict]:
    attempt = 0
    while True:
        results = searcher.search_many(chunk, options.timeout_s)
        missing = sorted({shard for result in results for shard in result.get("missingShards", [])})
        if not missing:
            return results
        first, last = chunk[0]["id"], chunk[-1]["id"]
        if attempt < options.retries:
            attempt += 1
            print(
                f"warning: demands {first}…{last}: shards {missing} did not answer; "
                f"retry {attempt} of {options.retries} in {options.retry_delay_s:g} s",
                file=log,
            )
            time.sleep(options.retry_delay_s)
            continue
        if options.allow_partial:
            print(f"warning: demands {first}…{last}: ranked without shards {missing} (partial)", file=log)
            return results
        raise PartialResultsError(
            f"demands {first}…{last}: shards {missing} did not answer after {options.retries} retries "
            "(pass --allow-partial to write partial rankings)"
        )


def write_trec(results: Iterable[Mapping[str, Any]], out: TextIO, tag: str) -> int:
    """Writes results as a TREC run; returns the number of lines written."""
    if not tag or any(character.isspace() for character in tag):
        raise ValueError(f"a TREC tag must be one non-empty word, got {tag!r}")
    lines = 0
    for result in results:
        for rank, hit in enumerate(result["hits"], start=1):
            # repr gives the shortest text that reads back as the same double.
            out.write(f"{result['id']} Q0 {hit['id']} {rank} {float(hit['score'])!r} {tag}\n")
            lines += 1
    return lines


def write_jsonl(results: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Writes one JSON object per result (as the coordinator returns it); returns the count."""
    count = 0
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        count += 1
    return count
