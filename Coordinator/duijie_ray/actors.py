"""The Ray actor that owns one shard server.

Two things can die, and each is recovered at its own level:

* The actor's worker process. Ray restarts the actor (`max_restarts=-1`); the new actor's
  `__init__` starts a fresh `duijie shard-serve`. The old server sees EOF on its stdin when
  its parent dies and exits by itself. Calls are not retried (`max_task_retries=0`): a query
  in flight when the worker died is reported as a missing shard by the coordinator rather
  than silently re-run late.

* The shard server (the `duijie` child) alone. The actor notices on its next call: the
  process has exited, or it exits/stops answering during the call. That call fails with a
  `ShardProcessError` naming the shard file, so the coordinator reports the shard missing
  for exactly those queries (a crash is an incident an operator should see, not something
  to paper over). Before raising, the actor has already started a replacement server, which
  loads its index while the error travels back, so the *next* call is answered in full.

Servers are started with `Popen`, which returns at once; the index loads in the child, and
the first answer is waited for up to `load_timeout_s`.
"""

from __future__ import annotations

import os
from typing import Any, Mapping, Optional, Sequence

import ray

from .shard_process import ShardProcess, ShardProcessError

__all__ = ["ShardActor", "ShardServer"]


class ShardServer:
    """A shard server that replaces its process after a failure (the actor's logic, without Ray).

    Kept apart from the Ray decorator so the restart policy can be tested in-process.
    """

    def __init__(self, binary: str, shard_file: str, timeout_s: float = 30.0, load_timeout_s: float = 300.0) -> None:
        self.binary = binary
        self.shard_file = shard_file
        self.timeout_s = timeout_s
        self.load_timeout_s = load_timeout_s
        self.restarts = 0
        self._closed = False
        self._process: Optional[ShardProcess] = None
        self._start()

    def info(self) -> dict:
        """The server's `info` answer."""
        return self._call(lambda process: process.info())

    def search_many(self, requests: Sequence[Mapping[str, Any]]) -> list[dict]:
        """Answers every request, pipelined, in order."""
        return self._call(lambda process: process.search_many(requests))

    def search(self, request: Mapping[str, Any]) -> dict:
        """Answers one request."""
        return self.search_many([request])[0]

    def process_pid(self) -> int:
        """The current `duijie shard-serve` process's id."""
        if self._process is None:
            self._start()
        assert self._process is not None
        return self._process.pid

    def close(self) -> None:
        """Stops the server for good."""
        self._closed = True
        if self._process is not None:
            self._process.close()
            self._process = None

    def _start(self) -> None:
        self._process = ShardProcess(self.binary, self.shard_file, self.timeout_s, self.load_timeout_s)

    def _call(self, operation: Any) -> Any:
        if self._closed:
            raise ShardProcessError(self.shard_file, "the shard server was closed")
        if self._process is None:
            self._start()  # an earlier restart could not start it; try again, or say why
        process = self._process
        assert process is not None
        try:
            return operation(process)
        except ShardProcessError:
            # The failed server is already killed (ShardProcess does that on any failure);
            # start its replacement now so it loads while this error is reported.
            self.restarts += 1
            try:
                self._start()
            except ShardProcessError:
                self._process = None  # cannot even start: every later call says so
            raise


@ray.remote(max_restarts=-1, max_task_retries=0, num_cpus=0)
class ShardActor:
    """One shard server inside a Ray actor; the index is loaded once per server process."""

    def __init__(self, binary: str, shard_file: str, timeout_s: float = 30.0, load_timeout_s: float = 300.0) -> None:
        self._server = ShardServer(binary, shard_file, timeout_s, load_timeout_s)

    def info(self) -> dict:
        """The server's `info` answer (waits for the index to load)."""
        return self._server.info()

    def search_many(self, requests: Sequence[Mapping[str, Any]]) -> list[dict]:
        """Answers every request in order (one pipelined exchange with the server)."""
        return self._server.search_many(requests)

    def pid(self) -> int:
        """The actor worker's process id (to kill it in fault tests)."""
        return os.getpid()

    def process_pid(self) -> int:
        """The shard server's process id (to kill it in fault tests)."""
        return self._server.process_pid()

    def restarts(self) -> int:
        """How many times this actor instance replaced its shard server."""
        return self._server.restarts

    def close(self) -> None:
        """Stops the shard server (before the actor is killed)."""
        self._server.close()
