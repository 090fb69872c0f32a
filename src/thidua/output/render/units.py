"""``thidua units``: a table for people, a list of objects for programs."""

from __future__ import annotations

import datetime as dt
import sys

from thidua.domain.textsafe import safe_lines, safe_text
from thidua.domain.units import UnitEntry
from thidua.output.i18n import t
from thidua.output.render.text import day, is_terminal, json_text, print_table


def headers() -> list[str]:
    return [t(f"units.col.{name}") for name in ("id", "name", "level", "code", "parent", "from", "to")]


def rows(entries: list[UnitEntry]) -> list[list[str]]:
    return [
        [e.id, e.full_name, t(f"units.level.{e.level}"), e.code or "–", e.parent or "–", day(e.valid_from), day(e.valid_to)]
        for e in entries
    ]


def print_units(entries: list[UnitEntry], on: dt.date, query: str | None) -> None:
    title = t("units.title_query", day=day(on), query=query) if query else t("units.title", day=day(on))
    caption = t("units.count", count=len(entries))
    if is_terminal():
        _rich_table(title, rows(entries), caption)
    else:
        print_table(title, headers(), rows(entries), caption=caption)


def _rich_table(title: str, body: list[list[str]], caption: str) -> None:
    """As ``print_table`` on a terminal, except that the id, the one thing a clerk copies, is never
    cut or wrapped on a narrow terminal: the other columns wrap instead."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(safe_lines(title)), caption=escape(safe_lines(caption)), title_justify="left", caption_justify="left")
    widest = max((len(row[0]) for row in body), default=0)
    for i, header in enumerate(headers()):
        if i == 0:
            table.add_column(escape(safe_text(header)), no_wrap=True, min_width=widest)
        else:
            table.add_column(escape(safe_text(header)))
    for row in body:
        table.add_row(*[escape(safe_text(cell)) for cell in row])
    Console(highlight=False).print(table)


def json_units(entries: list[UnitEntry]) -> str:
    return json_text([e.as_dict() for e in entries])


def write_json(entries: list[UnitEntry]) -> None:
    sys.stdout.write(json_units(entries))
