"""Wording shared by the rank reports: ordinals, percentages, tie-break keys, plain numbers.

People get ``number()`` (Vietnamese style in Vietnamese); JSON and CSV get ``plain()`` and
``cell()``: dot decimals without float noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from thidua.domain.ranking import Entry
from thidua.domain.standings import Standing
from thidua.output.i18n import t
from thidua.output.render.text import number, ordinal

__all__ = ["ordinal"]  # re-exported: the one ordinal lives in render/text.py

Table = tuple[list[str], list[list[str]], str]  # headers, rows, alignment letters
Column = tuple[str, str, "Callable[[Any], str]"]  # header, alignment letter, a row's cell


def columns_table(columns: Sequence[Column], items: Sequence[Any]) -> Table:
    """A table of the columns a report chose to show, one row per item."""
    return [c[0] for c in columns], [[c[2](item) for c in columns] for item in items], "".join(c[1] for c in columns)


def change_and_note_columns(standing: Standing, note: Callable[[Entry], str], *, placed_only: bool) -> list[Column]:
    """The movement since last year (when ranked then) and a note column (only when a note says something)."""
    assert standing.ranking is not None
    columns: list[Column] = []
    if standing.previous_year is not None:
        def change(e: Entry) -> str:
            if placed_only and not e.placed:
                return ""
            move = standing.movement(e.member)
            return change_label(move.change(e.rank), move.new)
        columns.append((t("rank.col.change", year=standing.previous_year), "r", change))
    if any(note(e) for e in standing.ranking.entries):  # the column only when a tie-break decided something or a tie remains
        columns.append((t("rank.col.note"), "l", note))
    return columns


def percent(share: float) -> str:
    """A share as a whole percentage, never rounding a rare event to 0% or a near-certainty to 100%."""
    value = share * 100
    if 0 < value < 0.5:
        return "<1%"
    if 99.5 <= value < 100:
        return ">99%"
    return number(value, 0) + "%"


def key_label(key: str) -> str:
    """A tie-break key in words: ``group:kinh-te`` → "group kinh-te subtotal"."""
    kind, _, name = key.partition(":")
    return t(f"rank.key.{kind}", name=name)


def change_label(change: int | None, new: bool) -> str:
    if new:
        return t("rank.new")
    if change is None:
        return "–"
    return "=" if change == 0 else (f"↑{change}" if change > 0 else f"↓{-change}")


def join_names(items: Sequence[str]) -> str:
    """"A, B and C" / "A, B và C"."""
    if len(items) <= 1:
        return "".join(items)
    return t("rank.word.and", items=", ".join(items[:-1]), last=items[-1])


def title(standing: Standing) -> str:
    """"Name (id), năm 2024", or "…, năm học 2017–2018" where the cluster counts school years."""
    from thidua.output.period_words import year_words

    period = standing.cluster_year.cluster.period if standing.cluster_year is not None else None
    return t("rank.title", name=standing.name, cluster=standing.cluster, period=year_words(period, standing.year))


def is_illustrative(standing: Standing) -> bool:
    return bool(standing.cluster_year and standing.cluster_year.year.scores_illustrative)



def plain(value: float | None) -> float | None:
    """Plain numbers without float noise (0.1 + 0.2 → 0.3); whole numbers stay floats."""
    return None if value is None else round(float(value), 6) + 0.0



def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
