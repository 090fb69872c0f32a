"""``thidua sheet export`` / ``thidua sheet import``: the Excel round trip of a year's scores.

Exit codes: 0 done; 1 findings that are errors (nothing written); 2 usage errors.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.options import DataOption, data_root, usage_error
from thidua.cli.validate import ReportFormat

sheet_app = typer.Typer(
    name="sheet",
    help="The scoring workbook (Excel): export it for the members, import it back into the year file.",
    no_args_is_help=True,
)


class Layout(StrEnum):
    per_member = "per-member"
    matrix = "matrix"


def write_workbook(path: Path, content: bytes, force: bool) -> None:
    """Write a workbook atomically; refuse an existing file without ``--force`` (exit 2)."""
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite, atomic_write

    try:
        atomic_write(path, content, overwrite=force)
    except RefusedOverwrite:
        usage_error(t("sheet.exists", path=path))
    print(t("sheet.written", path=path), file=sys.stderr)


@sheet_app.command("export")
def export(
    cluster: Annotated[str, typer.Argument(help="Cluster id, e.g. dbsh.", show_default=False)],
    year: Annotated[int, typer.Argument(help="The emulation year, e.g. 2023.", min=1945, max=2100, show_default=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Workbook to write (default: CLUSTER-YEAR.xlsx).", show_default=False)] = None,
    layout: Annotated[Layout, typer.Option("--layout", help="per-member: a sheet per member; matrix: members across one sheet.")] = Layout.per_member,
    data: DataOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write the scoring workbook of CLUSTER for YEAR (.xlsx), existing scores pre-filled."""
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite
    from thidua.services.sheet import SheetError, export_sheet

    root = data_root(data)
    target = output or Path(f"{cluster}-{year}.xlsx")
    try:
        export_sheet(root, cluster, year, target, layout.value, force=force)
    except SheetError as exc:
        usage_error(t(exc.key, **exc.params))
    except RefusedOverwrite:
        usage_error(t("sheet.exists", path=target))
    print(t("sheet.written", path=target), file=sys.stderr)


@sheet_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The filled-in workbook (.xlsx, .xls, .ods).", show_default=False)],
    cluster: Annotated[str | None, typer.Option("--cluster", "-c", help="Cluster id; only for a workbook not exported by thidua.", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Year; only for a workbook not exported by thidua.", min=1945, max=2100, show_default=False)] = None,
    data: DataOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the change to the year file as a diff; write nothing.")] = False,
    columns: Annotated[str | None, typer.Option("--columns", metavar="ROLE=HEADING;…", help="Name the columns instead of recognising the headings, e.g. 'tt=STT;name=Nội dung;final=Điểm'.", show_default=False)] = None,
    format: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="Findings as text, json or github (default: github when GITHUB_ACTIONS=true, else text).", show_default=False)] = None,
) -> None:
    """Read scores from a workbook into the year file (comments kept, validated first)."""
    from thidua.domain.sheet_match import ROLES
    from thidua.output.diff import file_diff
    from thidua.output.i18n import t
    from thidua.output.render.diagnostics import RENDERERS
    from thidua.services.sheet import import_sheet

    if not file.is_file():
        usage_error(t("sheet.no_file", path=file))
    mapping: dict[str, str] | None = None
    if columns is not None:
        mapping = {}
        for part in filter(None, (p.strip() for p in columns.split(";"))):
            role, sep, heading = part.partition("=")
            if not sep or role.strip() not in ROLES or not heading.strip():
                usage_error(t("sheet.bad_columns", roles=", ".join(ROLES)))
            mapping[role.strip()] = heading.strip()
    root = data_root(data)
    result = import_sheet(file, root, cluster, year, dry_run=dry_run, columns=mapping)
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if result.diagnostics or chosen != "text":
        sys.stdout.write(RENDERERS[chosen](result.diagnostics, 1))
    if result.ok and result.path is not None:
        from thidua.repository.loader import display_path

        shown = display_path(result.path)
        if dry_run and chosen == "text":
            sys.stdout.write(file_diff(shown, result.before, result.after))
        count = sum(len(v) for v in result.scores.values())
        key = "sheet.imported" if result.changed else "sheet.unchanged"
        print(t(key, path=shown, scores=count, members=len(result.scores)), file=sys.stderr)
    raise typer.Exit(0 if result.ok else 1)
