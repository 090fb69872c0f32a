"""``thidua validate``: check data files; exit 0 clean, 1 data errors, 2 usage errors."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import NoCacheOption


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@reports_errors
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Data directories or files (default: --data, $THIDUA_DATA, else data/).", show_default=False)] = None,
    data: Annotated[Path | None, typer.Option("--data", help="Data directory, when no PATH is given.", show_default=False)] = None,
    format: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="text, json or github (default: github when GITHUB_ACTIONS=true, else text).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    changed_since: Annotated[str | None, typer.Option("--changed-since", metavar="REF", help="Report only problems in files changed since this git ref (committed since the merge base, modified, staged or untracked); cross-file checks still read every file.", show_default=False)] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Check data files: YAML safety, schema, registry, rules. Every problem is reported."""
    from thidua.output.render.diagnostics import RENDERERS
    from thidua.output.report import step_summary
    from thidua.services.validate import validate as run

    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    result = run(paths, data, strict=strict, changed_since=changed_since, cache=not no_cache)
    sys.stdout.write(RENDERERS[chosen](result.diagnostics, result.files))
    step_summary(result)
    raise typer.Exit(0 if result.ok else 1)
