"""What a cluster's award dossier holds: which proposals need a Báo cáo thành tích, and a unit's
earlier awards as the repository records them (its own and its predecessors')."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thidua.domain.models import ClusterYear, Period
from thidua.domain.registry import Registry

# State-level awards whose dossier includes the unit's achievement report (Decree 98/2023 Mẫu số 07;
# Decree 152/2025 Art. 42: Tờ trình, Báo cáo thành tích, Biên bản).
REPORT_AWARDS: frozenset[str] = frozenset({"co-thi-dua-chinh-phu", "bang-khen-thu-tuong"})


def needs_report(award: str) -> bool:
    return award in REPORT_AWARDS


@dataclass(frozen=True)
class PastAward:
    year: int
    unit: str  # the unit that received it: the member itself or one of its predecessors
    award: str
    cluster: str  # the cluster's name
    award_titles: tuple[tuple[str, str], ...] = ()
    period: Period | None = None  # what the cluster's years mean (school years); None: calendar years


def lineage(unit_id: str, units: Registry) -> list[str]:
    """The unit and every predecessor (transitively), the unit first."""
    seen: list[str] = []
    todo = [unit_id]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.append(current)
        unit = units.get(current)
        if unit is not None:
            todo += list(unit.predecessors)
    return seen


def previous_awards(unit_id: str, year: int, history: Iterable[ClusterYear], units: Registry) -> list[PastAward]:
    """Decided awards of years before ``year`` for the unit and its predecessors, oldest first."""
    ids = set(lineage(unit_id, units))
    found = [
        PastAward(cy.number, award.member, award.award, cy.cluster.name, tuple(cy.cluster.award_titles.items()), cy.cluster.period)
        for cy in history
        if cy.number < year
        for award in cy.year.awards
        if award.member in ids
    ]
    return sorted(found, key=lambda a: (a.year, a.cluster, a.award))
