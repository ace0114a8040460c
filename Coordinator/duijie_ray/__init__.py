"""duijie_ray: serve a sharded Duijie index with Ray.

One Ray actor per shard runs `duijie shard-serve FILE` (a JSON-lines protocol on stdin and
stdout); a `Coordinator` scatters each query to every shard, gathers the answers with a
deadline and merges them exactly, reporting shards that did not answer instead of failing.
"""

from .merge import merge
from .plan import Plan, PlanError, PlanMismatchError, ShardSpec, load_plan
from .shard_process import (
    ShardProcess,
    ShardProcessDied,
    ShardProcessError,
    ShardProtocolError,
    ShardTimeoutError,
)

__all__ = [
    "merge",
    "Plan",
    "PlanError",
    "PlanMismatchError",
    "ShardSpec",
    "load_plan",
    "ShardProcess",
    "ShardProcessDied",
    "ShardProcessError",
    "ShardProtocolError",
    "ShardTimeoutError",
]
