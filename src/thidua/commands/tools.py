"""`thidua schema`, `init`, `fmt`: being built (see the issue); replaced by the real module."""

from __future__ import annotations

import typer


def schema() -> None:
    """Not available yet."""
    raise typer.Exit(2)


def init() -> None:
    """Not available yet."""
    raise typer.Exit(2)


def fmt() -> None:
    """Not available yet."""
    raise typer.Exit(2)
