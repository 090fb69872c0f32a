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

from thidua.cli.options import DataOption, data_root, usage_error

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


def units(
    query: Annotated[str | None, typer.Argument(help="Name (with or without diacritics, either tone-mark convention), code or id.", show_default=False)] = None,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", help="Units valid on this day: 2024-01-01 or 01/01/2024 (default: today).", show_default=False)] = None,
    level: Annotated[UnitLevel | None, typer.Option("--level", "-l", help="Only this level.", show_default=False)] = None,
    within: Annotated[str | None, typer.Option("--in", metavar="UNIT", help="Only units in this province or district (an id).", show_default=False)] = None,
    format: Annotated[UnitsFormat, typer.Option("--format", "-f", help="text (rich on a terminal, plain when piped) or json.")] = UnitsFormat.text,
    data: DataOption = None,
) -> None:
    """Find the id of a province, district, commune or agency, as valid on a day."""
    from thidua.output.i18n import t
    from thidua.output.render import units as render
    from thidua.repository.loader import REGISTRY_FILE, display_path
    from thidua.services.units import unit_search

    day = _day(on)
    root = data_root(data)
    search = unit_search(root)
    errors = [d for d in search.diagnostics if d.severity == "error"]
    if errors:
        print(f"thidua: {t('units.registry_problems', path=display_path(root / REGISTRY_FILE), count=len(errors))}", file=sys.stderr)
    if within is not None and not search.knows(within):
        close = search.suggest(within)
        suggestion = t("units.did_you_mean", options=", ".join(f"'{c}'" for c in close)) if close else ""
        usage_error(t("units.unknown_in", unit=within, suggestion=suggestion))
    found = search.find(query, on=day, level=level.value if level else None, within=within)
    if format is UnitsFormat.json:
        render.write_json(found)
    elif found:
        render.print_units(found, day, query)
    if not found:
        from thidua.output.render.text import day as show_day

        print(f"thidua: {t('units.none', day=show_day(day))}", file=sys.stderr)
        raise typer.Exit(1)


def _day(text: str | None) -> dt.date:
    import datetime as dt

    from thidua.output.i18n import t

    if text is None:
        return dt.date.today()
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    usage_error(t("units.bad_date", value=text))
