"""``thidua history UNIT``: a unit's record across every year and cluster."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, ForceOption, OutputOption, data_option, emit, terminal


class HistoryFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@reports_errors
def history(
    unit: Annotated[str, typer.Argument(metavar="UNIT")],
    format: Annotated[HistoryFormat, typer.Option("--format", "-f")] = HistoryFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """A unit's record across the years: clusters, places, awards, chair terms; follows the 2025 mergers."""
    from thidua.output.render import history as render
    from thidua.services.common import data_root
    from thidua.services.errors import UnknownUnit
    from thidua.services.history import unit_record

    found, repo = unit_record(data_root(data_option(data)), unit)  # reads only the clusters that name it
    if found is None:
        close = repo.registry.suggest(unit)  # best first
        raise UnknownUnit(unit, close[0] if close else None)
    if format is HistoryFormat.json:
        emit(render.json_output(found), output, force)
    elif format is HistoryFormat.markdown:
        emit(render.markdown(found), output, force)
    else:
        emit(render.text(found, terminal=terminal(output)), output, force)
