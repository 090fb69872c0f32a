"""Options and helpers shared by the commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

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
