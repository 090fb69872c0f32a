"""Why a member is where it is: contributions, strengths, and the gaps that matter.

Numbers only; the sentences are written by the renderer. The award line is the last place the
cluster's ladder rewards (``standings.award_places``), assuming every member is eligible.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from thidua.domain.models import IndicatorKind
from thidua.domain.ranking import EPSILON, Contribution, Entry, Ranking, tie_value
from thidua.domain.registry import slugify
from thidua.domain.standings import Standing, above, award_at, award_places, below, has_conditions

HIGHLIGHTS = 3  # strongest / weakest indicators and largest differences shown


@dataclass(frozen=True)
class Difference:
    """One indicator where two members' points differ."""

    indicator: str
    name: str
    points: float  # the other member's points minus this member's (positive: the other did better)


@dataclass
class Neighbour:
    entry: Entry
    gap: float | None  # always ≥ 0: how far apart the two totals are; None: no points (votes, decided)
    differences: list[Difference] = field(default_factory=list)  # largest first
    tie_key: str | None = None  # equal totals: the tie-break key that separated them, if any
    tie_values: tuple[float | None, float | None] | None = None  # (the other's, this member's)


@dataclass
class AwardLine:
    places: list[str]  # award id per place from the top; empty: the rules name no award
    award: str | None  # what this member's place receives
    inside: bool
    line_rank: int  # the last rewarded place
    other: Entry | None  # inside: the first member outside; outside: the member on the last place
    gap: float | None  # points between this member and ``other`` (≥ 0)
    crowded: bool  # more members share the rewarded ranks than there are awards: a tie at the line
    conditions: bool  # the ladder sets conditions not checked here


@dataclass
class Explanation:
    ranking: Ranking
    entry: Entry
    members: int
    contributions: list[Contribution]
    possible: float  # the most the scored indicators can give, weighted
    strongest: list[Contribution]
    weakest: list[Contribution]
    up: Neighbour | None  # the next place up (None for the leader)
    down: Neighbour | None  # the next place down, shown to the leader
    award_line: AwardLine


def explain(ranking: Ranking, member: str) -> Explanation:
    entry = ranking.entry(member)
    if entry is None:
        raise KeyError(member)
    cy = ranking.cluster_year
    scored = [c for c in entry.contributions if c.indicator.kind is IndicatorKind.scored]
    order = {c.indicator.id: i for i, c in enumerate(scored)}
    by_share = sorted(scored, key=lambda c: (-c.share, -c.points, order[c.indicator.id]))
    count = max(1, min(HIGHLIGHTS, len(by_share) // 2)) if by_share else 0
    strongest = by_share[:count]
    weakest = sorted(by_share[len(by_share) - count :], key=lambda c: (c.share, c.points, order[c.indicator.id])) if count else []
    up_entry = above(ranking, entry)
    down_entry = below(ranking, entry) if entry.rank == 1 else None
    return Explanation(
        ranking=ranking,
        entry=entry,
        members=len(ranking.entries),
        contributions=list(entry.contributions),
        possible=sum(c.indicator.max * c.indicator.weight for c in scored),
        strongest=strongest,
        weakest=weakest,
        up=_neighbour(ranking, entry, up_entry) if up_entry else None,
        down=_neighbour(ranking, entry, down_entry) if down_entry else None,
        award_line=_award_line(ranking, entry, award_places(cy), has_conditions(cy)),
    )


def differences(entry: Entry, other: Entry) -> list[Difference]:
    """Indicators where ``other`` earned more points than ``entry``, largest first."""
    mine = {c.indicator.id: c.points for c in entry.contributions}
    out = []
    for c in other.contributions:
        delta = c.points - mine.get(c.indicator.id, 0.0)
        if delta > EPSILON:
            out.append(Difference(c.indicator.id, c.indicator.name, delta))
    return sorted(out, key=lambda d: -d.points)[:HIGHLIGHTS]


def _neighbour(ranking: Ranking, entry: Entry, other: Entry) -> Neighbour:
    """The gap to ``other``; when it is above, where ``entry`` lost points, and the reverse."""
    if not (entry.has_points and other.has_points):
        return Neighbour(other, None)  # ranked by votes or by the meeting: no points to compare
    gap = abs(other.total - entry.total)
    better, worse = (other, entry) if other.rank < entry.rank else (entry, other)
    found = Neighbour(other, gap, differences(worse, better))
    if gap <= EPSILON and better.decided_by:
        found.tie_key = better.decided_by
        found.tie_values = (tie_value(other, better.decided_by), tie_value(entry, better.decided_by))
    return found


def _award_line(ranking: Ranking, entry: Entry, places: list[str], conditions: bool) -> AwardLine:
    line = len(places)
    if not line:
        return AwardLine(places, None, False, 0, None, None, False, conditions)
    rewarded = [e for e in ranking.entries if e.rank <= line and e.placed]
    outside = [e for e in ranking.entries if e.rank > line or not e.placed]
    crowded = len(rewarded) > line
    points = all(e.has_points for e in ranking.entries)
    if entry.rank <= line and entry.placed:
        other = outside[0] if outside else None
        gap = entry.total - other.total if other and points else None
        return AwardLine(places, award_at(places, entry.rank), True, line, other, gap, crowded, conditions)
    other = rewarded[-1] if rewarded else None
    gap = other.total - entry.total if other and points else None
    return AwardLine(places, None, False, line, other, gap, crowded, conditions)


def resolve_member(text: str, standings: list[Standing]) -> tuple[list[tuple[Standing, str]], list[str]]:
    """Members of ``standings`` that ``text`` names, by id or by name (with or without diacritics).

    Returns the matches and, when there are none, the closest ids to suggest.
    """
    slug = slugify(text)
    ids: dict[str, list[tuple[Standing, str]]] = {}
    names: dict[str, list[tuple[Standing, str]]] = {}
    for standing in standings:
        cy = standing.cluster_year
        if cy is None:
            continue
        for member in dict.fromkeys(cy.members):
            ids.setdefault(member, []).append((standing, member))
            unit = cy.units.get(member)
            for key in {slugify(unit.name), slugify(unit.full_name)} if unit else set():
                names.setdefault(key, []).append((standing, member))
    if text in ids:  # an id written exactly is never ambiguous
        return _unique(ids[text]), []
    found = ids.get(slug, []) + names.get(slug, [])  # "Nam Định": the province or the city?
    if found:
        return _unique(found), []
    close = difflib.get_close_matches(slug, [*ids, *names], n=6, cutoff=0.6)
    return [], list(dict.fromkeys(m for key in close for _, m in ids.get(key, names.get(key, []))))[:3]


def _unique(found: list[tuple[Standing, str]]) -> list[tuple[Standing, str]]:
    seen, out = set(), []
    for standing, member in found:
        if (standing.cluster, member) not in seen:
            seen.add((standing.cluster, member))
            out.append((standing, member))
    return out
