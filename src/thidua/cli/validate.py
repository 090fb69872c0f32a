"""``thidua validate``: check data files; exit 0 clean, 1 data errors, 2 usage errors."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.options import usage_error


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Data directories or files (default: --data, $THIDUA_DATA, else data/).", show_default=False)] = None,
    data: Annotated[Path | None, typer.Option("--data", help="Data directory, when no PATH is given.", show_default=False)] = None,
    format: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="text, json or github (default: github when GITHUB_ACTIONS=true, else text).", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    changed_since: Annotated[str | None, typer.Option("--changed-since", metavar="REF", help="Report only problems in files changed since this git ref (committed since the merge base, modified, staged or untracked); cross-file checks still read every file.", show_default=False)] = None,
) -> None:
    """Check data files: YAML safety, schema, registry, rules. Every problem is reported."""
    from thidua.output.i18n import t
    from thidua.output.render.diagnostics import RENDERERS, render_markdown
    from thidua.repository.loader import default_data_dir
    from thidua.services.validation import ChangedSinceError, changed_files, validate_paths

    targets = paths or [data or default_data_dir()]
    for path in targets:
        if not path.exists() and not path.is_symlink():
            usage_error(t("cli.no_path", path=path))
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    only: set[str] | None = None
    if changed_since is not None:
        try:
            only = changed_files(changed_since, targets)
        except ChangedSinceError as exc:
            usage_error(t(exc.key, **exc.params))
    result = validate_paths(targets, strict=strict, only_files=only)
    sys.stdout.write(RENDERERS[chosen](result.diagnostics, result.files))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render_markdown(result.diagnostics, result.files))
        except OSError:
            pass  # a summary is a courtesy; never fail validation over it
    raise typer.Exit(0 if result.ok else 1)
