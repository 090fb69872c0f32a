"""``thidua rotate`` as a library call: next year's chair and vice-chairs (or a schedule of
several years), and the next year's file, written or shown as it would be."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.services.common import check_clusters, data_root
from thidua.services.errors import DataError, UnusableData, UsageError, WouldNotValidate, WriteFailed

if TYPE_CHECKING:
    from thidua.domain.diagnostics import Diagnostic
    from thidua.domain.models import ClusterYear
    from thidua.domain.rotation import Proposal
    from thidua.repository.loader import Repository


class SourceChanged(DataError):
    """The source year's file could not be read again (changed or unreadable since it validated)."""

    def __init__(self, path: str, detail: object) -> None:
        super().__init__("rotate.err.unclean", path=path)
        self.detail = detail

    def message(self) -> str:
        return f"{super().message()} ({self.detail})"


@dataclass(frozen=True)
class Preview:
    """What ``write`` would do: ``after`` is the new file, ``before`` the file it is compared with
    (``against``: the target when it exists, else the source year)."""

    target: Path
    against: Path
    before: str
    after: str
    would_refuse: bool  # the target exists and ``force`` was not given


@dataclass
class RotationResult:
    cluster: str
    proposals: list[Proposal]  # the next year first; several with ``years``
    schedule: bool = False  # asked for a schedule of years (``years``)
    written: Path | None = None
    preview: Preview | None = None  # with ``dry_run``


def propose_rotation(
    cluster: str,
    data: Path | str | None = None,
    *,
    from_year: int | None = None,
    years: int | None = None,
    write: bool = False,
    force: bool = False,
    dry_run: bool = False,
    cache: bool = True,
) -> RotationResult:
    """Propose who chairs ``cluster`` after ``from_year`` (default: its latest year file); with
    ``write`` create that year's file, with ``dry_run`` only say what would be written."""
    from thidua.domain.rotation import schedule
    from thidua.repository.loader import load_repository

    if years is not None and (write or dry_run):
        raise UsageError("rotate.err.years_with_write")
    if force and not (write or dry_run):
        raise UsageError("rotate.err.force_without_write")
    from thidua.repository.cache import open_cache

    root = data_root(data)
    repo = load_repository(root, cache=open_cache(root, cache), keep=[cluster])  # the other clusters: only whether they are clean
    source = _source_year(repo, cluster, from_year)
    _check_history(repo, source)
    proposals = schedule(repo.history(cluster), source.number, years or 1)
    result = RotationResult(cluster, proposals, schedule=years is not None)
    if write or dry_run:
        result.preview, text = _next_file(root, repo.clusters[cluster].directory, proposals[0], force, dry_run, repo.diagnostics, cache)
        if not dry_run:
            result.written = _write(result.preview.target, text, force)
            result.preview = None
    return result


def _source_year(repo: Repository, cluster: str, year: int | None) -> ClusterYear:
    """The cluster-year to rotate from.

    The default is the latest year *file*, loaded or not: a newer year that fails the schema must
    stop the rotation, not make it start from the year before.
    """
    from thidua.repository.loader import display_path
    from thidua.services.usable import unusable, year_files

    check_clusters(repo, [cluster])
    data = repo.clusters[cluster]
    files = year_files(data)
    if not files:
        raise DataError("rotate.err.no_years", cluster=cluster, path=display_path(data.directory))
    year = year if year is not None else max(files)
    if year not in files:
        raise UsageError("rotate.err.no_year", cluster=cluster, year=year, years=", ".join(map(str, files)))
    refused = unusable(repo, cluster, year)
    if refused:
        raise UnusableData([refused], "rotate.err.source", year=year)
    return data.years[year]


def _check_history(repo: Repository, source: ClusterYear) -> None:
    """Refuse when a year the proposal reads is unusable: the year before (a chair elected there)
    and every year of the cooldown. Left out, it would silently change who may chair."""
    from thidua.services.usable import unusable, year_files

    reach = max(source.rules.rotation.cooldown, 1)
    relied = [y for y in year_files(repo.clusters[source.id]) if source.number - reach <= y < source.number]
    refused = [u for u in (unusable(repo, source.id, y) for y in relied) if u is not None]
    if refused:
        raise UnusableData(refused, "rotate.err.history", year=source.number)


def _next_file(root: Path, directory: Path, proposal: Proposal, force: bool, dry_run: bool, before: list[Diagnostic], cache: bool = False) -> tuple[Preview, str]:
    """The next year's file, built from the source year's (or, when that year has a file, that file
    with the offices it leaves out filled in), and checked: the repository read with it in memory
    must still validate (``before``: its diagnostics today), so what is written always passes
    ``thidua validate``."""
    from thidua.domain.layout import year_path
    from thidua.output import nextyear
    from thidua.repository.loader import display_path
    from thidua.services.validate import errors_if_written

    if not proposal.members:
        raise DataError("rotate.err.no_members", year=proposal.to_year)
    if proposal.to_year > 2100:
        raise UsageError("rotate.err.year_range", year=proposal.to_year)
    source = year_path(directory, proposal.from_year)
    target = year_path(directory, proposal.to_year)
    if target.exists() and not force and not dry_run:
        raise DataError("rotate.err.exists", path=display_path(target))
    if proposal.record is None and target.exists():
        # A recorded year is only ever filled in, never rebuilt: one that did not load is not replaced.
        raise DataError("leadership.err.target_unusable", path=display_path(target))
    if proposal.record is not None and not nextyear.missing_offices(proposal):
        raise DataError("leadership.err.nothing_to_add", path=display_path(target), year=proposal.to_year)
    base = target if proposal.record is not None else source
    try:
        text = base.read_text(encoding="utf-8")
        text = nextyear.fill(text, proposal) if proposal.record is not None else nextyear.build(text, proposal, source.name)
    except (OSError, nextyear.YAMLError) as exc:  # read after validation: changed or unreadable meanwhile
        raise SourceChanged(display_path(base), exc) from None
    problems = errors_if_written(root, target, text, before, cache)
    if problems:
        key = "rotate.err.would_not_validate_dry" if dry_run else "rotate.err.would_not_validate"
        raise WouldNotValidate(problems, key, path=display_path(target), count=len(problems))
    against = target if target.exists() else source
    preview = Preview(target, against, against.read_text(encoding="utf-8") if dry_run else "", text, target.exists() and not force)
    return preview, text


def _write(target: Path, text: str, force: bool) -> Path:
    from thidua.repository.loader import display_path
    from thidua.repository.writer import RefusedOverwrite, atomic_write

    try:
        atomic_write(target, text, overwrite=force)
    except RefusedOverwrite:
        raise DataError("rotate.err.exists", path=display_path(target)) from None
    except OSError as exc:
        raise WriteFailed(display_path(target), exc.strerror or exc, key="rotate.err.write_failed") from None
    return target
