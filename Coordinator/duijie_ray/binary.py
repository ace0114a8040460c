"""Finding the `duijie` executable the shard servers run."""

from __future__ import annotations

import os
import shutil
from typing import Optional

__all__ = ["resolve_binary", "BinaryNotFound", "ENV_VARIABLE"]

ENV_VARIABLE = "DUIJIE_BINARY"


class BinaryNotFound(FileNotFoundError):
    """No usable `duijie` executable was given or found."""


def resolve_binary(explicit: Optional[str] = None) -> str:
    """The absolute path of the `duijie` binary to run.

    Tried in order: `explicit`, the `DUIJIE_BINARY` environment variable, `duijie` on PATH.
    A name without a slash is looked up on PATH; a path is made absolute, because actors do
    not necessarily run in the caller's working directory.
    """
    candidate = explicit or os.environ.get(ENV_VARIABLE) or "duijie"
    if os.sep in candidate:
        path = os.path.abspath(candidate)
    else:
        found = shutil.which(candidate)
        if found is None:
            raise BinaryNotFound(
                f"cannot find {candidate!r} on PATH; pass --duijie BINARY or set {ENV_VARIABLE}"
            )
        path = os.path.abspath(found)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BinaryNotFound(f"{path}: not an executable file (the duijie binary is needed)")
    return path
