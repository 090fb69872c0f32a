"""`thidua awards`: being built (see the issue); replaced by its real module."""

from __future__ import annotations

import typer


def awards() -> None:
    """Not available yet."""
    raise typer.Exit(2)
