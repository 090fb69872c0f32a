"""Options and helpers shared by the commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DataOption = Annotated[Path | None, typer.Option("--data", metavar="DIR", show_default=False)]
ClusterOption = Annotated[list[str] | None, typer.Option("--cluster", "-c", metavar="ID", show_default=False)]
class TableFormat(StrEnum):
    """The formats of a report that is a table (rank, awards)."""

    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # a workbook: needs --output


OutputOption = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", show_default=False)]
ForceOption = Annotated[bool, typer.Option("--force")]

_global: dict[str, Path | None] = {"data": None}

NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Check every file again: neither read nor write the cache (.thidua-cache/ in the data directory, or $THIDUA_CACHE_DIR)."),
]


def set_global_data(data: Path | None) -> None:
    """``thidua --data DIR COMMAND``: the directory every command uses unless it is given its own."""
    _global["data"] = data


def data_option(data: Path | None) -> Path | None:
    """The command's ``--data``, else the one given before the command, else None (the default)."""
    return data if data is not None else _global["data"]


def terminal(output: Path | None) -> bool:
    """Whether the text report is drawn for a terminal (rich tables, its width) or plain."""
    from thidua.output.render.text import is_terminal

    return output is None and is_terminal()


def emit(content: str | bytes, output: Path | None, force: bool = False) -> None:
    """The one way a report leaves: stdout, or ``--output`` written atomically (refused without --force)."""
    import sys

    if output is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite, atomic_write
    from thidua.services.errors import UsageError, WriteFailed

    try:
        atomic_write(output, content, overwrite=force)
    except RefusedOverwrite:
        raise UsageError("write.exists", path=output) from None
    except OSError as exc:
        raise WriteFailed(output, exc.strerror or exc) from None
    print(t("write.wrote", path=output), file=sys.stderr)


def github_default() -> str:
    """``github`` on GitHub Actions, else ``text``: the default of --format for diagnostics."""
    import os

    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
