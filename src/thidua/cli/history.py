"""``thidua history UNIT``: a unit's record across every year and cluster."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from thidua.cli.options import DataOption, data_root, usage_error


class HistoryFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def history(
    unit: Annotated[str, typer.Argument(help="A unit id from data/provinces.yaml or a cluster's units, e.g. nam-dinh.")],
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="text, json or markdown.")] = HistoryFormat.text,
    data: DataOption = None,
) -> None:
    """A unit's record across the years: clusters, places, awards, chair terms; follows the 2025 mergers."""
    from thidua.output.i18n import t
    from thidua.output.render import history as render
    from thidua.repository.loader import load_repository
    from thidua.services.history import history as build

    repo = load_repository(data_root(data))
    found = build(repo, unit)
    if found is None:
        close = repo.registry.suggest(unit)
        hint = t("history.did_you_mean", ids=", ".join(close)) if close else ""
        usage_error(t("history.unknown_unit", unit=unit, hint=hint))
    if format is HistoryFormat.json:
        sys.stdout.write(render.json_output(found))
    elif format is HistoryFormat.markdown:
        sys.stdout.write(render.markdown(found))
    else:
        sys.stdout.write(render.text(found))
