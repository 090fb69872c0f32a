"""``thidua units``: a table for people, a list of objects for programs."""

from __future__ import annotations

import datetime as dt
import sys

from thidua.domain.units import UnitEntry
from thidua.output.i18n import t
from thidua.output.render.text import day, json_text, print_table


def headers() -> list[str]:
    return [t(f"units.col.{name}") for name in ("id", "name", "level", "code", "parent", "from", "to")]


def rows(entries: list[UnitEntry]) -> list[list[str]]:
    return [
        [e.id, e.full_name, t(f"units.level.{e.level}"), e.code or "–", e.parent or "–", day(e.valid_from), day(e.valid_to)]
        for e in entries
    ]


def print_units(entries: list[UnitEntry], on: dt.date, query: str | None) -> None:
    title = t("units.title_query", day=day(on), query=query) if query else t("units.title", day=day(on))
    print_table(title, headers(), rows(entries), caption=t("units.count", count=len(entries)))


def json_units(entries: list[UnitEntry]) -> str:
    return json_text([e.as_dict() for e in entries])


def write_json(entries: list[UnitEntry]) -> None:
    sys.stdout.write(json_units(entries))
