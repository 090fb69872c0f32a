"""``thidua validate`` as a library call: paths in, a result with every diagnostic out."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thidua.domain.diagnostics import Diagnostic
from thidua.repository.loader import display_path, find_data_root, load_repository
from thidua.services.errors import ChangedSinceError


@dataclass
class ValidationResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def _within(diagnostic: Diagnostic, scopes: list[str]) -> bool:
    return any(diagnostic.file == s or diagnostic.file.startswith(s.rstrip("/") + "/") for s in scopes)


def _concerns(diagnostic: Diagnostic, files: set[str]) -> bool:
    """In one of ``files``, or naming one as the other side of a cross-file finding (TD306 sits
    in one of the two clusters that share a member: a change to either must see it)."""
    if diagnostic.file in files:
        return True
    return any(isinstance(value, str) and value in files for value in diagnostic.params.values())


def validate_paths(paths: list[Path], strict: bool = False, only_files: set[str] | None = None, cache: bool = False) -> ValidationResult:
    """Validate the data directories holding ``paths``, reporting only what lies under them.

    Each data root is loaded whole, so cross-file checks see every file even when one file is
    asked about. ``only_files`` narrows the report further (``--changed-since``). With ``cache``,
    the results of unchanged cluster directories come from ``thidua.repository.cache``.
    """
    from thidua.repository.cache import open_cache

    roots: dict[Path, list[str]] = {}
    result = ValidationResult()
    for path in paths:
        root = find_data_root(path)
        if root is None:
            result.diagnostics.append(Diagnostic(display_path(path), None, None, "TD023", "error", {"path": display_path(path)}))
            continue
        scope = display_path(path.absolute()) if path.absolute() != root else ""
        roots.setdefault(root, []).append(scope)
    for root, scopes in roots.items():
        repo = load_repository(root, models=False, cache=open_cache(root, cache))  # no models: flat memory, parallel
        found = repo.diagnostics
        if "" not in scopes:
            found = [d for d in found if _within(d, scopes)]
        if only_files is not None:
            found = [d for d in found if _concerns(d, only_files)]
        result.diagnostics.extend(found)
        result.files += repo.files
    if strict:
        result.diagnostics = [d.promoted() if d.severity == "warning" else d for d in result.diagnostics]
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def validate(
    paths: Iterable[Path | str] | None = None,
    data: Path | str | None = None,
    *,
    strict: bool = False,
    changed_since: str | None = None,
    cache: bool = True,
) -> ValidationResult:
    """``thidua validate``: every problem in ``paths`` (default: ``data``, else $THIDUA_DATA, else
    data/); with ``changed_since`` (a git ref) only those in files changed since then. ``cache``:
    reuse what earlier runs found in unchanged clusters (``.thidua-cache/``, ``$THIDUA_CACHE_DIR``)."""
    from thidua.repository.loader import default_data_dir
    from thidua.services.errors import NotADataRepository

    targets = [Path(p) for p in paths or []] or [Path(data) if data is not None else default_data_dir()]
    for path in targets:
        if not path.exists() and not path.is_symlink():
            raise NotADataRepository(path)
    only = changed_files(changed_since, targets) if changed_since is not None else None
    return validate_paths(targets, strict=strict, only_files=only, cache=cache)


def errors_if_written(root: Path, path: Path, text: str, before: Iterable[Diagnostic], cache: bool = False) -> list[Diagnostic]:
    """The errors the repository at ``root`` would have once ``path`` holds ``text``, found by
    loading it with that text in memory (nothing is written): every error in ``path`` itself, and
    every error elsewhere that is not among ``before`` (TD306 in another cluster that shares a member).
    """
    known = set(before)
    shown = display_path(path)
    from thidua.repository.cache import open_cache

    # With ``cache``, the other clusters come from it; the one holding ``path`` is read with ``text``.
    after = load_repository(root, models=False, overrides={path: text}, cache=open_cache(root, cache)).diagnostics
    return [d for d in after if d.severity == "error" and (d.file == shown or d not in known)]


# --------------------------------------------------------------------------- --changed-since


GIT_TIMEOUT = 60  # seconds; a diff of a data repository takes milliseconds


def _git(args: list[str], cwd: Path) -> str:
    """Run git without a shell; its own config cannot turn paths into quoted octal (-z)."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, env=env, capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise ChangedSinceError("changed.no_git") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangedSinceError("changed.git_failed", detail=str(exc)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangedSinceError("changed.git_failed", detail=detail[-1] if detail else f"exit {done.returncode}")
    return done.stdout.decode("utf-8", "surrogateescape")


def changed_files(ref: str, paths: list[Path]) -> set[str]:
    """Files changed since ``ref`` in the repositories holding ``paths``, as diagnostics name them.

    Changed means: in ``git diff REF...HEAD`` (what a pull request adds since it forked from the
    base branch), or modified, staged or untracked now (what a pre-commit run is about to add).
    """
    if not ref or ref.startswith("-"):
        raise ChangedSinceError("changed.bad_ref", ref=ref)  # never let a ref be read as an option
    names: set[str] = set()
    tops: set[Path] = set()
    for path in paths:
        where = path if path.is_dir() else path.parent
        try:
            shown_top = _git(["rev-parse", "--show-toplevel"], where.absolute()).strip()
        except ChangedSinceError as exc:
            if exc.key != "changed.git_failed":
                raise
            raise ChangedSinceError("changed.not_repo", path=display_path(where)) from None
        tops.add(Path(shown_top))
    for top_dir in sorted(tops):
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top_dir)
        except ChangedSinceError as exc:
            if exc.key != "changed.git_failed":
                raise
            raise ChangedSinceError("changed.unknown_ref", ref=ref) from None
        listed = (
            _git(["diff", "--name-only", "-z", "--no-renames", f"{ref}...HEAD", "--"], top_dir)
            + _git(["diff", "--name-only", "-z", "--no-renames", "HEAD", "--"], top_dir)
            + _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top_dir)
        )
        names.update(display_path(top_dir / name) for name in listed.split("\0") if name)
    return names
