"""Starting or joining the Ray cluster the shard actors run on."""

from __future__ import annotations

import os
from typing import Any, Optional

import ray

__all__ = ["start_ray", "PACKAGE_DIRECTORY"]

# The directory of this package; shipped to the cluster so workers can import the actor class.
PACKAGE_DIRECTORY = os.path.dirname(os.path.abspath(__file__))


def start_ray(address: Optional[str] = None, num_cpus: int = 2, **options: Any) -> None:
    """Starts a local Ray instance, or connects to the cluster at `address`.

    A local instance gets `num_cpus` CPUs and no dashboard (it costs a process and memory
    and nothing here uses it). Either way the `duijie_ray` package travels with the job
    (`py_modules`), so the workers of a remote cluster need not have it installed; the
    `duijie` binary and the index files, however, must exist on every node that runs a shard.
    Does nothing if Ray is already initialised in this process.
    """
    if ray.is_initialized():
        return
    runtime_env = dict(options.pop("runtime_env", None) or {})
    runtime_env.setdefault("py_modules", [PACKAGE_DIRECTORY])
    if address:
        ray.init(address=address, runtime_env=runtime_env, **options)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, runtime_env=runtime_env, **options)
