"""Reading plans and checking shard `info` answers against them (no Ray).

The deployment is the real demo one: the plan.json `duijie index --shards 3` wrote and the
`info` answers of the real `duijie shard-serve` on its shard files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import plan_shard_files
from duijie_ray.plan import PlanError, PlanMismatchError, check_info, load_plan


def served_info(binary: str, index: str) -> dict:
    """The real server's `info` answer for an index or shard file."""
    run = subprocess.run([binary, "shard-serve", index], input='{"op":"info"}\n', capture_output=True,
                         text=True, encoding="utf-8", timeout=120, check=True)
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def raw_plan(demo_indexes) -> dict:
    return json.loads(Path(demo_indexes.plan).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def infos(duijie_binary: str, demo_indexes) -> list[dict]:
    return [served_info(duijie_binary, shard) for shard in plan_shard_files(demo_indexes.plan)]


@pytest.fixture()
def plan_copy(demo_indexes, tmp_path: Path) -> Path:
    """A copy of the real plan.json, beside no shard files (reading a plan does not open them)."""
    copy = tmp_path / "d" / "plan.json"
    copy.parent.mkdir()
    shutil.copy(demo_indexes.plan, copy)
    return copy


def test_reads_a_plan_file_and_its_directory(demo_indexes, raw_plan: dict) -> None:
    directory = Path(demo_indexes.plan).parent
    entries = raw_plan["shards"]
    assert raw_plan["totalDocuments"] == 208 and len(entries) == 3
    for source in (demo_indexes.plan, str(directory)):
        plan = load_plan(source)
        assert plan.plan_id == raw_plan["plan"] and plan.corpus == raw_plan["corpus"] and not plan.single_index
        assert plan.total_documents == 208 and plan.source == demo_indexes.plan
        assert [(s.index, s.first_row, s.documents) for s in plan.shards] == [(n, e["firstRow"], e["documents"]) for n, e in enumerate(entries)]
        assert [s.file for s in plan.shards] == [str(directory / e["file"]) for e in entries]


def test_any_other_file_is_a_single_index(demo_indexes) -> None:
    plan = load_plan(demo_indexes.single)
    assert plan.single_index and plan.shards[0].file == demo_indexes.single and plan.shards[0].first_row == 0


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda p: p.update(format="other"), "not a shard plan"),
        (lambda p: p.update(shards=[]), "non-empty"),
        (lambda p: p["shards"][1].update(firstRow=5), "shards[1].firstRow is 5, expected "),
        (lambda p: p.update(totalDocuments=11), "the shards hold 208 documents, totalDocuments says 11"),
        (lambda p: p["shards"][0].pop("file"), "missing 'file'"),
        (lambda p: p["shards"][0].update(documents="4"), "expected an integer"),
        (lambda p: p.update(plan=7), "expected a string"),
    ],
)
def test_bad_plans_are_refused_with_the_reason(plan_copy: Path, change, message: str) -> None:
    path = plan_copy
    plan = json.loads(path.read_text())
    change(plan)
    path.write_text(json.dumps(plan))
    with pytest.raises(PlanError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_plan(str(path))


def test_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="no such file"):
        load_plan(str(tmp_path / "nope.index"))
    with pytest.raises(PlanError, match="without plan.json"):
        load_plan(str(tmp_path))


def test_check_info_accepts_matching_shards_and_names_each_difference(demo_indexes, raw_plan: dict, infos: list[dict]) -> None:
    plan = load_plan(demo_indexes.plan)
    for shard in plan.shards:
        check_info(plan, shard, infos[shard.index])
    wrong = dict(infos[1], plan="other", firstRow=0)
    with pytest.raises(PlanMismatchError) as caught:
        check_info(plan, plan.shards[1], wrong)
    text = str(caught.value)
    assert "shard 1" in text and "shard-2-of-3.index" in text
    assert f"plan is 'other', the plan says '{raw_plan['plan']}'" in text and f"firstRow is 0, the plan says {raw_plan['shards'][1]['firstRow']}" in text
    # A shard file served in the wrong place of the plan.
    with pytest.raises(PlanMismatchError, match="shard is 2, the plan says 0"):
        check_info(plan, plan.shards[0], infos[2])


def test_a_single_index_must_be_a_full_index(duijie_binary: str, demo_indexes, infos: list[dict]) -> None:
    plan = load_plan(demo_indexes.single)
    check_info(plan, plan.shards[0], served_info(duijie_binary, demo_indexes.single))
    # A shard file served as if it were a whole index.
    with pytest.raises(PlanMismatchError, match="shards is 3, the plan says 1"):
        check_info(plan, plan.shards[0], infos[0])
