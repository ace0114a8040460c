"""`duijie shard-serve` against bad input: every bad line gets one `error` answer naming the
field at fault, and the server goes on serving (no Ray needed)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

# Each case: the raw request line, the id the answer must carry, and what the error must name.
BAD_REQUESTS = [
    ("{", None, None),  # not JSON: no id can be read
    ("[1, 2]", None, None),  # JSON, but not an object
    ('"just a string"', None, None),
    ('{"text": "锂电池"}', None, "`id`"),
    ('{"id": 7, "text": "锂电池"}', None, "`id`"),
    ('{"id": "b1", "text": "锂电池", "bogus": 1}', "b1", "`bogus`"),
    ('{"id": "b2", "text": "锂电池", "top": "10"}', "b2", "`top`"),
    ('{"id": "b3", "text": "锂电池", "top": 0}', "b3", "`top`"),
    ('{"id": "b4", "text": "锂电池", "top": 10001}', "b4", "`top`"),
    ('{"id": "b5", "text": "锂电池", "top": 2.5}', "b5", "`top`"),
    ('{"id": "b6", "text": "锂电池", "ranking": "magic"}', "b6", "`ranking`"),
    ('{"id": "b7", "text": "锂电池", "ranking": "fused", "lexicalWeight": 1.5}', "b7", "`lexicalWeight`"),
    ('{"id": "b8", "text": "锂电池", "lexicalWeight": "half"}', "b8", "`lexicalWeight`"),
    ('{"id": "b9", "text": "锂电池", "terms": 51}', "b9", "`terms`"),
    ('{"id": "b10", "text": "锂电池", "terms": -1}', "b10", "`terms`"),
    ('{"id": "b11", "text": 42}', "b11", "`text`"),
    ('{"id": "b12"}', "b12", None),  # neither text nor demand
    ('{"id": "b13", "text": "锂", "demand": {"title": "锂"}}', "b13", None),  # both
    ('{"id": "b14", "demand": {"keywords": ["锂"]}}', "b14", "title"),
    ('{"id": "b15", "demand": {"title": "锂", "keywords": "锂电"}}', "b15", "keywords"),
    ('{"id": "b16", "demand": {"title": "锂", "keywords": [1]}}', "b16", "keywords"),
    ('{"id": "b17", "demand": {"title": "锂", "description": 3}}', "b17", "description"),
    ('{"id": "b18", "demand": "锂电池"}', "b18", "`demand`"),
    ('{"id": "b19", "demand": {"title": "锂", "extra": 1}}', "b19", "extra"),
    ('{"op": "explode"}', None, "`op`"),
]

GOOD = '{"id": "ok", "text": "锂电池回收", "top": 3}'


def serve(binary: str, index: str, lines: list[str]) -> tuple[list[dict], subprocess.CompletedProcess]:
    """Runs one server over `lines`; returns its answers (one JSON object per line) and the run."""
    run = subprocess.run(
        [binary, "shard-serve", index],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return [json.loads(line) for line in run.stdout.splitlines()], run


@pytest.fixture(scope="module")
def answers(duijie_binary: str, demo_indexes) -> tuple[list[dict], subprocess.CompletedProcess]:
    # A good request after every bad one shows the server keeps serving.
    lines = []
    for line, _, _ in BAD_REQUESTS:
        lines += [line, GOOD]
    return serve(duijie_binary, demo_indexes.single, lines)


def test_one_answer_per_line_and_exit_0_on_eof(answers) -> None:
    replies, run = answers
    assert run.returncode == 0, run.stderr
    assert len(replies) == 2 * len(BAD_REQUESTS)


@pytest.mark.parametrize("case", range(len(BAD_REQUESTS)), ids=[c[0][:40] for c in BAD_REQUESTS])
def test_bad_request_names_the_field_and_the_server_goes_on(answers, case: int) -> None:
    replies, _ = answers
    line, expected_id, field = BAD_REQUESTS[case]
    error, after = replies[2 * case], replies[2 * case + 1]
    assert set(error) == {"id", "error"}, f"{line} → {error}"
    assert error["id"] == expected_id, f"{line} → {error}"
    assert isinstance(error["error"], str) and error["error"]
    if field is not None:
        assert field in error["error"], f"{line} → {error['error']!r} does not name {field}"
    assert after["id"] == "ok" and after["hits"], f"after {line}: {after}"


def test_the_error_format_of_the_spec(answers) -> None:
    replies, _ = answers
    top_error = replies[2 * 7]["error"]  # top: 0
    assert top_error.startswith("request field `top`: "), top_error


def test_load_failures_exit_non_zero_with_nothing_on_stdout(duijie_binary: str, demo_indexes, tmp_path: Path) -> None:
    not_an_index = tmp_path / "not.index"
    not_an_index.write_text("hello\n")
    for path in (str(tmp_path / "missing.index"), str(not_an_index), str(Path(demo_indexes.plan))):
        run = subprocess.run([duijie_binary, "shard-serve", path], input='{"op": "info"}\n', capture_output=True, text=True, timeout=60)
        assert run.returncode != 0, f"{path}: exit 0"
        assert run.stdout == "", f"{path}: wrote {run.stdout!r}"
        assert run.stderr.strip(), f"{path}: no message on stderr"


def test_info_of_a_full_index_and_of_each_shard(duijie_binary: str, demo_indexes) -> None:
    (info,), _ = serve(duijie_binary, demo_indexes.single, ['{"op": "info"}'])
    assert info["op"] == "info" and info["plan"] == "" and (info["shard"], info["shards"], info["firstRow"], info["documents"]) == (0, 1, 0, 208)
    plan = json.loads(Path(demo_indexes.plan).read_text())
    for number, entry in enumerate(plan["shards"]):
        (info,), _ = serve(duijie_binary, str(Path(demo_indexes.plan).parent / entry["file"]), ['{"op": "info"}'])
        assert (info["shard"], info["shards"], info["firstRow"], info["documents"]) == (number, 3, entry["firstRow"], entry["documents"])
        assert info["plan"] == plan["plan"] and info["corpus"] == plan["corpus"] and info["totalDocuments"] == 208
