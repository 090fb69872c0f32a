"""`thidua history` output: text (plain table), Markdown, JSON."""

from __future__ import annotations

import dataclasses
from typing import Any

from thidua.domain.history import UnitHistory, YearRecord
from thidua.domain.textsafe import safe_text
from thidua.output.i18n import say, t
from thidua.output.period_words import label_json, put_period
from thidua.output.render.text import json_text, markdown_table, number, table_text, text_width, wrap


def place_text(record: YearRecord, lang: str | None = None) -> str:
    if record.rank is None:
        return t(f"history.unranked.{record.status}", lang=lang)
    if record.total is None:  # ranked by votes or by the meeting: a place, no points
        text = t("votes.history.place", lang=lang, rank=record.rank, members=record.members)
    else:
        # numbers only, nothing to make safe: the text's own ``format`` (a site says this ~500,000 times)
        text = t("history.place", lang=lang).format(rank=record.rank, members=record.members, total=number(record.total, lang=lang))
    return text + (f" ({t('history.illustrative', lang=lang)})" if record.illustrative else "")


def awards_text(record: YearRecord, lang: str | None = None) -> str:
    parts = [f"{a.title} ({t('history.decided', lang=lang)})" for a in record.decided]
    decided = {a.award for a in record.decided}
    parts += [f"{a.title} ({t('history.recommended', lang=lang)})" for a in record.recommended if a.award not in decided]
    return "; ".join(parts)


def roles_text(record: YearRecord, lang: str | None = None) -> str:
    return ", ".join(t(f"role.{r}", lang=lang) for r in record.roles)


def unit_text(record: YearRecord, lang: str | None = None) -> str:
    return record.member_name if record.own else t("history.as_predecessor", lang=lang, name=record.member_name)


def _headers() -> list[str]:
    return [t(f"col.{c}") for c in ("year", "cluster", "unit", "place", "role", "awards")]


def year_text(record: YearRecord, lang: str | None = None) -> str:
    """"2024", or the period as people write it: "năm học 2017–2018"."""
    return str(record.year) if record.period is None else say(record.period, lang)


def _rows(history: UnitHistory) -> list[list[str]]:
    return [[year_text(r), r.cluster_name, unit_text(r), place_text(r), roles_text(r), awards_text(r)] for r in history.records]


def _notes(history: UnitHistory) -> list[str]:
    notes = []
    if history.successor:
        notes.append(t("history.successor", name=history.successor.name, unit=history.successor.id))
    if history.predecessors:
        notes.append(t("history.predecessors", names=", ".join(p.name for p in history.predecessors)))
    if not history.records:
        notes.append(t("history.no_records"))
    return notes


def text(history: UnitHistory, terminal: bool = False) -> str:
    """The title, the table (80 columns when piped: the unit's name whole, the widest column
    wrapped), then the notes wrapped at word boundaries."""
    width = text_width(terminal)
    out = [safe_text(t("history.title", name=history.full_name, unit=history.unit)), ""]
    if history.records:
        out.append(table_text("", _headers(), _rows(history), align="l" * 6, terminal=terminal, keep=(0, 2, 5)).rstrip("\n"))
    out += [wrap(safe_text(n), width) for n in _notes(history)]
    return "\n".join(out) + "\n"


def markdown(history: UnitHistory) -> str:
    out = [f"## {safe_text(t('history.title', name=history.full_name, unit=history.unit))}", ""]
    if history.records:
        out.append(markdown_table(_headers(), _rows(history)))
    out += [f"{safe_text(n)}\n" for n in _notes(history)]
    return "\n".join(out)


def as_json(history: UnitHistory) -> dict[str, Any]:
    """The history as data; a record's ``period`` (code, params, words) only where its year is not
    a calendar year, right after ``year``."""
    data = dataclasses.asdict(history)
    records = []
    for record, item in zip(history.records, data["records"], strict=True):
        del item["period"]
        records.append(put_period(item, label_json(record.period) if record.period is not None else None))
    data["records"] = records
    return data


def json_output(history: UnitHistory) -> str:
    return json_text(as_json(history))
