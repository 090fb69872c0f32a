"""A unit's record across the years: memberships, places, awards and leadership terms.

Follows the 2025 mergers both ways: a merged unit's history includes its predecessors' years
(marked as theirs), and a predecessor's history names the unit it went into. Pure functions over
loaded cluster-years and what was computed of them (``Outcome``); no file access, no translation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from thidua.domain.awards_catalogue import award_title
from thidua.domain.message import Message
from thidua.domain.models import ClusterYear, Unit
from thidua.domain.periods import spoken_period
from thidua.domain.registry import Registry


@dataclass
class Outcome:
    """What was computed of one cluster-year: its status, places and recommended awards."""

    status: str  # "ranked" | "no_scores" | "invalid"
    places: dict[str, tuple[int, float | None]] = field(default_factory=dict)  # member -> (rank, total or None)
    recommended: dict[str, list[str]] = field(default_factory=dict)  # member -> award ids


@dataclass(slots=True)
class AwardRef:
    award: str
    title: str
    note: str | None = None

    def __reduce__(self) -> tuple[type[AwardRef], tuple[str, str, str | None]]:
        return AwardRef, (self.award, self.title, self.note)  # as YearRecord's, below


@dataclass(slots=True)
class YearRecord:
    year: int
    cluster: str
    cluster_name: str
    member: str  # the id the unit had that year: itself or a predecessor
    member_name: str
    own: bool  # False: a predecessor's record, carried into its successor's history
    members: int
    status: str
    rank: int | None = None
    total: float | None = None
    illustrative: bool = False
    roles: list[str] = field(default_factory=list)  # "chair", "vice_chair"
    recommended: list[AwardRef] = field(default_factory=list)
    decided: list[AwardRef] = field(default_factory=list)
    period: Message | None = None  # the year as people write it ("năm học 2017–2018"); None: a calendar year

    def carried(self) -> YearRecord:
        """The same record, marked as a predecessor's (``own`` false): ``dataclasses.replace``
        without its cost, which a site pays for every record of every merged unit."""
        copy = YearRecord(*_record_values(self))
        copy.own = False
        return copy

    def __reduce__(self) -> tuple[type[YearRecord], tuple[Any, ...]]:
        # A site's workers send ~20 records per cluster-year to the parent: as the constructor's
        # arguments they pickle in half the time of a slots dataclass's generated state, and
        # unpickle faster (one call instead of a setattr per field).
        return YearRecord, _record_values(self)


_record_values = attrgetter(*(f.name for f in fields(YearRecord)))  # every field, in order


@dataclass
class UnitRef:
    id: str
    name: str


@dataclass
class UnitHistory:
    unit: str
    name: str
    full_name: str
    successor: UnitRef | None  # the unit this one went into (the end of the chain)
    predecessors: list[UnitRef]  # every unit that went into this one, direct or not
    records: list[YearRecord]
    valid_from: str | None = None  # dd/mm/yyyy, when the unit began after the records start
    valid_to: str | None = None  # dd/mm/yyyy, when it ended (merged)

    @property
    def label(self) -> str:
        """The full name, with its period when it has one: two units can share a name across 2025."""
        if self.valid_from or self.valid_to:
            return f"{self.full_name} ({self.valid_from or ''}–{self.valid_to or ''})"
        return self.full_name

    @property
    def places(self) -> list[tuple[int, str, str, int, int]]:
        """(year, cluster, member's name, rank, members) of each ranked year, for a chart."""
        return [(r.year, r.cluster, r.member_name, r.rank, r.members) for r in self.records if r.rank is not None]


def find_unit(unit_id: str, registry: Registry, cluster_years: Iterable[ClusterYear] = ()) -> tuple[Unit | None, Registry]:
    """The unit and the registry that knows it (the national one, or a cluster's overlay)."""
    unit = registry.get(unit_id)
    if unit is not None:
        return unit, registry
    for cy in cluster_years:
        found = cy.units.get(unit_id)
        if found is not None:
            return found, cy.units
    return None, registry


def predecessors(unit_id: str, registry: Registry) -> list[str]:
    """Every unit that went into ``unit_id``, nearest first, without repeats (loops in bad data stop)."""
    out: list[str] = []
    queue = [unit_id]
    while queue and len(out) < 256:
        unit = registry.get(queue.pop(0))
        for pid in unit.predecessors if unit else []:
            if pid != unit_id and pid not in out:
                out.append(pid)
                queue.append(pid)
    return out


def successor(unit_id: str, registry: Registry) -> str | None:
    """The last unit of the succession chain from ``unit_id`` (None when it has no successor)."""
    seen = {unit_id}
    unit = registry.get(unit_id)
    last: str | None = None
    while unit is not None and unit.successor and unit.successor not in seen:
        last = unit.successor
        seen.add(last)
        unit = registry.get(last)
    return last


def unit_history(
    unit_id: str,
    cluster_years: Iterable[ClusterYear],
    registry: Registry,
    outcomes: Mapping[tuple[str, int], Outcome] | None = None,
) -> UnitHistory | None:
    """The record of ``unit_id`` across every cluster-year; None when no registry knows it."""
    years = list(cluster_years)
    unit, known = find_unit(unit_id, registry, years)
    if unit is None:
        return None
    outcomes = outcomes or {}
    ids = [unit_id, *predecessors(unit_id, known)]
    named = [((cy.number, cy.id), year_records(cy, outcomes.get((cy.id, cy.number)), ids)) for cy in years]
    return history_of(unit_id, unit, known, named)


def named(cy: ClusterYear) -> dict[str, None]:
    """Ids a cluster-year has a record for: members, chair, vice-chairs, awarded units (as ``_record`` reads them)."""
    lead = cy.year.leadership
    found: dict[str, None] = dict.fromkeys(cy.members)
    for other in [lead.chair, *(lead.vice_chairs or []), *(d.member for d in cy.year.awards)]:
        if other:
            found.setdefault(other)
    return found


def year_records(cy: ClusterYear, outcome: Outcome | None, ids: Iterable[str] | None = None) -> dict[str, YearRecord]:
    """The record of each unit the cluster-year names (of ``ids`` only, when given).

    Each is marked ``own``; ``history_of`` marks those it carries into a successor's history.
    A site computes these once per cluster-year (in the process that ranked it) and assembles
    every unit's history from them. What the records share (the period, the number of members)
    is made once: one object, which also travels once between processes.
    """
    out: dict[str, YearRecord] = {}
    year = _Year(cy)
    for member in named(cy) if ids is None else ids:
        record = _record(cy, year, member, outcome)
        if record is not None:
            out[member] = record
    return out


def history_of(unit_id: str, unit: Unit, known: Registry, records: Iterable[tuple[tuple[int, str], Mapping[str, YearRecord]]]) -> UnitHistory:
    """A unit's history from the records of the cluster-years that name it or a predecessor.

    ``records``: ((year, cluster id), that cluster-year's ``year_records``); ``known`` is the
    registry that knows the unit (``find_unit``). The same as ``unit_history`` over the loaded years.
    """
    before = predecessors(unit_id, known)
    after = successor(unit_id, known)
    ids = [unit_id, *before]
    out: list[YearRecord] = []
    for _, found in sorted(records, key=lambda item: item[0]):
        for member in ids:
            record = found.get(member)
            if record is not None:
                out.append(record if member == unit_id else record.carried())
    return UnitHistory(
        unit=unit.id,
        name=unit.name,
        full_name=unit.full_name,
        successor=UnitRef(after, known.name(after)) if after else None,
        predecessors=[UnitRef(p, known.name(p)) for p in before],
        records=out,
        valid_from=unit.valid_from.strftime("%d/%m/%Y") if unit.valid_from else None,
        valid_to=unit.valid_to.strftime("%d/%m/%Y") if unit.valid_to else None,
    )


class _Year:
    """What every record of one cluster-year shares."""

    def __init__(self, cy: ClusterYear) -> None:
        self.members = dict.fromkeys(cy.members)
        self.period = spoken_period(cy)
        self.extra = cy.cluster.award_titles


def _record(cy: ClusterYear, year: _Year, member: str, outcome: Outcome | None) -> YearRecord | None:
    leadership = cy.year.leadership
    roles = []
    if leadership.chair == member:
        roles.append("chair")
    if member in (leadership.vice_chairs or []):
        roles.append("vice_chair")
    decided = [d for d in cy.year.awards if d.member == member]
    if member not in year.members and not roles and not decided:
        return None
    extra = year.extra
    record = YearRecord(
        year=cy.number,
        cluster=cy.id,
        cluster_name=cy.cluster.name,
        member=member,
        member_name=cy.name(member),
        own=True,
        members=len(year.members),
        status=outcome.status if outcome else "no_scores",
        illustrative=cy.year.scores_illustrative,
        roles=roles,
        decided=[AwardRef(d.award, award_title(d.award, extra), d.note) for d in decided],
    )
    record.period = year.period
    if outcome is not None:
        place = outcome.places.get(member)
        if place is not None:
            record.rank, record.total = place
        record.recommended = [AwardRef(a, award_title(a, extra)) for a in outcome.recommended.get(member, [])]
    return record
