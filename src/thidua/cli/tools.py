"""``thidua schema``, ``thidua init`` and ``thidua fmt``: the tools around a data repository."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.domain.layout import KINDS

if TYPE_CHECKING:
    SchemaKind = str
else:  # the choices typer shows and checks, from the one list of file kinds
    SchemaKind = StrEnum("SchemaKind", {kind: kind for kind in KINDS})

KindOption = Annotated[
    SchemaKind,
    typer.Option("--kind", "-k"),
]


@reports_errors
def schema(
    kind: KindOption = SchemaKind("cluster-year"),
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a data file, generated from the models."""
    from thidua.output.report import wrote
    from thidua.services.schema import schema_text, write_schema

    if output is None:
        sys.stdout.write(schema_text(str(kind)))
        return
    wrote(write_schema(str(kind), output, force))


@reports_errors
def init(
    directory: Annotated[Path, typer.Argument()],
    force: Annotated[bool, typer.Option("--force")] = False,
    templates: Annotated[bool, typer.Option("--templates")] = False,
) -> None:
    """Create a data repository: registry, an example cluster, schemas, CI workflow, pre-commit, README."""
    from thidua.output.report import init_report
    from thidua.services.init import init_repository

    init_report(init_repository(directory, force=force, templates=templates))


@reports_errors
def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check")] = False,
) -> None:
    """Rewrite data files in canonical form, keeping comments (key order, quoted codes, NFC, indentation)."""
    from thidua.output.report import fmt_report
    from thidua.services.fmt import format_files

    result = format_files(paths, check=check)
    fmt_report(result)
    raise typer.Exit(0 if result.ok else 1)
