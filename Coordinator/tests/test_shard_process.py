"""ShardProcess and the actor's restart policy (ShardServer), against the real `duijie shard-serve`.

Every normal behaviour runs the real server on the real demo shards (no Ray needed). Only the
faults it cannot be made to show on request — hanging, exiting mid-request, answering a line
that is not JSON, a slow load, a load failing at the end of a long load — use
tests/misbehaving_shard_serve.py, which puts the real server behind those faults.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Iterator

import pytest

from helpers import MISBEHAVING_SERVER, misbehaving_shard, plan_shard_files, truncated_copy
from duijie_ray.shard_process import (
    ShardProcess,
    ShardProcessDied,
    ShardProcessError,
    ShardProtocolError,
    ShardTimeoutError,
)

TOLERANCE = 1e-6
TEXTS = ["废旧锂电池回收", "海参养殖 溶解氧", "低功耗无线振动传感"]


@pytest.fixture(scope="module")
def shard_file(demo_indexes) -> str:
    """The second of the three real demo shards."""
    return plan_shard_files(demo_indexes.plan)[1]


@pytest.fixture(scope="module")
def shard_entry(demo_indexes) -> dict:
    """What plan.json says of that shard."""
    return json.loads(Path(demo_indexes.plan).read_text(encoding="utf-8"))["shards"][1]


@pytest.fixture(scope="module")
def single(duijie_binary: str, demo_indexes) -> Iterator[ShardProcess]:
    """The real single index, served: where every expected ranking comes from."""
    with ShardProcess(duijie_binary, demo_indexes.single, timeout_s=30, load_timeout_s=120) as process:
        yield process


def expected_hits(single: ShardProcess, entry: dict, text: str, top: int) -> list[dict]:
    """The single index's ranking of `text` restricted to the rows the shard holds."""
    everything = single.search({"id": "all", "text": text, "top": 10000})["hits"]
    first, end = entry["firstRow"], entry["firstRow"] + entry["documents"]
    return [hit for hit in everything if first <= hit["row"] < end][:top]


def assert_same_hits(got: list[dict], expected: list[dict]) -> None:
    assert [(hit["id"], hit["row"]) for hit in got] == [(hit["id"], hit["row"]) for hit in expected]
    for mine, theirs in zip(got, expected):
        assert abs(mine["score"] - theirs["score"]) <= TOLERANCE, (mine, theirs)


def test_info_search_and_close(duijie_binary: str, shard_file: str, shard_entry: dict, single: ShardProcess, demo_indexes) -> None:
    plan_id = json.loads(Path(demo_indexes.plan).read_text(encoding="utf-8"))["plan"]
    with ShardProcess(duijie_binary, shard_file, timeout_s=30, load_timeout_s=120) as process:
        info = process.info()
        assert (info["shard"], info["shards"], info["plan"]) == (1, 3, plan_id)
        assert (info["firstRow"], info["documents"]) == (shard_entry["firstRow"], shard_entry["documents"])
        for text in TEXTS:
            for top in (1, 2, 10):
                answer = process.search({"id": "q1", "text": text, "top": top})
                assert answer["id"] == "q1" and answer["shard"] == 1
                expected = expected_hits(single, shard_entry, text, top)
                assert expected, f"{text}: the shard holds none of the single index's hits"
                assert_same_hits(answer["hits"], expected)
    assert process.close() == 0  # EOF on stdin ends the server cleanly; closing twice is fine


def test_pipelined_batch_larger_than_the_pipe_buffers(duijie_binary: str, shard_file: str) -> None:
    # About 1 MB of requests and 2.5 MB of answers, far beyond the pipes' 64 KiB: writing
    # everything before reading anything would deadlock; the writer thread must keep the
    # server going.
    texts = [text * 20 for text in TEXTS]
    requests = [{"id": f"q{n}", "text": texts[n % 3], "top": 3} for n in range(3000)]
    with ShardProcess(duijie_binary, shard_file, timeout_s=60, load_timeout_s=120) as process:
        alone = [process.search({"id": "alone", "text": text, "top": 3})["hits"] for text in texts]
        answers = process.search_many(requests)
    assert sum(len(json.dumps(answer, ensure_ascii=False)) for answer in answers) > 1_000_000
    assert [answer["id"] for answer in answers] == [request["id"] for request in requests]
    for n, answer in enumerate(answers):
        assert answer["hits"] == alone[n % 3], n


def test_a_bad_request_is_an_answer_not_a_failure(duijie_binary: str, shard_file: str) -> None:
    with ShardProcess(duijie_binary, shard_file, load_timeout_s=120) as process:
        refused = process.search({"id": "x", "text": "锂", "top": 0})
        assert refused["id"] == "x" and refused["error"].startswith("request field `top`") and "hits" not in refused
        assert process.search({"id": "y", "text": "锂电池"})["hits"]
        assert process.is_alive()


def test_a_server_killed_between_requests(duijie_binary: str, shard_file: str) -> None:
    process = ShardProcess(duijie_binary, shard_file, load_timeout_s=120)
    process.info()
    os.kill(process.pid, signal.SIGKILL)
    with pytest.raises(ShardProcessDied, match=r"shard-2-of-3\.index: the shard server exited with code -9"):
        process.search({"id": "k", "text": "锂"})
    assert not process.is_alive()


