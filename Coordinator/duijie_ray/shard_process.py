"""One `duijie shard-serve FILE` child process and its JSON-lines conversation.

The server answers exactly one line per request line, in order. This module owns that
stream: it writes requests, reads the answers with a bound on the wait, and turns every way
the conversation can break (the process exits, stops answering, or answers out of step) into
a `ShardProcessError` that names the shard file, so a caller never has to guess which of many
shards failed.

A reader thread moves stdout lines into a queue; waiting on the queue with a timeout is what
bounds a read (a plain `readline()` on a pipe cannot be given one). A second thread drains
stderr into a short ring buffer, for two reasons: an unread stderr pipe would fill and stall
the server, and its last lines usually say why a load failed.
"""

from __future__ import annotations

import collections
import json
import queue
import subprocess
import threading
from typing import Any, Deque, Iterable, Mapping, NoReturn, Optional, Sequence

__all__ = [
    "ShardProcess",
    "ShardProcessError",
    "ShardProcessDied",
    "ShardTimeoutError",
    "ShardProtocolError",
]

# Marks the end of the server's stdout in the line queue.
_EOF = object()


class ShardProcessError(RuntimeError):
    """The conversation with one shard server failed; the message names its file."""

    def __init__(self, shard_file: str, message: str) -> None:
        super().__init__(f"shard {shard_file}: {message}")
        self.shard_file = shard_file
        self.reason = message

    def __reduce__(self) -> tuple:
        # Ray pickles an actor's exception to send it to the caller; the default reduction
        # would rebuild it from the one formatted message and miss an argument.
        return (type(self), (self.shard_file, self.reason))


class ShardProcessDied(ShardProcessError):
    """The server exited (or closed its stdout) before answering."""


class ShardTimeoutError(ShardProcessError):
    """The server did not answer within the allowed time."""


class ShardProtocolError(ShardProcessError):
    """The server answered something that is not the expected JSON line."""


