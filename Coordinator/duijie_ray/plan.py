"""Reading a deployment: a shard plan (`plan.json`) or a single full index.

`duijie index CORPUS --shards N -o DIR` writes `DIR/plan.json` beside the shard files; a
plain `duijie index CORPUS -o FILE.index` is servable too, as shard 0 of 1. Either way the
coordinator needs the same thing: the list of shard files with the rows each one holds, and
what every server's `info` answer must say for the deployment to be consistent.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Mapping, Optional

__all__ = ["Plan", "ShardSpec", "PlanError", "PlanMismatchError", "load_plan", "check_info"]

PLAN_FORMAT = "duijie-shard-plan"
PLAN_FILE_NAME = "plan.json"


class PlanError(ValueError):
    """The plan file is missing, unreadable, or inconsistent in itself."""


class PlanMismatchError(RuntimeError):
    """A shard server's `info` disagrees with the plan (wrong file, stale shard, …)."""


@dataclass(frozen=True)
class ShardSpec:
    """One shard of a deployment, as the plan describes it."""

    index: int
    file: str  # absolute path
    first_row: Optional[int]  # None: not known in advance (a single full index)
    documents: Optional[int]


@dataclass(frozen=True)
class Plan:
    """A deployment: its shards and what they were built from."""

    source: str  # the plan.json or .index path it was read from
    plan_id: str  # "" for a single full index
    corpus: Optional[str]
    total_documents: Optional[int]
    shards: tuple[ShardSpec, ...]

    @property
    def single_index(self) -> bool:
        """Whether this is one full index rather than a shard plan."""
        return self.plan_id == "" and len(self.shards) == 1


def load_plan(path: str) -> Plan:
    """Reads a deployment from a `plan.json`, a directory holding one, or a `.index` file.

    A path that is neither a plan nor a directory with a plan is taken as a single full
    index (shard 0 of 1), whatever its name.
    """
    path = os.path.abspath(path)
    if os.path.isdir(path):
        candidate = os.path.join(path, PLAN_FILE_NAME)
        if not os.path.isfile(candidate):
            raise PlanError(f"{path}: a directory without {PLAN_FILE_NAME}")
        path = candidate
    if not os.path.isfile(path):
        raise PlanError(f"{path}: no such file")
    if os.path.basename(path) == PLAN_FILE_NAME or path.endswith(".json"):
        return _read_plan_file(path)
    return Plan(
        source=path,
        plan_id="",
        corpus=None,
        total_documents=None,
        shards=(ShardSpec(index=0, file=path, first_row=0, documents=None),),
    )


def _read_plan_file(path: str) -> Plan:
    try:
        with open(path, encoding="utf-8") as handle:
            value = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        raise PlanError(f"{path}: cannot read the plan: {error}") from error
    if not isinstance(value, dict) or value.get("format") != PLAN_FORMAT:
        raise PlanError(f"{path}: not a shard plan (format is not {PLAN_FORMAT!r})")
    entries = value.get("shards")
    if not isinstance(entries, list) or not entries:
        raise PlanError(f"{path}: shards: expected a non-empty array")
    directory = os.path.dirname(path)
    shards = []
    next_row = 0
    for position, entry in enumerate(entries):
        where = f"{path}: shards[{position}]"
        file = _member(entry, "file", str, where)
        first_row = _member(entry, "firstRow", int, where)
        documents = _member(entry, "documents", int, where)
        # The shards must tile the rows in order, or merged rows would not be global rows.
        if first_row != next_row:
            raise PlanError(f"{where}.firstRow is {first_row}, expected {next_row}")
        next_row += documents
        shards.append(ShardSpec(position, os.path.join(directory, file), first_row, documents))
    total = _member(value, "totalDocuments", int, path)
    if total != next_row:
        raise PlanError(f"{path}: the shards hold {next_row} documents, totalDocuments says {total}")
    return Plan(
        source=path,
        plan_id=_member(value, "plan", str, path),
        corpus=_member(value, "corpus", str, path),
        total_documents=total,
        shards=tuple(shards),
    )


def _member(obj: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise PlanError(f"{where}: missing {key!r}")
    item = obj[key]
    # JSON has no int type; bool is an int in Python and is never a valid count.
    if kind is int and (isinstance(item, bool) or not isinstance(item, int)):
        raise PlanError(f"{where}.{key}: expected an integer, got {item!r}")
    if kind is str and not isinstance(item, str):
        raise PlanError(f"{where}.{key}: expected a string, got {item!r}")
    return item


def check_info(plan: Plan, shard: ShardSpec, info: Mapping[str, Any]) -> None:
    """Raises `PlanMismatchError` unless a server's `info` answer fits `shard` of `plan`."""
    problems = []
    if "error" in info:
        problems.append(f"info failed: {info['error']}")
    expected: dict[str, Any] = {
        "op": "info",
        "shard": shard.index,
        "shards": len(plan.shards),
        "plan": plan.plan_id,
    }
    if shard.first_row is not None:
        expected["firstRow"] = shard.first_row
    if shard.documents is not None:
        expected["documents"] = shard.documents
    if plan.total_documents is not None:
        expected["totalDocuments"] = plan.total_documents
    if plan.corpus is not None:
        expected["corpus"] = plan.corpus
    for key, want in expected.items():
        got = info.get(key)
        if got != want:
            problems.append(f"{key} is {got!r}, the plan says {want!r}")
    if problems:
        raise PlanMismatchError(
            f"shard {shard.index} ({shard.file}) does not match {plan.source}: " + "; ".join(problems)
        )
