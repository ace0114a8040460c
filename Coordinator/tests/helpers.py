"""Paths and helpers shared by the tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
COORDINATOR = TESTS.parent
REPOSITORY = COORDINATOR.parent
DEMO_CORPUS = REPOSITORY / "Corpus" / "demo"
# Faults only; every normal behaviour is tested against the real `duijie shard-serve`.
MISBEHAVING_SERVER = TESTS / "misbehaving_shard_serve.py"
DEFAULT_BINARY = REPOSITORY / ".build" / "debug" / "duijie"

# The package is used from the source tree, not installed.
if str(COORDINATOR) not in sys.path:
    sys.path.insert(0, str(COORDINATOR))


def duijie_binary_path() -> Path:
    """The binary under test: $DUIJIE_BINARY, else the debug build of this repository."""
    return Path(os.environ.get("DUIJIE_BINARY") or DEFAULT_BINARY).resolve()


def demo_demands() -> list:
    """The demo corpus's demands, in file order."""
    from duijie_ray.batch import read_demands

    return read_demands(str(DEMO_CORPUS))


def plan_shard_files(plan_path: str) -> list[str]:
    """The shard files a real plan.json names, as absolute paths, in shard order."""
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    return [str(Path(plan_path).parent / entry["file"]) for entry in plan["shards"]]


def misbehaving_shard(path: Path, duijie: str, shard: str, **faults: object) -> str:
    """Writes the FILE of tests/misbehaving_shard_serve.py: the real `duijie shard-serve shard`
    behind it, with `faults` (`loadDelay`, `failLoad`); returns its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(faults, duijie=duijie, shard=shard)), encoding="utf-8")
    return str(path)


def copy_plan(plan_path: str, directory: Path, files: "list[str] | None" = None, **changes: object) -> str:
    """A copy of a real plan.json in `directory`, naming its shard files by absolute path (or
    naming `files` instead), with top-level `changes`; returns the copy's path."""
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    for entry, file in zip(plan["shards"], files or plan_shard_files(plan_path)):
        entry["file"] = file  # an absolute path is kept as it is
    plan.update(changes)
    directory.mkdir(parents=True, exist_ok=True)
    copy = directory / "plan.json"
    copy.write_text(json.dumps(plan), encoding="utf-8")
    return str(copy)


def truncated_copy(source: str, destination: Path, size: int = 1_000_000) -> str:
    """The first `size` bytes of a real index file: one the real server refuses to load."""
    with open(source, "rb") as handle:
        destination.write_bytes(handle.read(size))
    return str(destination)
