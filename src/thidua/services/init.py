"""``thidua init``: the files of a new data repository, from templates shipped in the package.

Planning (what to write) is separate from writing, so a test can compare the plan with the
repository's own data and the command stays a thin loop. Nothing existing is ever overwritten:
into a non-empty directory (``--force``) only the missing files are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from thidua import __version__
from thidua.repository.writer import RefusedOverwrite, atomic_write
from thidua.services.errors import DataError, UsageError, WriteFailed
from thidua.services.schema import FILE_NAMES, schema_text

VERSION_PLACEHOLDER = "@THIDUA_VERSION@"
# Target path in the new repository → template inside thidua/templates/.
TEMPLATE_FILES = {
    "data/provinces.yaml": "data/provinces.yaml",
    "data/clusters/dbsh/cluster.yaml": "data/clusters/dbsh/cluster.yaml",
    "data/clusters/dbsh/2023.yaml": "data/clusters/dbsh/2023.yaml",
    ".github/workflows/thidua.yml": "github-workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    "README.md": "README.md",
    ".gitignore": "gitignore",  # the cache folder (.thidua-cache/) stays out of the history
}
IGNORED_WHEN_EMPTY = {".git"}  # a fresh clone of an empty repository still counts as empty


class NotEmpty(UsageError):
    """The target directory holds files and ``force`` was not given."""

    def __init__(self, directory: Path) -> None:
        super().__init__("init.not_empty", path=directory)


class LeavesDirectory(DataError):
    """A planned file is reached through a symbolic link: writing would land outside (or on) a
    file that is not the new repository's own. ``path`` is relative, with forward slashes."""

    def __init__(self, directory: Path, path: str) -> None:
        super().__init__("init.through_link", path=(directory / path).as_posix(), directory=directory.as_posix())
        self.path = path


@dataclass(frozen=True)
class Planned:
    path: str  # relative, with forward slashes
    text: str | bytes  # bytes: a Word template


@dataclass
class InitResult:
    directory: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def template(name: str) -> str:
    return (resources.files("thidua") / "templates" / name).read_text(encoding="utf-8")


def plan(version: str = __version__, templates: bool = False) -> list[Planned]:
    """Every file ``init`` writes, with its text (templates get the running version pinned).

    ``templates``: also the award dossier's default Word templates, into ``templates/`` (only when
    asked: a copy overrides the package's default and does not follow its later improvements)."""
    files = [Planned(target, template(source).replace(VERSION_PLACEHOLDER, version)) for target, source in TEMPLATE_FILES.items()]
    files += [Planned(f"schema/{name}", schema_text(kind)) for kind, name in FILE_NAMES.items()]
    if templates:
        from thidua.output.dossier.templates import DEFAULTS, TEMPLATE_NAMES

        files += [Planned(f"templates/{name}.docx", (DEFAULTS / f"{name}.docx").read_bytes()) for name in TEMPLATE_NAMES]
    return files


def is_empty(directory: Path) -> bool:
    return not any(entry.name not in IGNORED_WHEN_EMPTY for entry in directory.iterdir())


def through_link(directory: Path, relative: str) -> bool:
    """Whether writing ``directory/relative`` would go through a symbolic link out of
    ``directory`` (``data`` linked to a folder elsewhere), or onto a link to a file."""
    target = directory / relative
    if target.is_symlink():
        return True  # a link to a file (or a dangling one): never ours to write or keep
    try:
        return not target.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):  # a loop: refuse rather than guess
        return True


def init_repository(directory: Path, force: bool = False, templates: bool = False) -> InitResult:
    """Write the planned files under ``directory``; existing files are kept and reported.

    Every target is checked before anything is written, so a refusal leaves nothing half-made.
    """
    if directory.exists() and not directory.is_dir():
        raise UsageError("init.not_dir", path=directory)
    if directory.exists() and not is_empty(directory) and not force:
        raise NotEmpty(directory)
    planned_files = plan(templates=templates)
    for planned in planned_files:
        if through_link(directory, planned.path):
            raise LeavesDirectory(directory, planned.path)
    try:
        return _write_planned(directory, planned_files)
    except OSError as exc:
        raise WriteFailed(exc.filename or directory, exc.strerror or exc) from None


def _write_planned(directory: Path, planned_files: list[Planned]) -> InitResult:
    result = InitResult(directory)
    for planned in planned_files:
        target = directory / planned.path
        if target.exists():
            result.kept.append(planned.path)
            continue
        try:
            atomic_write(target, planned.text)
        except RefusedOverwrite:  # appeared meanwhile: still not ours to replace
            result.kept.append(planned.path)
            continue
        result.created.append(planned.path)
    return result
