"""Writing files safely: whole or not at all, and never over a file without being asked."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class RefusedOverwrite(Exception):
    """The target exists and overwriting was not asked for (``--force``)."""


def atomic_write(path: Path, content: str | bytes, overwrite: bool = False) -> None:
    """Write ``content`` (text as UTF-8 with LF, or bytes) via a temporary file beside ``path``.

    The rename is atomic on POSIX and Windows, so a crash or a full disk midway leaves the old
    file (or no file) in place, never half of one.
    """
    if path.exists() and not overwrite:
        raise RefusedOverwrite(str(path))
    # mkstemp creates 0600: give the file the mode a plain write would (its own when replaced)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if not overwrite and path.exists():  # appeared while we wrote: still refuse
            raise RefusedOverwrite(str(path))
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
