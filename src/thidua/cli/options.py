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

NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Check every file again: neither read nor write the cache (.thidua-cache/ in the data directory, or $THIDUA_CACHE_DIR)."),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # a workbook: needs --output


# For the commands not yet wrapped in ``cli.errors.reports_errors`` (history, site): the same
# line and exit code the handler gives.
def usage_error(message: str) -> NoReturn:
    """Exit 2 with one line on stderr: a usage error, not a data error."""
    print(f"thidua: {message}", file=sys.stderr)
    raise typer.Exit(2)


def data_root(data: Path | None) -> Path:
    from thidua.services.common import data_root as resolve
    from thidua.services.errors import NotADataRepository

    try:
        return resolve(data)
    except NotADataRepository as exc:
        usage_error(exc.message())
