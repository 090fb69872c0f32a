"""A content-addressed cache of what checking a cluster directory found, so a warm run parses only
what changed.

An entry is addressed by a hash of everything its result depends on: the exact bytes of each file
of the cluster directory (and their names), the registry it was checked against (the bytes of
``provinces.yaml``), thidua's version and a fingerprint of its rules (the source of
``thidua.domain`` and ``thidua.repository``, and the version of the national unit registry
shipped with it). Change any of these and the address changes: an entry is never stale, only
unused. What an entry holds:

* each file's own diagnostics, as rule codes, raw parameters and positions (never words: the
  report is translated when shown, in whatever language is asked then);
* the compact summary the cross-cluster check reads (``Membership``: cluster id, organiser, year,
  members) and where each member entry is, so that a finding it makes is placed as on a cold run.

Why a cluster and not a file: the checks of a year file read its cluster.yaml and the year before
(leadership follows the previous election), so a file's result depends on its neighbours; the
cluster directory is the smallest unit whose result depends on nothing else but the registry.
A change to one file re-checks its directory (~25 files), not the repository.

Why JSON: entries are read back by ``json.loads`` (stdlib, in C), which cannot run code; pickle
would be as fast but turns a shared or tampered cache folder into code execution, and marshal
is not meant for data that outlives a Python version.

Safety: an entry is written to a temporary file and renamed into place (``os.replace``), so a
concurrent run sees the old entry, the new one or none, never half of one; no lock is held. An
entry that does not parse, or whose recorded key is not its address, is ignored and rewritten.
Size is bounded: after a run that wrote entries, the oldest are deleted while the folder holds
more than ``$THIDUA_CACHE_MAX_MB`` (default 256). ``rm -rf .thidua-cache`` clears it, always safely.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.message import Message

CACHE_ENV = "THIDUA_CACHE_DIR"  # where the cache lives instead of DATA_ROOT/.thidua-cache
MAX_ENV = "THIDUA_CACHE_MAX_MB"
CACHE_DIR = ".thidua-cache"
DEFAULT_MAX_MB = 256
FORMAT = 2  # of an entry; part of every key, so a new format never reads an old entry (2: positions packed in one string)
PRUNE_TO = 0.8  # prune down to this share of the bound, so that the next run does not prune again


class Unstorable(Exception):
    """A parameter the cache cannot write back exactly: the result is used, not stored."""


def _blake(*parts: bytes) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest


@functools.cache
def rules_fingerprint() -> str:
    """thidua's version and the code its results come from, as one hash.

    An installed release is its version (a release's code never changes under the same version).
    A source checkout (an editable install, where code changes under one version) adds the name,
    size and modification time of each module of ``thidua.domain`` and ``thidua.repository``: a
    few dozen ``stat`` calls, where hashing their contents would cost start-up time.
    """
    import thidua

    package = Path(thidua.__file__).parent
    digest = _blake(str(FORMAT).encode(), thidua.__version__.encode())
    with contextlib.suppress(OSError):  # the national unit registry's version and row counts
        digest.update((package / "repository" / "units" / "meta.json").read_bytes())
    if "site-packages" not in package.parts and "dist-packages" not in package.parts:
        for folder in ("domain", "repository"):
            with contextlib.suppress(OSError):
                for entry in sorted(os.scandir(package / folder), key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        digest.update(f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- parameters as JSON


def encode(value: Any) -> Any:
    """A diagnostic parameter as JSON that ``decode`` turns back into an equal value of the same type."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return {"$f": repr(value)}  # repr round-trips exactly, nan and inf included
    if isinstance(value, Message):
        return {"$m": value.code, "p": {str(k): encode(v) for k, v in value.params.items()}}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$t": [encode(v) for v in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$d": {k: encode(v) for k, v in value.items()}}
    if type(value) is dt.date:
        return {"$date": value.isoformat()}
    raise Unstorable(type(value).__name__)


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$f" in value:
        return float(value["$f"])
    if "$m" in value:
        return Message(value["$m"], {k: decode(v) for k, v in value["p"].items()})
    if "$t" in value:
        return tuple(decode(v) for v in value["$t"])
    if "$d" in value:
        return {k: decode(v) for k, v in value["$d"].items()}
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    raise ValueError("not an encoded value")


