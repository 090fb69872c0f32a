"""``thidua rotate``: hand over chair and vice-chairs for the next year, and write that year's file.

Exit codes: 0 done; 1 data errors (the source year does not validate, the target file exists
without --force, nothing can be written); 2 usage errors (bad option, unknown cluster or year).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from thidua.cli.options import DataOption, usage_error


class RotateFormat(StrEnum):
    table = "table"
    json = "json"


def _fail(message: str) -> NoReturn:
    """A data error: one line on stderr, exit 1."""
    print(f"thidua: {message}", file=sys.stderr)
    raise typer.Exit(1)


def _refuse_unusable(refused: list[Any], key: str, **params: Any) -> None:
    """Each cluster-year rotate cannot use, located, then why that stops it: exit 1."""
    from thidua.output.i18n import t
    from thidua.output.render.diagnostics import unusable_reason

    if not refused:
        return
    for bad in refused:
        print(f"thidua: {t('rotate.err.unusable', cluster=bad.cluster, year=bad.year, where=bad.where, reason=unusable_reason(bad), path=bad.path)}", file=sys.stderr)
    _fail(t(key, **params))


def _source_year(repo: Any, cluster: str, year: int | None) -> Any:
    """The cluster-year to rotate from, or exit with the reason.

    The default is the latest year *file*, loaded or not: a newer year that fails the schema must
    stop the rotation, not make it start from the year before.
    """
    import difflib

    from thidua.output.i18n import t
    from thidua.repository.loader import display_path
    from thidua.services.usable import unusable, year_files

    data = repo.clusters.get(cluster)
    if data is None:
        close = difflib.get_close_matches(cluster, list(repo.clusters), n=2)
        suggestion = "; " + t("word.did_you_mean", options=", ".join(f"'{c}'" for c in close)) if close else ""
        usage_error(t("rotate.err.unknown_cluster", cluster=cluster, suggestion=suggestion))
    files = year_files(data)
    if not files:
        _fail(t("rotate.err.no_years", cluster=cluster, path=display_path(data.directory)))
    year = year if year is not None else max(files)
    if year not in files:
        usage_error(t("rotate.err.no_year", cluster=cluster, year=year, years=", ".join(map(str, files))))
    refused = unusable(repo, cluster, year)
    _refuse_unusable([refused] if refused else [], "rotate.err.source", year=year)
    return data.years[year]


def _check_history(repo: Any, source: Any) -> None:
    """Refuse when a year the proposal reads is unusable: the year before (a chair elected there)
    and every year of the cooldown. Left out, it would silently change who may chair."""
    from thidua.services.usable import unusable, year_files

    reach = max(source.rules.rotation.cooldown, 1)
    relied = [y for y in year_files(repo.clusters[source.id]) if source.number - reach <= y < source.number]
    refused = [u for u in (unusable(repo, source.id, y) for y in relied) if u is not None]
    _refuse_unusable(refused, "rotate.err.history", year=source.number)


def _located(d: Any) -> str:
    if d.line is None:
        return str(d.file)
    return f"{d.file}:{d.line}" + (f":{d.column}" if d.column is not None else "")


def _write(root: Path, directory: Path, proposal: Any, force: bool, dry_run: bool, before: list[Any]) -> None:
    """Build the next year's file; show it as a diff (--dry-run) or write it atomically.

    Either way only once the repository, read with the new text in memory, still validates
    (``before``: its diagnostics today): what is written always passes ``thidua validate``.
    """
    from thidua.output import nextyear
    from thidua.output.i18n import say, t
    from thidua.repository.loader import display_path
    from thidua.repository.writer import RefusedOverwrite
    from thidua.services.validation import errors_if_written

    if not proposal.members:
        _fail(t("rotate.err.no_members", year=proposal.to_year))
    if proposal.to_year > 2100:
        usage_error(t("rotate.err.year_range", year=proposal.to_year))
    source = nextyear.target_path(directory, proposal.from_year)
    target = nextyear.target_path(directory, proposal.to_year)
    try:
        text = nextyear.build(source.read_text(encoding="utf-8"), proposal, source.name)
    except (OSError, nextyear.YAMLError) as exc:  # read after validation: changed or unreadable meanwhile
        _fail(t("rotate.err.unclean", path=display_path(source)) + f" ({exc})")
    problems = errors_if_written(root, target, text, before)
    for problem in problems:
        print(f"{_located(problem)}: {t('severity.error')} {problem.code} {say(problem.message)}", file=sys.stderr)
    if problems:
        key = "rotate.err.would_not_validate_dry" if dry_run else "rotate.err.would_not_validate"
        _fail(t(key, path=display_path(target), count=len(problems)))
    if dry_run:
        against = target if target.exists() else source
        sys.stdout.write(nextyear.diff(against.read_text(encoding="utf-8"), text, display_path(against), display_path(target)))
        print(t("rotate.would_write", path=display_path(target), against=display_path(against)), file=sys.stderr)
        if target.exists() and not force:
            print(t("rotate.would_refuse", path=display_path(target)), file=sys.stderr)
        return
    try:
        nextyear.write(target, text, force)
    except RefusedOverwrite:
        _fail(t("rotate.err.exists", path=display_path(target)))
    except OSError as exc:
        _fail(t("rotate.err.write_failed", path=display_path(target), detail=exc.strerror or exc))
    print(t("rotate.wrote", path=display_path(target)), file=sys.stderr)


def rotate(
    cluster: Annotated[str, typer.Option("--cluster", "-c", help="Cluster id (its directory under clusters/).", show_default=False)],
    from_year: Annotated[int | None, typer.Option("--from", help="Source year (default: the cluster's latest year file).", show_default=False)] = None,
    years: Annotated[int | None, typer.Option("--years", min=1, max=50, help="Schedule of the next N years under the policy.", show_default=False)] = None,
    write: Annotated[bool, typer.Option("--write", help="Create clusters/<id>/<next year>.yaml from the source year.")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --write: overwrite an existing file.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the diff of the file --write would create; write nothing.")] = False,
    format: Annotated[RotateFormat, typer.Option("--format", "-f", help="table or json.")] = RotateFormat.table,
    data: DataOption = None,
) -> None:
    """Propose next year's chair (Cụm trưởng) and vice-chairs (Cụm phó), and write that year's file."""
    from thidua.cli.options import data_root
    from thidua.domain.rotation import schedule
    from thidua.output.i18n import t
    from thidua.output.render.rotation import json_output, print_proposal, print_schedule
    from thidua.repository.loader import load_repository

    if years is not None and (write or dry_run):
        usage_error(t("rotate.err.years_with_write"))
    if force and not (write or dry_run):
        usage_error(t("rotate.err.force_without_write"))
    root = data_root(data)
    repo = load_repository(root)
    source = _source_year(repo, cluster, from_year)
    _check_history(repo, source)
    proposals = schedule(repo.history(cluster), source.number, years or 1)
    if write or dry_run:
        _write(root, repo.clusters[cluster].directory, proposals[0], force, dry_run, repo.diagnostics)
        if dry_run:
            return
    if format is RotateFormat.json:
        sys.stdout.write(json_output(proposals, schedule=years is not None))
    elif years is None:
        print_proposal(proposals[0])
    else:
        print_schedule(proposals)
