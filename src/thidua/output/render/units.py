"""``thidua units``: a table for people, a list of objects for programs.

Every renderer returns its text and takes the words' language as a ``Translator`` (default: the
command's language).
"""

from __future__ import annotations

import datetime as dt

from thidua.domain.units import UnitEntry
from thidua.output.i18n import Translator
from thidua.output.render.text import csv_text, day, json_text, markdown_table, table_text


def headers(tr: Translator | None = None) -> list[str]:
    tr = tr or Translator()
    return [tr(f"units.col.{name}") for name in ("id", "name", "level", "code", "parent", "from", "to")]


def rows(entries: list[UnitEntry], tr: Translator | None = None) -> list[list[str]]:
    tr = tr or Translator()
    return [
        [e.id, e.full_name, tr(f"units.level.{e.level}"), e.code or "–", e.parent or "–", day(e.valid_from), day(e.valid_to)]
        for e in entries
    ]


def text(entries: list[UnitEntry], on: dt.date, query: str | None, terminal: bool = False, width: int | None = None,
         tr: Translator | None = None) -> str:
    """The units found, as a table; the id (the one thing a clerk copies) is never cut or wrapped."""
    tr = tr or Translator()
    title = tr("units.title_query", day=day(on), query=query) if query else tr("units.title", day=day(on))
    return table_text(title, headers(tr), rows(entries, tr), caption=tr("units.count", count=len(entries)), terminal=terminal, width=width, keep=(0, 1))


def markdown(entries: list[UnitEntry], tr: Translator | None = None) -> str:
    return markdown_table(headers(tr), rows(entries, tr))


def csv(entries: list[UnitEntry], tr: Translator | None = None) -> str:
    return csv_text(headers(tr), rows(entries, tr))


def json_units(entries: list[UnitEntry]) -> str:
    return json_text([e.as_dict() for e in entries])
