#!/usr/bin/env python3
"""Shard-server faults that the real `duijie shard-serve` cannot be made to show on request.

This script exists only to inject these faults; every normal behaviour is tested against the
real `duijie shard-serve`:

- hang: a request whose `text` is "@hang" is never answered;
- exit mid-request: a request whose `text` is "@exit" makes it exit with code 3, unanswered;
- an answer that is not JSON: a request whose `text` is "@garbage" is answered "this is not json";
- a slow load: `"loadDelay": SECONDS` in FILE delays the start;
- a failed load: `"failLoad": MESSAGE` in FILE prints MESSAGE on stderr and exits with code 1
  (after the delay, if any: a long load that fails at its end).

Usage: misbehaving_shard_serve.py shard-serve FILE, where FILE is JSON:
{"duijie": BINARY, "shard": SHARD_FILE, "loadDelay": SECONDS, "failLoad": MESSAGE}.
It has no protocol of its own: every line that is not one of the triggers above goes, as it is,
to a real `BINARY shard-serve SHARD_FILE` child, whose answer comes back unchanged; end of input
ends both (the child also sees end of input when this process dies, however it dies).
"""

import json
import subprocess
import sys
import time

TRIGGERS = ("@hang", "@exit", "@garbage")


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] != "shard-serve":
        print("usage: misbehaving_shard_serve.py shard-serve FILE", file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as handle:
        spec = json.load(handle)
    time.sleep(spec.get("loadDelay", 0))
    if spec.get("failLoad"):
        print(spec["failLoad"], file=sys.stderr)
        return 1
    # The real server; its stderr is this process's, so its own load errors show through.
    server = subprocess.Popen(
        [spec["duijie"], "shard-serve", spec["shard"]],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1,
    )
    for line in sys.stdin:
        trigger = fault_of(line)
        if trigger == "@hang":
            time.sleep(3600)
        elif trigger == "@exit":
            return 3
        elif trigger == "@garbage":
            answer = "this is not json\n"
        else:
            server.stdin.write(line if line.endswith("\n") else line + "\n")
            server.stdin.flush()
            answer = server.stdout.readline()
            if not answer:  # the real server ended: end the same way
                return server.wait()
        sys.stdout.write(answer)
        sys.stdout.flush()
    server.stdin.close()
    return server.wait()


def fault_of(line: str):
    """The trigger a request line carries, or None for a line the real server must answer."""
    try:
        request = json.loads(line)
    except ValueError:
        return None
    text = request.get("text") if isinstance(request, dict) else None
    return text if text in TRIGGERS else None


if __name__ == "__main__":
    sys.exit(main())
