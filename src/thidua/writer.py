"""Writing files safely: whole or not at all, and never over a file without being asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class RefusedOverwrite(Exception):
    """The target exists and overwriting was not asked for (``--force``)."""


def atomic_write(path: Path, text: str, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8, LF) to ``path`` via a temporary file in the same directory.

    The rename is atomic on POSIX and Windows, so a crash or a full disk midway leaves the old
    file (or no file) in place, never half of one.
    """
    if path.exists() and not overwrite:
        raise RefusedOverwrite(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and path.exists():  # appeared while we wrote: still refuse
            raise RefusedOverwrite(str(path))
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
