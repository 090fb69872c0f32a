"""What a cluster-year's year means, in words: "2024", "năm học 2017–2018", "niên vụ 2023–2024".

Calendar years stay a bare year (every message already says "năm {year}"); a school year or a
declared period is a ``Message`` the output writes as people write it.
"""

from __future__ import annotations

from thidua.domain.message import Message
from thidua.domain.models import CALENDAR, ClusterYear, Period, PeriodKind


def period_label(period: Period | None, year: int) -> Message | int:
    """``year`` for a calendar year; else the period's words, with its first and last year."""
    period = period or CALENDAR
    if period.kind is PeriodKind.calendar and period.label is None:
        return year
    end = period.end_year(year)
    span = {"start": str(year), "end": str(end)}
    if period.label is not None:
        return Message("period.label", {"label": period.label.format_map(span)})
    if period.kind is PeriodKind.school_year:
        return Message("period.school_year", span)
    return Message("period.span", span)


def period_of(cy: ClusterYear) -> Message | int:
    return period_label(cy.cluster.period, cy.number)


def spoken_period(cy: ClusterYear) -> Message | None:
    """The words of a cluster-year's period ("năm học 2017–2018"), or None for a calendar year."""
    label = period_of(cy)
    return None if isinstance(label, int) else label


def check_period(period: Period | None) -> list[tuple[tuple[str, ...], str, dict[str, object]]]:
    """(path, code, params) of what is wrong with a cluster's ``period``: a label naming a
    placeholder other than {start} and {end} (TD316)."""
    if period is None or period.label is None:
        return []
    try:
        period.label.format_map({"start": "", "end": ""})
    except (KeyError, ValueError, IndexError):
        return [(("period", "label"), "TD316", {"label": period.label, "start": "{start}", "end": "{end}"})]
    return []
