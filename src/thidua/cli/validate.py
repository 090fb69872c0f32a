"""``thidua validate``: check data files; exit 0 clean, 1 data errors, 2 usage errors."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, ForceOption, NoCacheOption, OutputOption, data_option, emit, github_default


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"


@reports_errors
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(show_default=False)] = None,
    data: DataOption = None,
    format: Annotated[ReportFormat | None, typer.Option("--format", "-f", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    changed_since: Annotated[str | None, typer.Option("--changed-since", metavar="REF", show_default=False)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check data files: YAML safety, schema, registry, rules. Every problem is reported."""
    from thidua.output.render.diagnostics import RENDERERS
    from thidua.output.report import step_summary
    from thidua.services.validate import validate as run

    chosen = format.value if format else github_default()
    result = run(paths, data_option(data), strict=strict, changed_since=changed_since, cache=not no_cache)
    emit(RENDERERS[chosen](result.diagnostics, result.files), output, force)
    step_summary(result)
    raise typer.Exit(0 if result.ok else 1)