class ShardProcess:
    """A running `duijie shard-serve FILE`, spoken to one JSON object per line.

    The process starts in the constructor and loads its index in the background; the first
    answer therefore may take as long as the load, so it is waited for up to
    `load_timeout_s`, and every later answer up to `timeout_s`.

    After any failure (timeout, death, an answer out of step) the instance is *broken*: the
    stream can no longer be trusted to pair requests with answers, so the process is killed
    and every later call raises at once. Callers that want to go on start a new instance
    (see `ShardActor`).
    """

    def __init__(
        self,
        binary: str,
        shard_file: str,
        timeout_s: float = 30.0,
        load_timeout_s: float = 300.0,
        stderr_lines: int = 20,
    ) -> None:
        """Starts `binary shard-serve shard_file`.

        Raises `ShardProcessDied` if the binary cannot be started at all.
        """
        self.binary = binary
        self.shard_file = shard_file
        self.timeout_s = timeout_s
        self.load_timeout_s = load_timeout_s
        self._answered_once = False
        self._broken: Optional[str] = None
        self._lines: "queue.Queue[object]" = queue.Queue()
        self._stderr_tail: Deque[str] = collections.deque(maxlen=stderr_lines)
        try:
            self._process = subprocess.Popen(
                [binary, "shard-serve", shard_file],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",  # a stray byte must not kill the reader thread
                bufsize=1,  # line buffered: each request line reaches the server at once
            )
        except OSError as error:
            raise ShardProcessDied(shard_file, f"cannot start {binary}: {error}") from error
        self._stdout_thread = threading.Thread(
            target=self._pump_stdout, name=f"shard-stdout:{shard_file}", daemon=True
        )
        self._stderr_thread = threading.Thread(
            target=self._pump_stderr, name=f"shard-stderr:{shard_file}", daemon=True
        )
        self._stdout_thread.start()
        self._stderr_thread.start()

    # -- public API ---------------------------------------------------------------------------

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self._process.pid

    def is_alive(self) -> bool:
        """Whether the server is running and its stream still usable."""
        return self._broken is None and self._process.poll() is None

    def info(self) -> dict:
        """The shard's `info` answer (which rows it holds, its plan and corpus)."""
        return self.request({"op": "info"})

    def request(self, message: Mapping[str, Any]) -> dict:
        """Sends one request object and returns its answer."""
        return self.request_many([message])[0]

    def search(self, request: Mapping[str, Any]) -> dict:
        """Runs one search request; returns the answer (hits, or `error` for a bad request)."""
        return self.request(request)

    def search_many(self, requests: Sequence[Mapping[str, Any]]) -> list[dict]:
        """Runs many search requests, pipelined.

        All request lines are written before any answer is read, so the server never waits
        for a round trip between two queries; the answers come back in request order.
        """
        return self.request_many(requests)

    def request_many(self, messages: Sequence[Mapping[str, Any]]) -> list[dict]:
        """Writes every message as one line, then reads one answer line per message."""
        self._check_usable()
        lines = [json.dumps(message, ensure_ascii=False) + "\n" for message in messages]
        if not lines:
            return []
        # Writing in a thread of its own keeps a large batch from deadlocking: the server
        # stops reading stdin while its stdout is full, so reading must go on while we write.
        writer = threading.Thread(target=self._write_all, args=(lines,), daemon=True)
        writer.start()
        answers: list[dict] = []
        try:
            for message in messages:
                answer = self._read_answer()
                self._check_pairing(message, answer)
                answers.append(answer)
        finally:
            writer.join(timeout=1.0)
        return answers

    def close(self, grace_s: float = 5.0) -> Optional[int]:
        """Ends the server: closes its stdin (it exits on EOF), kills it if it lingers.

        Returns its exit code. Safe to call more than once.
        """
        if self._broken is None:
            self._broken = "closed"
        try:
            if self._process.stdin and not self._process.stdin.closed:
                self._process.stdin.close()
        except OSError:
            pass  # the server already went away; nothing is left to flush
        try:
            return self._process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            self._process.kill()
            return self._process.wait()

    def kill(self) -> None:
        """Kills the server at once (used when its stream can no longer be trusted)."""
        try:
            self._process.kill()
        except OSError:
            pass
        try:
            self._process.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            pass

    def stderr_tail(self) -> str:
        """The last lines the server wrote on stderr (what it said before failing)."""
        return "".join(self._stderr_tail).strip()

    def __enter__(self) -> "ShardProcess":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------------------

    def _check_usable(self) -> None:
        if self._broken is not None:
            raise ShardProcessDied(self.shard_file, f"the shard server is unusable ({self._broken})")
        code = self._process.poll()
        if code is not None:
            self._fail(ShardProcessDied, f"the shard server exited with code {code}")

    def _write_all(self, lines: Iterable[str]) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            for line in lines:
                stdin.write(line)
            stdin.flush()
        except (OSError, ValueError):
            # A broken pipe means the server died; the reader sees its EOF and reports it
            # with the exit code, which says more than EPIPE does.
            pass

    def _read_answer(self) -> dict:
        wait = self.timeout_s if self._answered_once else self.load_timeout_s
        try:
            item = self._lines.get(timeout=wait)
        except queue.Empty:
            phase = "answer" if self._answered_once else "first answer (loading the index)"
            self._fail(ShardTimeoutError, f"no {phase} within {wait:g} s")
        if item is _EOF:
            code = self._wait_exit_code()
            self._fail(ShardProcessDied, f"the shard server exited with code {code} before answering")
        assert isinstance(item, str)
        try:
            answer = json.loads(item)
        except json.JSONDecodeError:
            self._fail(ShardProtocolError, f"answer is not JSON: {item[:200]!r}")
        if not isinstance(answer, dict):
            self._fail(ShardProtocolError, f"answer is not a JSON object: {item[:200]!r}")
        self._answered_once = True
        return answer

    def _check_pairing(self, message: Mapping[str, Any], answer: Mapping[str, Any]) -> None:
        """Refuses an answer that belongs to another request: the stream is out of step."""
        if message.get("op") == "info":
            if answer.get("op") != "info" and "error" not in answer:
                self._fail(ShardProtocolError, f"expected an info answer, got {json.dumps(answer)[:200]}")
            return
        expected = message.get("id")
        # An unreadable id is answered with null; we only ever send string ids.
        if isinstance(expected, str) and answer.get("id") != expected:
            self._fail(
                ShardProtocolError,
                f"answer for id {answer.get('id')!r} where {expected!r} was expected",
            )

    def _wait_exit_code(self) -> Optional[int]:
        try:
            return self._process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            return None

    def _fail(self, kind: type, message: str) -> NoReturn:
        """Marks the stream broken, kills the server and raises `kind` with its stderr tail."""
        self._broken = message
        self.kill()
        self._stderr_thread.join(timeout=1.0)
        tail = self.stderr_tail()
        if tail:
            message = f"{message}; stderr: {tail}"
        raise kind(self.shard_file, message)

    def _pump_stdout(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            for line in stdout:
                self._lines.put(line)
        except (OSError, ValueError):
            pass  # the pipe was closed under us by kill(); EOF follows
        finally:
            self._lines.put(_EOF)

    def _pump_stderr(self) -> None:
        stderr = self._process.stderr
        assert stderr is not None
        try:
            for line in stderr:
                self._stderr_tail.append(line)
        except (OSError, ValueError):
            pass
