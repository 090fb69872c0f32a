"""Totals and ranks of a cluster-year, by its own indicators and tie-break chain.

total = Σ scored indicators × weight + Σ bonus − Σ deductions. Members with equal totals are
separated by the rules' ``tie_break`` keys in order; members still equal share a rank (1, 2, 2, 4)
and the tie is reported, never broken silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from thidua.domain.models import ClusterYear, Indicator, IndicatorKind
from thidua.domain.scoring import Resolved, counted, resolve

EPSILON = 1e-9  # totals are sums of decimals: compare them at this tolerance, not bit for bit


class MissingScores(ValueError):
    """A member lacks a score for a scored indicator: refused, never counted as zero."""

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        super().__init__(", ".join(f"{m}:{i}" for m, i in missing))
        self.missing = missing


@dataclass(frozen=True)
class Contribution:
    indicator: Indicator
    score: float  # as counted: the final (else appraised) score, or what the formula computed
    points: float  # what it adds to the total: weighted, negative for a deduction
    resolved: Resolved | None = None  # the stage the score came from, the stages, the computation

    @property
    def stage(self) -> str | None:
        """final, appraised or computed; None where nothing was recorded (a bonus not earned)."""
        return self.resolved.stage if self.resolved is not None else None

    @property
    def share(self) -> float:
        """How much of the indicator's maximum was reached (0–1)."""
        return self.score / self.indicator.max if self.indicator.max else 0.0


@dataclass
class Entry:
    member: str
    name: str
    total: float
    scored: float
    bonus: float
    deductions: float
    groups: dict[str, float]
    contributions: list[Contribution]
    votes: int | None = None
    rank: int = 0
    decided_by: str | None = None  # the tie-break key that set this member apart from equal totals
    tied_with: list[str] = field(default_factory=list)  # still equal after the whole chain
    band: str | None = None  # the score band (xếp loại) reached, when the rules define bands


@dataclass
class Ranking:
    cluster_year: ClusterYear
    entries: list[Entry]
    tie_break: list[str]

    @property
    def cluster(self) -> str:
        return self.cluster_year.id

    @property
    def year(self) -> int:
        return self.cluster_year.number

    def entry(self, member: str) -> Entry | None:
        return next((e for e in self.entries if e.member == member), None)

    @property
    def ties(self) -> list[list[str]]:
        """Groups of members the chain could not separate."""
        seen: list[list[str]] = []
        for entry in self.entries:
            if entry.tied_with:
                group = sorted([entry.member, *entry.tied_with])
                if group not in seen:
                    seen.append(group)
        return seen


def has_scores(cy: ClusterYear) -> bool:
    return bool(cy.year.scores)


def missing_scores(cy: ClusterYear, scores: Mapping[str, Mapping[str, float]] | None = None) -> list[tuple[str, str]]:
    scores = counted(resolve(cy.year)) if scores is None else scores
    return [
        (member, indicator.id)
        for member in cy.members
        for indicator in cy.year.indicators
        if indicator.kind is IndicatorKind.scored and indicator.id not in scores.get(member, {})
    ]


def breakdown(
    cy: ClusterYear,
    member: str,
    scores: Mapping[str, float],
    weights: Mapping[str, float] | None = None,
    dropped: frozenset[str] = frozenset(),
    resolved: Mapping[str, Resolved] | None = None,
) -> Entry:
    """One member's total and its parts. ``weights``/``dropped`` serve the stability analysis."""
    scored = bonus = deductions = 0.0
    groups: dict[str, float] = {}
    contributions = []
    for indicator in cy.year.indicators:
        if indicator.id in dropped:
            continue
        score = float(scores.get(indicator.id, 0.0))
        if indicator.kind is IndicatorKind.scored:
            weight = weights.get(indicator.id, indicator.weight) if weights else indicator.weight
            points = score * weight
            scored += points
            if indicator.group:
                groups[indicator.group] = groups.get(indicator.group, 0.0) + points
        elif indicator.kind is IndicatorKind.bonus:
            points = score
            bonus += score
        else:
            points = -score
            deductions += score
        contributions.append(Contribution(indicator, score, points, resolved.get(indicator.id) if resolved else None))
    votes = cy.year.votes.counts.get(member, 0) if cy.year.votes else None
    total = scored + bonus - deductions
    return Entry(member, cy.name(member), total, scored, bonus, deductions, groups, contributions, votes)


