"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Data directory (default: $THIDUA_DATA, else data/).", show_default=False),
]
ClusterOption = Annotated[
    list[str] | None,
    typer.Option("--cluster", "-c", help="Only this cluster id (repeatable).", show_default=False),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # a workbook: needs --output


def usage_error(message: str) -> NoReturn:
    """Exit 2 with one line on stderr: a usage error, not a data error."""
    print(f"thidua: {message}", file=sys.stderr)
    raise typer.Exit(2)


def data_root(data: Path | None) -> Path:
    from thidua.output.i18n import t
    from thidua.repository.loader import default_data_dir

    root = data or default_data_dir()
    if not root.is_dir():
        usage_error(t("cli.no_path", path=root))
    return root
