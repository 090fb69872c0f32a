"""``thidua units [QUERY]``: find the id of a province, district, commune or agency on a day.

Searches the data repository's ``provinces.yaml`` and the national districts and communes shipped
with the package; a repository entry replaces a shipped one with the same id.
Exit codes: 0 units found; 1 none found; 2 usage errors (a bad ``--on``, an unknown ``--in``).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, ForceOption, OutputOption, data_option, emit, terminal
from thidua.services.errors import UsageError

if TYPE_CHECKING:
    import datetime as dt


class UnitLevel(StrEnum):
    province = "province"
    district = "district"
    commune = "commune"
    agency = "agency"


class UnitsFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@reports_errors
def units(
    query: Annotated[str | None, typer.Argument(show_default=False)] = None,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", show_default=False)] = None,
    level: Annotated[UnitLevel | None, typer.Option("--level", "-l", show_default=False)] = None,
    within: Annotated[str | None, typer.Option("--in", metavar="UNIT", show_default=False)] = None,
    format: Annotated[UnitsFormat, typer.Option("--format", "-f")] = UnitsFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Find the id of a province, district, commune or agency, as valid on a day."""
    from thidua.domain.layout import REGISTRY_FILE
    from thidua.output.i18n import t
    from thidua.output.render import units as render
    from thidua.repository.loader import display_path
    from thidua.services.common import data_root
    from thidua.services.errors import did_you_mean
    from thidua.services.units import unit_search

    day = _day(on)
    root = data_root(data_option(data))
    search = unit_search(root)
    errors = [d for d in search.diagnostics if d.severity == "error"]
    if errors:
        print(f"thidua: {t('units.registry_problems', path=display_path(root / REGISTRY_FILE), count=len(errors))}", file=sys.stderr)
    if within is not None and not search.knows(within):
        close = search.suggest(within)  # best first
        suggestion = did_you_mean(close[0] if close else None)
        raise UsageError("units.unknown_in", unit=within, suggestion=suggestion)
    found = search.find(query, on=day, level=level.value if level else None, within=within)
    if format is UnitsFormat.json:
        emit(render.json_units(found), output, force)
    elif found:
        if format is UnitsFormat.csv:
            emit(render.csv(found), output, force)
        elif format is UnitsFormat.markdown:
            emit(render.markdown(found), output, force)
        else:
            emit(render.text(found, day, query, terminal=terminal(output)), output, force)
    if not found:
        from thidua.output.render.text import day as show_day

        print(f"thidua: {t('units.none', day=show_day(day))}", file=sys.stderr)
        raise typer.Exit(1)


def _day(text: str | None) -> dt.date:
    import datetime as dt

    if text is None:
        return dt.date.today()
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise UsageError("units.bad_date", value=text)