def encode_diagnostic(d: Diagnostic, name: str) -> list[Any]:
    """``d`` with its file given as ``name`` (relative to what the entry describes, never the cwd)."""
    return [name, d.line, d.column, d.code, d.severity, {k: encode(v) for k, v in d.params.items()}]


def decode_diagnostic(item: list[Any], shown: str) -> Diagnostic:
    _, line, column, code, severity, params = item
    return Diagnostic(shown, line, column, code, severity, {k: decode(v) for k, v in params.items()})


# --------------------------------------------------------------------------- the store


class Cache:
    """Entries in ``directory``, addressed by key; every failure to read or write is a miss."""

    def __init__(self, directory: Path, max_bytes: int | None = None) -> None:
        self.directory = directory
        self.entries = directory / f"v{FORMAT}"
        self.max_bytes = max_bytes if max_bytes is not None else _max_bytes()
        self.salt = rules_fingerprint()
        self.hits = 0
        self.misses = 0
        self.written = 0

    @classmethod
    def for_root(cls, root: Path) -> Cache:
        """$THIDUA_CACHE_DIR, else ``.thidua-cache`` in the data root."""
        chosen = os.environ.get(CACHE_ENV, "").strip()
        return cls(Path(chosen) if chosen else root / CACHE_DIR)

    def key(self, *parts: bytes) -> str:
        return _blake(self.salt.encode(), *parts).hexdigest()

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        try:
            with open(self._path(key), "rb") as handle:
                entry = json.loads(handle.read())
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
            self.misses += 1  # foreign, truncated by a full disk, or moved: rewritten by the caller
            return None
        self.hits += 1
        return entry["value"]

    def put(self, key: str, value: Any) -> None:
        """Write atomically; a cache that cannot be written (read-only checkout, full disk) is skipped."""
        path = self._path(key)
        try:
            text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return
        try:
            if not self.directory.exists():
                self._create()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(text.encode("utf-8"))
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return
        self.written += 1

    def _create(self) -> None:
        """The folder, marked so that git and backup tools leave it alone whatever .gitignore says."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            (self.directory / ".gitignore").write_text("# thidua's cache: safe to delete\n*\n", encoding="utf-8")
            (self.directory / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# thidua's cache (rm -rf this folder to clear it)\n",
                encoding="utf-8",
            )

    def finish(self) -> None:
        """After a run: when entries were written, delete the oldest beyond the size bound."""
        if self.written:
            self.prune()

    def prune(self) -> None:
        found: list[tuple[int, int, str]] = []
        try:
            for folder in os.scandir(self.entries):
                if not folder.is_dir(follow_symlinks=False):
                    continue
                for entry in os.scandir(folder.path):
                    with contextlib.suppress(OSError):
                        stat = entry.stat(follow_symlinks=False)
                        found.append((stat.st_mtime_ns, stat.st_size, entry.path))
        except OSError:
            return
        total = sum(size for _, size, _ in found)
        if total <= self.max_bytes:
            return
        for _, size, path in sorted(found):
            with contextlib.suppress(OSError):
                os.unlink(path)
            total -= size
            if total <= self.max_bytes * PRUNE_TO:
                break


def _max_bytes() -> int:
    text = os.environ.get(MAX_ENV, "").strip()
    try:
        megabytes = float(text) if text else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def open_cache(root: Path, enabled: bool) -> Cache | None:
    return Cache.for_root(root) if enabled else None


def file_digest(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """Names and contents, as one hash (the address of a directory's files)."""
    digest = hashlib.blake2b(digest_size=20)
    for name, raw in parts:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + len(raw).to_bytes(8, "little"))
        digest.update(raw)
    return digest.digest()
