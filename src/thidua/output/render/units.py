"""``thidua units``: a table for people, a list of objects for programs."""

from __future__ import annotations

import datetime as dt

from thidua.domain.units import UnitEntry
from thidua.output.i18n import t
from thidua.output.render.text import csv_text, day, json_text, markdown_table, table_text


def headers() -> list[str]:
    return [t(f"units.col.{name}") for name in ("id", "name", "level", "code", "parent", "from", "to")]


def rows(entries: list[UnitEntry]) -> list[list[str]]:
    return [
        [e.id, e.full_name, t(f"units.level.{e.level}"), e.code or "–", e.parent or "–", day(e.valid_from), day(e.valid_to)]
        for e in entries
    ]


def text(entries: list[UnitEntry], on: dt.date, query: str | None, terminal: bool = False, width: int | None = None) -> str:
    """The units found, as a table; the id (the one thing a clerk copies) is never cut or wrapped."""
    title = t("units.title_query", day=day(on), query=query) if query else t("units.title", day=day(on))
    return table_text(title, headers(), rows(entries), caption=t("units.count", count=len(entries)), terminal=terminal, width=width, keep=(0,))


def markdown(entries: list[UnitEntry]) -> str:
    return markdown_table(headers(), rows(entries))


def csv(entries: list[UnitEntry]) -> str:
    return csv_text(headers(), rows(entries))


def json_units(entries: list[UnitEntry]) -> str:
    return json_text([e.as_dict() for e in entries])
