"""`thidua rank`: being built (see the issue); replaced by its real module."""

from __future__ import annotations

import typer


def rank() -> None:
    """Not available yet."""
    raise typer.Exit(2)
