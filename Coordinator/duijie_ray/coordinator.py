"""Scatter a query to every shard actor, gather with a deadline, merge exactly.

The coordinator never fails a query because a shard failed: a shard that raises (its actor
died or is restarting, its server died, it timed out, it answered out of step) is listed in
the result's `missingShards`, and the hits are the exact merge of the shards that did answer,
flagged `partial`. Only a deployment that is wrong from the start (a plan that does not
match its shard files, a binary that cannot load them) is an error, raised by the constructor.
"""

from __future__ import annotations

import logging
from typing import Any, Mapping, Optional, Sequence

import ray

from .actors import ShardActor
from .binary import resolve_binary
from .merge import merge, merge_limited
from .plan import Plan, check_info, load_plan

__all__ = ["Coordinator", "ShardStartError", "DEFAULT_TOP"]

logger = logging.getLogger(__name__)

# The protocol's default `top` when a request does not give one, and its largest.
DEFAULT_TOP = 10
MAXIMUM_TOP = 10_000


class ShardStartError(RuntimeError):
    """A shard server could not load its file when the deployment started."""


class Coordinator:
    """A sharded deployment served by one Ray actor per shard.

    Ray must be initialised before a coordinator is created (see `duijie_ray.cluster`).
    """

    def __init__(
        self,
        plan_path_or_index: str,
        duijie_binary: Optional[str] = None,
        timeout_s: float = 30.0,
        load_timeout_s: float = 300.0,
        spread: bool = False,
    ) -> None:
        """Starts one actor per shard and checks each shard's `info` against the plan.

        `timeout_s` bounds each scatter (one `search` or one `search_many` call) and each
        server's answer; `load_timeout_s` bounds the loading of an index at start. With
        `spread`, actors are placed on as many nodes as possible (for a multi-machine
        cluster; shard files and the binary must then exist at the same paths on every node).

        Raises `PlanError` for a bad plan, `PlanMismatchError` when a shard does not match
        it, `ShardStartError` when a server cannot load its file (or not in time), and
        `BinaryNotFound` when there is no duijie binary.
        """
        if not ray.is_initialized():
            raise RuntimeError("ray is not initialised: call duijie_ray.cluster.start_ray() or ray.init() first")
        self.plan: Plan = load_plan(plan_path_or_index)
        self.binary = resolve_binary(duijie_binary)
        self.timeout_s = timeout_s
        self.load_timeout_s = load_timeout_s
        self.last_failures: dict[int, str] = {}
        options: dict[str, Any] = {}
        if spread:
            options["scheduling_strategy"] = "SPREAD"
        self.actors = [
            ShardActor.options(**options).remote(self.binary, shard.file, timeout_s, load_timeout_s)
            for shard in self.plan.shards
        ]
        try:
            self.infos = self._check_shards()
        except BaseException:
            self.shutdown()
            raise

    # -- queries ------------------------------------------------------------------------------

    @property
    def shard_count(self) -> int:
        """How many shards the deployment has."""
        return len(self.plan.shards)

    def search(self, request: Mapping[str, Any], timeout_s: Optional[float] = None) -> dict:
        """One query, answered by every shard and merged.

        Returns `{"id", "hits", "missingShards", "partial"}`; a request every shard refused
        (a bad field) has `error` instead of hits.
        """
        return self.search_many([request], timeout_s)[0]

    def search_many(self, requests: Sequence[Mapping[str, Any]], timeout_s: Optional[float] = None) -> list[dict]:
        """A batch of queries: one call per shard carrying all of them, then one merge each.

        `timeout_s` (default: the coordinator's) bounds the whole scatter, so choose it for
        the batch's size.
        """
        requests = [dict(request) for request in requests]
        if not requests:
            return []
        wait = self.timeout_s if timeout_s is None else timeout_s
        answers, failures = self._scatter({shard: requests for shard in range(len(self.actors))}, wait)
        self._fetch_until_limits_are_exact(requests, answers, failures, wait)
        self.last_failures = failures
        for shard, reason in sorted(failures.items()):
            logger.warning("shard %d (%s) missing: %s", shard, self.plan.shards[shard].file, reason)
        return [self._merge_one(position, request, answers, failures) for position, request in enumerate(requests)]

    def _scatter(self, requests_by_shard: Mapping[int, list[dict]], wait: float) -> tuple[dict[int, list[dict]], dict[int, str]]:
        """Sends each shard its requests in one call; its answers, or why it has none."""
        refs = {shard: self.actors[shard].search_many.remote(requests) for shard, requests in requests_by_shard.items()}
        ready, _ = ray.wait(list(refs.values()), num_returns=len(refs), timeout=wait)
        ready_set = set(ready)
        answers: dict[int, list[dict]] = {}
        failures: dict[int, str] = {}
        for shard, ref in refs.items():
            if ref not in ready_set:
                failures[shard] = f"no answer within {wait:g} s"
                continue
            try:
                shard_answers = ray.get(ref)
            except Exception as error:  # any shard failure is a missing shard, never a crash
                failures[shard] = _describe(error)
                continue
            problem = _check_answers(shard, requests_by_shard[shard], shard_answers)
            if problem:
                failures[shard] = problem
            else:
                answers[shard] = shard_answers
        return answers, failures

    def _fetch_until_limits_are_exact(self, requests: list[dict], answers: dict[int, list[dict]], failures: dict[int, str], wait: float) -> None:
        """For requests with `maxPerInstitution`, asks the shards whose every hit the global
        limit walked past for more (twice as many each round) until the merge is exact."""
        asked = {(position, shard): int(request.get("top", DEFAULT_TOP))
                 for position, request in enumerate(requests) if "maxPerInstitution" in request for shard in answers}
        while True:
            again: dict[int, list[tuple[int, dict]]] = {}
            for position, request in enumerate(requests):
                if "maxPerInstitution" not in request:
                    continue
                hits = {shard: shard_answers[position].get("hits", []) for shard, shard_answers in answers.items()
                        if "error" not in shard_answers[position]}
                requested = {shard: asked[(position, shard)] for shard in hits}
                _, short = merge_limited(hits, requested, int(request.get("top", DEFAULT_TOP)), int(request["maxPerInstitution"]))
                for shard in short:
                    if asked[(position, shard)] >= MAXIMUM_TOP:
                        continue  # the protocol's largest list; the shard has given all it can
                    asked[(position, shard)] = min(MAXIMUM_TOP, asked[(position, shard)] * 2)
                    again.setdefault(shard, []).append((position, dict(request, top=asked[(position, shard)])))
            if not again:
                return
            more, lost = self._scatter({shard: [request for _, request in entries] for shard, entries in again.items()}, wait)
            for shard, reason in lost.items():
                failures[shard] = reason
                answers.pop(shard, None)
            for shard, shard_answers in more.items():
                for (position, _), answer in zip(again[shard], shard_answers):
                    answers[shard][position] = answer

    def shutdown(self) -> None:
        """Stops every shard server and its actor (for good: Ray does not restart them)."""
        actors, self.actors = self.actors, []
        closing = [actor.close.remote() for actor in actors]
        # Closing lets each server exit cleanly on EOF; a dead or stuck actor is killed anyway.
        ray.wait(closing, num_returns=len(closing), timeout=5.0)
        for actor in actors:
            try:
                ray.kill(actor, no_restart=True)
            except Exception:  # already gone
                pass

    def __enter__(self) -> "Coordinator":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()

    # -- internals ----------------------------------------------------------------------------

    def _check_shards(self) -> list[dict]:
        refs = [actor.info.remote() for actor in self.actors]
        ready, _ = ray.wait(refs, num_returns=len(refs), timeout=self.load_timeout_s)
        ready_set = set(ready)
        infos = []
        for shard, ref in zip(self.plan.shards, refs):
            if ref not in ready_set:
                raise ShardStartError(f"shard {shard.index} ({shard.file}) did not load within {self.load_timeout_s:g} s")
            try:
                info = ray.get(ref)
            except Exception as error:
                raise ShardStartError(f"shard {shard.index} ({shard.file}) could not start: {_describe(error)}") from error
            check_info(self.plan, shard, info)
            infos.append(info)
        return infos

    def _merge_one(
        self,
        position: int,
        request: Mapping[str, Any],
        answers: Mapping[int, list[dict]],
        failures: Mapping[int, str],
    ) -> dict:
        missing = set(failures)
        good: dict[int, dict] = {}
        errors: dict[int, str] = {}
        for shard, shard_answers in answers.items():
            answer = shard_answers[position]
            if "error" in answer:
                errors[shard] = str(answer["error"])
            else:
                good[shard] = answer
        result: dict[str, Any] = {"id": request.get("id")}
        if errors and not good:
            # Every shard that answered refused the request: the request is at fault.
            result["error"] = errors[min(errors)]
            result["hits"] = []
        else:
            # Shards agree on what is valid, so one refusing alone is a shard fault.
            for shard, message in errors.items():
                logger.warning("shard %d refused request %r that others answered: %s", shard, request.get("id"), message)
            missing |= set(errors)
            top = int(request.get("top", DEFAULT_TOP))
            if "maxPerInstitution" in request:
                hits = {shard: answer["hits"] for shard, answer in good.items()}
                result["hits"] = merge_limited(hits, {shard: len(h) for shard, h in hits.items()}, top, int(request["maxPerInstitution"]))[0]
            else:
                result["hits"] = merge(good, top)
        result["missingShards"] = sorted(missing)
        result["partial"] = bool(missing)
        return result


def _check_answers(shard: int, requests: Sequence[Mapping[str, Any]], answers: Any) -> Optional[str]:
    """Why a shard's answers cannot be used, or None when they can."""
    if not isinstance(answers, list) or len(answers) != len(requests):
        return f"expected {len(requests)} answers, got {answers!r:.200}"
    for request, answer in zip(requests, answers):
        if "error" in answer:
            continue
        if answer.get("shard") != shard:
            return f"an answer claims to come from shard {answer.get('shard')!r}"
        if answer.get("id") != request.get("id"):
            return f"answer for id {answer.get('id')!r} where {request.get('id')!r} was expected"
    return None


def _describe(error: BaseException) -> str:
    """A one-line reason for a shard failure (Ray's task errors carry a long traceback)."""
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        return f"{type(cause).__name__}: {cause}"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