def test_load_failure_reports_the_servers_stderr(duijie_binary: str, shard_file: str, tmp_path: Path) -> None:
    broken = truncated_copy(shard_file, tmp_path / "shard-2-of-3.index")
    process = ShardProcess(duijie_binary, broken, load_timeout_s=120)
    with pytest.raises(ShardProcessDied, match=r"exited with code 1 before answering; stderr: .*shard-2-of-3\.index: truncated"):
        process.info()
    process = ShardProcess(duijie_binary, str(tmp_path / "nothing.index"), load_timeout_s=120)
    with pytest.raises(ShardProcessDied, match=r"exited with code 1 .*stderr: .*nothing\.index: cannot read the index"):
        process.info()


def test_a_binary_that_does_not_exist(shard_file: str) -> None:
    with pytest.raises(ShardProcessDied, match="cannot start /nonexistent/duijie"):
        ShardProcess("/nonexistent/duijie", shard_file)


def test_errors_survive_pickling() -> None:
    """Ray sends an actor's exception to the coordinator pickled."""
    import pickle

    error = pickle.loads(pickle.dumps(ShardTimeoutError("/x/shard-1-of-3.index", "no answer within 1 s")))
    assert isinstance(error, ShardProcessError) and error.shard_file == "/x/shard-1-of-3.index"
    assert str(error) == "shard /x/shard-1-of-3.index: no answer within 1 s"


def test_the_actor_policy_fails_the_call_then_serves_from_a_fresh_server(duijie_binary: str, shard_file: str) -> None:
    pytest.importorskip("ray", reason="duijie_ray.actors imports ray")
    from duijie_ray.actors import ShardServer

    server = ShardServer(duijie_binary, shard_file, timeout_s=30, load_timeout_s=120)
    first = server.process_pid()
    assert server.info()["shard"] == 1
    before = server.search({"id": "a", "text": "锂电池回收"})["hits"]
    os.kill(first, signal.SIGKILL)
    with pytest.raises(ShardProcessDied, match=r"shard-2-of-3\.index"):
        server.search({"id": "b", "text": "锂电池回收"})
    assert server.restarts == 1 and server.process_pid() != first
    assert server.search({"id": "c", "text": "锂电池回收"})["hits"] == before
    server.close()
    with pytest.raises(ShardProcessError, match="closed"):
        server.info()


# -- faults the real server cannot be made to show: tests/misbehaving_shard_serve.py ------------


def misbehaving(tmp_path: Path, duijie_binary: str, shard_file: str, **faults: object) -> str:
    return misbehaving_shard(tmp_path / "misbehaving-shard-2.json", duijie_binary, shard_file, **faults)


def test_timeout_names_the_shard_and_kills_the_server(tmp_path: Path, duijie_binary: str, shard_file: str) -> None:
    process = ShardProcess(str(MISBEHAVING_SERVER), misbehaving(tmp_path, duijie_binary, shard_file), timeout_s=0.5, load_timeout_s=120)
    assert process.info()["shard"] == 1  # the real server behind it answered
    started = time.monotonic()
    with pytest.raises(ShardTimeoutError, match=r"shard .*misbehaving-shard-2\.json: no answer within 0\.5 s"):
        process.search({"id": "h", "text": "@hang"})
    assert time.monotonic() - started < 5
    assert not process.is_alive()
    with pytest.raises(ShardProcessDied, match="unusable"):
        process.info()


def test_a_server_that_exits_mid_request(tmp_path: Path, duijie_binary: str, shard_file: str) -> None:
    process = ShardProcess(str(MISBEHAVING_SERVER), misbehaving(tmp_path, duijie_binary, shard_file), load_timeout_s=120)
    assert process.search({"id": "ok", "text": "锂电池"})["hits"]
    with pytest.raises(ShardProcessDied, match=r"misbehaving-shard-2\.json: the shard server exited with code 3"):
        process.search({"id": "e", "text": "@exit"})


def test_an_answer_that_is_not_json(tmp_path: Path, duijie_binary: str, shard_file: str) -> None:
    process = ShardProcess(str(MISBEHAVING_SERVER), misbehaving(tmp_path, duijie_binary, shard_file), load_timeout_s=120)
    with pytest.raises(ShardProtocolError, match="answer is not JSON: 'this is not json"):
        process.search({"id": "g", "text": "@garbage"})
    assert not process.is_alive()


def test_load_timeout_is_separate_from_the_answer_timeout(tmp_path: Path, duijie_binary: str, shard_file: str) -> None:
    slow = misbehaving(tmp_path, duijie_binary, shard_file, loadDelay=1.0)
    process = ShardProcess(str(MISBEHAVING_SERVER), slow, timeout_s=0.3, load_timeout_s=30)
    assert process.info()["shard"] == 1  # waited for the load beyond timeout_s
    process.close()
    process = ShardProcess(str(MISBEHAVING_SERVER), slow, timeout_s=30, load_timeout_s=0.3)
    with pytest.raises(ShardTimeoutError, match="no first answer \\(loading the index\\) within 0.3 s"):
        process.info()


def test_a_long_load_that_fails_reports_the_servers_stderr(tmp_path: Path, duijie_binary: str, shard_file: str) -> None:
    # The demo shards fail to load at once; a large index can fail at the end of a load
    # longer than the answer timeout, which must not turn the failure into a timeout.
    failing = misbehaving(tmp_path, duijie_binary, shard_file, loadDelay=1.0, failLoad="injected: the load failed after 1 s")
    process = ShardProcess(str(MISBEHAVING_SERVER), failing, timeout_s=0.3, load_timeout_s=30)
    with pytest.raises(ShardProcessDied, match=r"exited with code 1 before answering; stderr: injected: the load failed after 1 s"):
        process.info()
