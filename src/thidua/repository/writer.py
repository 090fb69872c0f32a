"""Writing files safely: whole or not at all, and never over a file without being asked.

Every write goes through a temporary file beside the target, named ``.NAME.<pid>.<random>.tmp``:
hidden (the loader skips dot-files, so a leftover is never read as data) and carrying the pid of
its writer, so that a later write can recognise the leftovers of a process that was killed
outright (SIGKILL cannot be caught) and remove them.

A file that must not exist yet is published with ``os.link``, which fails if the target exists:
checking first and renaming after would let two writers both "create" the same file, the second
silently replacing the first one's work.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[0-9a-f]{8}\.tmp$")
# link() is not supported here (FAT, some network or FUSE mounts): create exclusively instead
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}
_CAUGHT = (signal.SIGTERM, signal.SIGINT)


class RefusedOverwrite(Exception):
    """The target exists and overwriting was not asked for (``--force``)."""


class _Signalled(BaseException):
    """A SIGTERM or SIGINT that arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def temp_name(name: str) -> str:
    """The name of a temporary file for ``name``: hidden, with our pid, unique."""
    return f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def is_temp_name(name: str) -> bool:
    return _TEMP.match(name) is not None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # ours: maybe another thread's write in progress
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process (or we cannot tell): leave it
    return True


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove temporary files for ``path`` left by writers that no longer run; returns them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match and match["name"] == path.name and not _alive(int(match["pid"])):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def _signals_raise(tmp: Path) -> Iterator[None]:
    """Turn SIGTERM/SIGINT into an exception while ``tmp`` may exist, so it is removed; then
    deliver the signal again as if it had come just after (the process ends as it would have).

    Handlers can only be set from the main thread; elsewhere a killed write leaves a temporary
    file that the next write removes (``remove_stale_temps``).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        raise _Signalled(signum)

    previous = {sig: signal.signal(sig, handler) for sig in _CAUGHT}
    try:
        yield
    except _Signalled as caught:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _restore(previous)
        previous = {}
        signal.raise_signal(caught.signum)
        raise  # the old handler returned: still do not pretend the write happened
    finally:
        _restore(previous)


def _restore(previous: dict[signal.Signals, Any]) -> None:
    for sig, old in previous.items():
        signal.signal(sig, signal.SIG_DFL if old is None else old)  # None: set outside Python


def _write_temp(tmp: Path, data: bytes, mode: int) -> None:
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fchmod(handle.fileno(), mode)  # the mode a plain write would give (its own when replaced)
        os.fsync(handle.fileno())


def _create_exclusive(path: Path, data: bytes, mode: int) -> None:
    """Without hard links: O_EXCL still refuses an existing file, though a crash midway can leave
    a partial new file (never a damaged old one)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise RefusedOverwrite(str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _publish_new(tmp: Path, path: Path, data: bytes, mode: int) -> None:
    """Make ``tmp`` appear as ``path`` only if ``path`` does not exist, atomically."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise RefusedOverwrite(str(path)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        _create_exclusive(path, data, mode)


def atomic_write(path: Path, content: str | bytes, overwrite: bool = False) -> None:
    """Write ``content`` (text as UTF-8 with LF, or bytes) via a temporary file beside ``path``.

    The rename (or link) is atomic on POSIX, so a crash, a full disk or a signal midway leaves the
    old file (or no file) in place, never half of one; without ``overwrite`` an existing file is
    refused, even one that appears while we write.
    """
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise RefusedOverwrite(str(path))
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = path.with_name(temp_name(path.name))
    with _signals_raise(tmp):
        try:
            _write_temp(tmp, data, mode)
            if overwrite:
                os.replace(tmp, path)
            else:
                _publish_new(tmp, path, data, mode)
        finally:
            with contextlib.suppress(OSError):  # after link() the temp is a second name: drop it
                os.unlink(tmp)