def _tie_key(key: str) -> Callable[[Entry], float | None]:
    """The value a tie-break key compares, larger is better (deductions are negated)."""
    kind, _, name = key.partition(":")
    if kind == "group":
        return lambda e: e.groups.get(name, 0.0)
    if kind == "indicator":
        return lambda e: next((c.points for c in e.contributions if c.indicator.id == name), 0.0)
    if kind == "votes":
        return lambda e: e.votes
    if kind == "bonus":
        return lambda e: e.bonus
    return lambda e: -e.deductions


def _split(block: list[Entry], value: Callable[[Entry], float | None]) -> list[list[Entry]]:
    """Order ``block`` by ``value`` (best first) and cut it where the value changes."""
    if any(value(e) is None for e in block):
        return [block]  # e.g. votes not recorded: this key cannot separate anyone
    ordered = sorted(block, key=lambda e: -value(e))  # type: ignore[operator]
    parts: list[list[Entry]] = [[ordered[0]]]
    for entry in ordered[1:]:
        if abs(value(parts[-1][-1]) - value(entry)) <= EPSILON:  # type: ignore[operator]
            parts[-1].append(entry)
        else:
            parts.append([entry])
    return parts


def order(entries: list[Entry], tie_break: list[str]) -> list[Entry]:
    """Sort by total, break ties along the chain, assign competition ranks (1, 2, 2, 4)."""
    final_blocks: list[list[Entry]] = []
    for block in _split(entries, lambda e: e.total) if entries else []:
        final_blocks.extend(_resolve(block, list(tie_break)))
    ordered: list[Entry] = []
    for block in final_blocks:
        shared_rank = len(ordered) + 1
        members = sorted(e.member for e in block)
        for entry in sorted(block, key=lambda e: e.member):
            entry.rank = shared_rank
            entry.tied_with = [m for m in members if m != entry.member] if len(block) > 1 else []
            ordered.append(entry)
    return ordered


def _resolve(block: list[Entry], chain: list[str]) -> list[list[Entry]]:
    """Blocks of members still equal, best first, after applying ``chain`` in order."""
    if len(block) == 1 or not chain:
        return [block]
    key, rest = chain[0], chain[1:]
    parts = _split(block, _tie_key(key))
    if len(parts) > 1:
        for entry in block:
            entry.decided_by = key
    out: list[list[Entry]] = []
    for part in parts:
        out.extend(_resolve(part, rest))
    return out


def rank(
    cy: ClusterYear,
    scores: Mapping[str, Mapping[str, float]] | None = None,
    weights: Mapping[str, float] | None = None,
    dropped: frozenset[str] = frozenset(),
) -> Ranking:
    """Rank a cluster-year. Raises MissingScores if any member lacks a scored indicator.

    Without ``scores``, the year file's scores are resolved (final, else appraised, or computed by
    the indicator's formula) and each contribution says which stage it counted.
    """
    from thidua.domain.bands import band_of

    resolved = resolve(cy.year) if scores is None else {}
    scores = counted(resolved) if scores is None else scores
    missing = missing_scores(cy, scores)
    if missing:
        raise MissingScores(missing)
    entries = [breakdown(cy, m, scores.get(m, {}), weights, dropped, resolved.get(m)) for m in dict.fromkeys(cy.members)]
    for entry in entries:
        entry.band = band_of(cy.rules.bands, entry)
    return Ranking(cy, order(entries, cy.rules.tie_break), list(cy.rules.tie_break))


def previous_ranks(current: Ranking, previous: Ranking) -> dict[str, tuple[int, str]]:
    """Last year's rank of each member, following a merged unit to its successor.

    Returns member -> (rank last year, the member id it had then). A successor formed from
    several predecessors takes the best of their ranks.
    """
    day = current.cluster_year.year.reference_date
    units = current.cluster_year.units
    out: dict[str, tuple[int, str]] = {}
    for entry in previous.entries:
        now = units.on(entry.member, day) if entry.member not in current.cluster_year.members else units.get(entry.member)
        if now is None:
            continue
        known = out.get(now.id)
        if known is None or entry.rank < known[0] or (entry.member == now.id):
            out[now.id] = (entry.rank, entry.member)
    return {m: v for m, v in out.items() if m in current.cluster_year.members}


def tie_value(entry: Entry, key: str) -> float | None:
    """The value a tie-break key compares for one member (deductions negated: larger is better)."""
    return _tie_key(key)(entry)
