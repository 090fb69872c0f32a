"""A cluster-year's year as people write it, in every report: "năm 2024" or "năm học 2017–2018".

``domain.periods.period_label`` says what the year means (a bare int for a calendar year, a
``Message`` for a school year or a declared period); these functions put it into words. A
calendar year is written exactly as before, so calendar clusters' output does not change.

- ``year_words``: the year where a sentence says "năm {year}": "năm 2024" / "2024", or
  "năm học 2017–2018" / "school year 2017–2018";
- ``year_cell``: the year in a Year column or a list of years: "2024", or the period's words;
- ``year_span``: the short form where the words are too long (a table's heading): "2017–2018";
- ``period_json``: the ``period`` key of a JSON object: None for a calendar year (the key is then
  left out), else the period as data (code and params, the same in every language) and its words
  under ``message``.
"""

from __future__ import annotations

from typing import Any

from thidua.domain.message import Message, as_data
from thidua.domain.models import Period
from thidua.domain.periods import period_label
from thidua.output.i18n import language, say, t


def period_message(period: Period | None, year: int) -> Message | None:
    """The period's words as a Message, or None for a plain calendar year."""
    label = period_label(period, year)
    return None if isinstance(label, int) else label


def year_words(period: Period | None, year: int, lang: str | None = None) -> str:
    """"năm 2024" (vi) / "2024" (en) for a calendar year; "năm học 2017–2018" / "school year 2017–2018"."""
    label = period_message(period, year)
    return t("period.calendar", lang=lang, year=year) if label is None else say(label, lang)


def year_cell(period: Period | None, year: int, lang: str | None = None) -> str:
    """"2024" for a calendar year; else the period's words, for a Year column."""
    label = period_message(period, year)
    return str(year) if label is None else say(label, lang)


def year_span(period: Period | None, year: int) -> str:
    """"2024", or "2017–2018" for a period across two years: the short form, for table headings."""
    end = (period.end_year(year) if period is not None else year)
    return str(year) if period_message(period, year) is None or end == year else f"{year}–{end}"


def capital(text: str) -> str:
    """The first letter in capitals, for words that start a sentence or a heading: "Năm học …"."""
    return text[:1].upper() + text[1:]


def label_json(label: Message, lang: str | None = None) -> dict[str, Any]:
    """A period's words as JSON: code and params (the same in every language), then ``message``."""
    return {**as_data(label), "message": say(label, lang or language())}


def period_json(period: Period | None, year: int, lang: str | None = None) -> dict[str, Any] | None:
    """``{"code": "period.school_year", "params": {"start": "2017", "end": "2018"}, "message": …}`` or None."""
    label = period_message(period, year)
    return None if label is None else label_json(label, lang)


def put_period(data: dict[str, Any], found: dict[str, Any] | None, after: str = "year", key: str = "period") -> dict[str, Any]:
    """``data`` with ``key`` right after ``after`` when ``found``; ``data`` itself when not."""
    if found is None:
        return data
    out: dict[str, Any] = {}
    for name, value in data.items():
        out[name] = value
        if name == after:
            out[key] = found
    out.setdefault(key, found)
    return out


def with_period(data: dict[str, Any], period: Period | None, year: int) -> dict[str, Any]:
    """``data`` with a ``period`` key after ``year`` where the year is not a plain calendar year."""
    return put_period(data, period_json(period, year))
