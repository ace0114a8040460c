"""Shared fixtures: the duijie binary, indexes built from Corpus/demo, a local Ray instance."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from typing import Iterator

import pytest

from helpers import DEMO_CORPUS, duijie_binary_path


@pytest.fixture(scope="session")
def duijie_binary() -> str:
    """The duijie binary; a missing one fails the test (it is what is being tested)."""
    path = duijie_binary_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"the duijie binary {path} is missing: build it (swift build) or set DUIJIE_BINARY")
    return str(path)


@dataclass(frozen=True)
class DemoIndexes:
    """The demo corpus as one full index and as a 3-shard plan."""

    single: str
    plan: str  # the shard directory's plan.json


@pytest.fixture(scope="session")
def demo_indexes(duijie_binary: str, tmp_path_factory: pytest.TempPathFactory) -> DemoIndexes:
    """`duijie index Corpus/demo` once as a single index and once with `--shards 3`.

    Both builds run at once: they are independent and the machine has two cores.
    """
    directory = tmp_path_factory.mktemp("indexes")
    single = directory / "single.index"
    shards = directory / "shards"
    commands = [
        [duijie_binary, "index", str(DEMO_CORPUS), "-o", str(single)],
        [duijie_binary, "index", str(DEMO_CORPUS), "--shards", "3", "-o", str(shards)],
    ]
    builds = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for command in commands]
    for command, build in zip(commands, builds):
        out, err = build.communicate(timeout=600)
        if build.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed ({build.returncode}): {err.strip()}")
    plan = shards / "plan.json"
    assert single.is_file(), f"{single} was not written"
    assert plan.is_file(), f"{plan} was not written"
    return DemoIndexes(str(single), str(plan))


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[object]:
    """A local Ray instance for the module's tests (2 CPUs, no dashboard), stopped after."""
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install -r Coordinator/requirements.txt)")
    from duijie_ray.cluster import start_ray

    if ray.is_initialized():
        ray.shutdown()
    start_ray(num_cpus=2, log_to_driver=False)
    yield ray
    ray.shutdown()
