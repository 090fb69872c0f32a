"""``thidua sheet export`` / ``thidua sheet import``: the Excel round trip of a year's scores.

Exit codes: 0 done; 1 findings that are errors (nothing written); 2 usage errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, ForceOption, OutputOption, data_option, emit, github_default
from thidua.cli.shell import ThiduaCommand, build_app

sheet_app = build_app(name="sheet", no_args_is_help=True)


class Layout(StrEnum):
    per_member = "per-member"
    matrix = "matrix"


class FindingsFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@contextmanager
def _sheet_errors() -> Iterator[None]:
    """The sheet service's refusals (SheetError) as the usage errors they are."""
    from thidua.services.errors import UsageError
    from thidua.services.sheet import SheetError

    try:
        yield
    except SheetError as exc:
        raise UsageError(exc.key, **exc.params) from None


def _command(function: Callable[..., None], name: str) -> Callable[..., None]:
    return sheet_app.command(name, cls=ThiduaCommand)(reports_errors(function))


def export(
    cluster: Annotated[str, typer.Argument(show_default=False)],
    year: Annotated[int, typer.Argument(min=1945, max=2100, show_default=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)] = None,
    layout: Annotated[Layout, typer.Option("--layout")] = Layout.per_member,
    data: DataOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """Write the scoring workbook of CLUSTER for YEAR (.xlsx), existing scores pre-filled."""
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite
    from thidua.services.common import data_root
    from thidua.services.errors import UsageError
    from thidua.services.sheet import export_sheet

    root = data_root(data_option(data))
    target = output or Path(f"{cluster}-{year}.xlsx")
    with _sheet_errors():
        try:
            export_sheet(root, cluster, year, target, layout.value, force=force)
        except RefusedOverwrite:
            raise UsageError("write.exists", path=target) from None
    import sys

    print(t("write.wrote", path=target), file=sys.stderr)


def import_(
    file: Annotated[Path, typer.Argument(show_default=False)],
    cluster: Annotated[str | None, typer.Option("--cluster", "-c", metavar="ID", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", min=1945, max=2100, show_default=False)] = None,
    data: DataOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    columns: Annotated[str | None, typer.Option("--columns", metavar="ROLE=HEADING;…", show_default=False)] = None,
    format: Annotated[FindingsFormat | None, typer.Option("--format", "-f", show_default=False)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Read scores from a workbook into the year file (comments kept, validated first)."""
    import sys

    from thidua.domain.sheet_match import ROLES
    from thidua.output.diff import file_diff
    from thidua.output.i18n import t
    from thidua.output.render.diagnostics import RENDERERS
    from thidua.services.common import data_root
    from thidua.services.errors import UsageError
    from thidua.services.sheet import import_sheet

    if not file.is_file():
        raise UsageError("sheet.no_file", path=file)
    mapping: dict[str, str] | None = None
    if columns is not None:
        mapping = {}
        for part in filter(None, (p.strip() for p in columns.split(";"))):
            role, sep, heading = part.partition("=")
            if not sep or role.strip() not in ROLES or not heading.strip():
                raise UsageError("sheet.bad_columns", roles=", ".join(ROLES))
            mapping[role.strip()] = heading.strip()
    root = data_root(data_option(data))
    with _sheet_errors():
        result = import_sheet(file, root, cluster, year, dry_run=dry_run, columns=mapping)
    chosen = format.value if format else github_default()
    if result.diagnostics or chosen != "text" or output is not None:  # the findings report: screen or --output
        emit(RENDERERS[chosen](result.diagnostics, 1), output, force)
    if result.ok and result.path is not None:
        from thidua.repository.loader import display_path

        shown = display_path(result.path)
        if dry_run and chosen == "text":
            emit(file_diff(shown, result.before, result.after), None)
        count = sum(len(v) for v in result.scores.values())
        key = "sheet.imported" if result.changed else "sheet.unchanged"
        print(t(key, path=shown, scores=count, members=len(result.scores)), file=sys.stderr)
    raise typer.Exit(0 if result.ok else 1)


_command(export, "export")
_command(import_, "import")
