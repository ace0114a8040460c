"""Faults in a 3-shard deployment: the coordinator keeps answering, says which shard is
missing while it is down, and returns to full answers once the shard is back.

Two faults, recovered at different levels (see duijie_ray/actors.py):
* the actor's worker process is SIGKILLed: Ray restarts the actor, whose __init__ starts a
  fresh `duijie shard-serve`;
* the `duijie shard-serve` process alone is SIGKILLed: the actor's next call fails (the
  shard is reported missing for it) and the actor has already started a replacement server,
  so the call after is answered in full.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from helpers import demo_demands

ray = pytest.importorskip("ray", reason="ray is not installed (pip install -r Coordinator/requirements.txt)")

from duijie_ray.batch import BatchOptions, demand_request  # noqa: E402
from duijie_ray.coordinator import Coordinator  # noqa: E402
from duijie_ray.merge import merge  # noqa: E402

VICTIM = 1  # the shard whose processes are killed
RECOVERY_BOUND_S = 60.0
QUERY_TIMEOUT_S = 5.0


@pytest.fixture(scope="module")
def deployment(ray_cluster: object, duijie_binary: str, demo_indexes):
    with Coordinator(demo_indexes.plan, duijie_binary, timeout_s=QUERY_TIMEOUT_S, load_timeout_s=120) as running:
        yield running


@pytest.fixture(scope="module")
def requests() -> list[dict]:
    # A batch big enough that each scatter takes a while, so the kill lands during one.
    return [demand_request(demand, BatchOptions(top=10)) for demand in demo_demands()[:40]]


def ranking(results: list[dict]) -> list[list[tuple[str, float]]]:
    return [[(hit["id"], hit["score"]) for hit in result["hits"]] for result in results]


def expected_without(deployment: Coordinator, requests: list[dict], missing: int) -> list[list[tuple[str, float]]]:
    """What a partial answer must be: the exact merge of the other shards' own answers."""
    own = {shard: ray.get(actor.search_many.remote(requests)) for shard, actor in enumerate(deployment.actors) if shard != missing}
    return ranking([{"hits": merge({shard: answers[n] for shard, answers in own.items()}, 10)} for n in range(len(requests))])


def burst_until_recovered(deployment: Coordinator, requests: list[dict], full: list, partial: list, kill) -> dict:
    """Queries back to back, runs `kill` during one of the queries, and stops after five full
    answers following the partial ones (a partial answer after recovery fails the test).
    Returns how many answers of each kind were seen and how long recovery took."""
    seen = {"partial": 0, "full_before": 0, "full_after": 0, "recovered_after_s": None}
    killed_at: list[float] = []
    in_call = threading.Event()
    stopping = threading.Event()

    def kill_during_a_call() -> None:
        # Killing while a scatter is in flight makes that scatter's loss certain; between two
        # scatters, Ray might already know of the death and hold the next call for the new actor.
        in_call.wait()
        if stopping.is_set():
            return
        killed_at.append(time.monotonic())
        kill()

    killer = threading.Timer(0.5, kill_during_a_call)
    started = time.monotonic()
    killer.start()
    try:
        while time.monotonic() - started < RECOVERY_BOUND_S + 1.0:
            in_call.set()
            results = deployment.search_many(requests)
            in_call.clear()
            is_partial = [result["partial"] for result in results]
            if any(is_partial):
                assert not seen["full_after"], "the shard went missing again after it had recovered"
                assert all(is_partial), "a scatter's requests all go to the same shards"
                assert {tuple(result["missingShards"]) for result in results} == {(VICTIM,)}
                assert ranking(results) == partial, "a partial answer is the exact merge of the other shards"
                seen["partial"] += 1
                continue
            assert ranking(results) == full
            if seen["partial"]:
                seen["full_after"] += 1
                if seen["recovered_after_s"] is None:
                    seen["recovered_after_s"] = round(time.monotonic() - killed_at[0], 2)
                if seen["full_after"] >= 5:
                    break
            else:
                seen["full_before"] += 1
    finally:
        stopping.set()
        in_call.set()  # never leave the killer waiting
        killer.cancel()
        killer.join()
    return seen


def test_killing_an_actor_worker(deployment: Coordinator, requests: list[dict]) -> None:
    full = ranking(deployment.search_many(requests))
    partial = expected_without(deployment, requests, VICTIM)
    assert partial != full  # the victim holds some of the top 10s, so the test can see it missing
    old_pid = ray.get(deployment.actors[VICTIM].pid.remote())
    old_server = ray.get(deployment.actors[VICTIM].process_pid.remote())

    seen = burst_until_recovered(deployment, requests, full, partial, lambda: os.kill(old_pid, signal.SIGKILL))

    assert seen["partial"] >= 1, f"the dead shard was never reported missing: {seen}"
    assert seen["full_after"] >= 5, f"no full answers within {RECOVERY_BOUND_S:g} s after the kill: {seen}"
    assert seen["recovered_after_s"] <= RECOVERY_BOUND_S
    new_pid = ray.get(deployment.actors[VICTIM].pid.remote())
    assert new_pid != old_pid, "Ray restarted the actor in a new worker"
    new_server = ray.get(deployment.actors[VICTIM].process_pid.remote())
    assert new_server != old_server, "the restarted actor started its own shard server"
    # The old server saw EOF when its parent died and exited by itself.
    assert _gone_within(old_server, 10.0), f"the old shard server {old_server} is still running"
    print(f"\nactor kill: {seen}")


def test_killing_the_shard_server(deployment: Coordinator, requests: list[dict]) -> None:
    full = ranking(deployment.search_many(requests))
    partial = expected_without(deployment, requests, VICTIM)
    actor = deployment.actors[VICTIM]
    actor_pid = ray.get(actor.pid.remote())
    server = ray.get(actor.process_pid.remote())
    restarts = ray.get(actor.restarts.remote())

    os.kill(server, signal.SIGKILL)
    started = time.monotonic()
    first = deployment.search_many(requests)
    assert all(result["missingShards"] == [VICTIM] and result["partial"] for result in first)
    assert ranking(first) == partial
    assert "ShardProcessDied" in deployment.last_failures[VICTIM], deployment.last_failures
    # The actor started a replacement while reporting the failure: the next calls are full.
    while True:
        results = deployment.search_many(requests)
        if not any(result["partial"] for result in results) or time.monotonic() - started > RECOVERY_BOUND_S:
            break
    assert ranking(results) == full
    print(f"\nserver kill: full again after {time.monotonic() - started:.2f} s")
    assert ray.get(actor.pid.remote()) == actor_pid, "the actor itself was not restarted"
    assert ray.get(actor.process_pid.remote()) != server
    assert ray.get(actor.restarts.remote()) == restarts + 1


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                if handle.read().split(") ", 1)[1].startswith("Z"):
                    return True  # exited; only its parent's bookkeeping is left
        except FileNotFoundError:
            return True
        time.sleep(0.1)
    return False
