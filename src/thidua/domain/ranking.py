"""Totals and ranks of a cluster-year, by its own indicators and tie-break chain.

total = Σ scored indicators × weight + Σ bonus − Σ deductions. Members with equal totals are
separated by the rules' ``tie_break`` keys in order; members still equal share a rank (1, 2, 2, 4)
and the tie is reported, never broken silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from thidua.domain.models import ClusterYear, Indicator, IndicatorKind, OfClusterYear, RankingBasis
from thidua.domain.scoring import Resolved, counted, resolve

EPSILON = 1e-9  # totals are sums of decimals: compare them at this tolerance, not bit for bit

T = TypeVar("T")


class MissingScores(ValueError):
    """A member lacks a score for a scored indicator: refused, never counted as zero."""

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        super().__init__(", ".join(f"{m}:{i}" for m, i in missing))
        self.missing = missing


# Not frozen: a frozen dataclass sets each field through object.__setattr__, three times the cost
# of a plain slots class, and one Contribution is made per member × indicator of every ranking
# (the hottest line of ``rank``). Treat it as immutable all the same: nothing assigns to it.
@dataclass(slots=True)
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
    has_points: bool = True  # false: no scores were recorded, ``total`` and its parts mean nothing
    placed: bool = True  # false: a partial decided order stops above this member
    band: str | None = None  # the score band (xếp loại) reached, when the rules define bands


@dataclass
class Ranking(OfClusterYear):
    cluster_year: ClusterYear
    entries: list[Entry]
    tie_break: list[str]
    basis: RankingBasis = RankingBasis.points
    # What else the year records beside the basis, shown for reference: "points", "votes" (a
    # cluster-year that mixes them says which one ranks). Empty: the basis alone.
    also: list[str] = field(default_factory=list)

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


def basis(cy: ClusterYear) -> RankingBasis | None:
    """How the year ranks: as written, else by the decided order, else by points; None: not yet.

    Votes rank only when ``ranking.basis: votes`` says so: counts recorded beside scores (for
    the tie-break) or before the scoring must not turn a year into a vote ranking by themselves.
    """
    record = cy.year.ranking
    if record is not None and record.basis is not None:
        return record.basis
    if record is not None and record.order:
        return RankingBasis.decided
    if cy.year.scores:
        return RankingBasis.points
    return None


def can_rank(cy: ClusterYear) -> bool:
    """Whether the year records what its basis needs (scores, vote counts, or a decided order)."""
    found = basis(cy)
    if found is RankingBasis.points:
        return has_scores(cy)
    if found is RankingBasis.votes:
        return cy.year.votes is not None and bool(cy.year.votes.counts)
    if found is RankingBasis.decided:
        return cy.year.ranking is not None and bool(cy.year.ranking.order)
    return False


def missing_scores(cy: ClusterYear, scores: Mapping[str, Mapping[str, float]] | None = None) -> list[tuple[str, str]]:
    """(member, indicator) for each scored indicator a member has no counted score for.

    In the members' order, then the indicators'. Most members have every score: one set test per
    member settles them, and only the others are walked indicator by indicator.
    """
    scores = counted(resolve(cy.year)) if scores is None else scores
    needed = [i.id for i in cy.year.indicators if i.kind is IndicatorKind.scored]
    needed_set = set(needed)
    out: list[tuple[str, str]] = []
    for member in cy.members:
        row = scores.get(member, {})
        if row.keys() >= needed_set:
            continue
        out.extend((member, key) for key in needed if key not in row)
    return out


_SCORED, _BONUS, _DEDUCTION = 0, 1, 2

# One indicator as ``breakdown`` reads it: the indicator, its id, its kind (above), its weight
# (the stability analysis's when given), its group.
_Term = tuple[Indicator, str, int, float, str | None]


def terms(cy: ClusterYear, weights: Mapping[str, float] | None = None, dropped: frozenset[str] = frozenset()) -> list[_Term]:
    """What ``breakdown`` reads of each indicator, read once per cluster-year rather than per member."""
    out: list[_Term] = []
    for indicator in cy.year.indicators:
        key, kind = indicator.id, indicator.kind
        if dropped and key in dropped:
            continue
        code = _SCORED if kind is IndicatorKind.scored else _BONUS if kind is IndicatorKind.bonus else _DEDUCTION
        out.append((indicator, key, code, weights.get(key, indicator.weight) if weights else indicator.weight, indicator.group))
    return out


def breakdown(
    cy: ClusterYear,
    member: str,
    scores: Mapping[str, float],
    weights: Mapping[str, float] | None = None,
    dropped: frozenset[str] = frozenset(),
    resolved: Mapping[str, Resolved] | None = None,
    read: list[_Term] | None = None,
) -> Entry:
    """One member's total and its parts. ``weights``/``dropped`` serve the stability analysis.

    ``read``: ``terms(cy, weights, dropped)`` when the caller breaks down every member.
    """
    scored = bonus = deductions = 0.0
    groups: dict[str, float] = {}
    contributions: list[Contribution] = []
    add = contributions.append
    score_of = scores.get
    found = (resolved or {}).get  # None for every indicator without a resolved record
    for indicator, key, kind, weight, group in terms(cy, weights, dropped) if read is None else read:
        score = float(score_of(key, 0.0))
        if kind == _SCORED:
            points = score * weight
            scored += points
            if group:
                groups[group] = groups.get(group, 0.0) + points
        elif kind == _BONUS:
            points = score
            bonus += score
        else:
            points = -score
            deductions += score
        add(Contribution(indicator, score, points, found(key)))
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


def _split(block: list[T], value: Callable[[T], float | None]) -> list[list[T]]:
    """Order ``block`` by ``value`` (best first) and cut it where the value changes (beyond EPSILON)."""
    if any(value(e) is None for e in block):
        return [block]  # e.g. votes not recorded: this key cannot separate anyone
    ordered = sorted(block, key=lambda e: -value(e))  # type: ignore[operator]
    parts: list[list[T]] = [[ordered[0]]]
    for entry in ordered[1:]:
        if abs(value(parts[-1][-1]) - value(entry)) <= EPSILON:  # type: ignore[operator]
            parts[-1].append(entry)
        else:
            parts.append([entry])
    return parts


def tiers(
    items: list[T],
    keys: Sequence[Callable[[T], float | None]],
    on_split: Callable[[list[T], int], None] | None = None,
    level: int = 0,
) -> list[list[T]]:
    """The one ranking algorithm: blocks of items still equal, best first.

    Items are ordered by ``keys[0]`` (larger first); items equal on it within EPSILON by ``keys[1]``,
    and so on. A key that is None for an item of a block cannot separate that block.
    ``on_split(block, i)`` is called when ``keys[i]`` separates ``block``.
    """
    if len(items) <= 1 or level >= len(keys):
        return [items] if items else []
    parts = _split(items, keys[level])
    if len(parts) > 1 and on_split is not None:
        on_split(items, level)
    out: list[list[T]] = []
    for part in parts:
        out.extend(tiers(part, keys, on_split, level + 1))
    return out


def order(entries: list[Entry], tie_break: list[str], by: Callable[[Entry], float | None] = lambda e: e.total) -> list[Entry]:
    """Sort by total (or ``by``), break ties along the chain, assign competition ranks (1, 2, 2, 4)."""

    def decided(block: list[Entry], level: int) -> None:
        if level:  # the total itself is no tie-break
            for entry in block:
                entry.decided_by = tie_break[level - 1]

    keys: list[Callable[[Entry], float | None]] = [by, *(_tie_key(k) for k in tie_break)]
    ordered: list[Entry] = []
    for block in tiers(entries, keys, decided):
        shared_rank = len(ordered) + 1
        if len(block) == 1:  # most members: a place of their own, nothing to sort
            block[0].rank, block[0].tied_with = shared_rank, []
            ordered.append(block[0])
            continue
        members = sorted(e.member for e in block)
        for entry in sorted(block, key=lambda e: e.member):
            entry.rank = shared_rank
            entry.tied_with = [m for m in members if m != entry.member] if len(block) > 1 else []
            ordered.append(entry)
    return ordered


def competition_ranks(keys: Sequence[Sequence[float | None]]) -> list[int]:
    """Competition ranks (1, 2, 2, 4) of rows of keys (total, then the tie-break values), by ``tiers``."""
    width = len(keys[0]) if keys else 0
    columns: list[Callable[[int], float | None]] = [lambda i, k=k: keys[i][k] for k in range(width)]  # type: ignore[misc]
    ranks = [0] * len(keys)
    position = 1
    for block in tiers(list(range(len(keys))), columns):
        for index in block:
            ranks[index] = position
        position += len(block)
    return ranks


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
    read = terms(cy, weights, dropped)
    entries = [breakdown(cy, m, scores.get(m, {}), resolved=resolved.get(m), read=read) for m in dict.fromkeys(cy.members)]
    for entry in entries:
        entry.band = band_of(cy.rules.bands, entry)
    return Ranking(cy, order(entries, cy.rules.tie_break), list(cy.rules.tie_break))


def rank_record(cy: ClusterYear) -> Ranking:
    """Rank a cluster-year on its basis (``basis``): points, votes, or the meeting's order.

    Points rank as ``rank`` does. Votes rank by count, the tie-break chain after it. A decided
    order is taken as written: a shared place is a tie, members below a partial order are not
    placed. Scores or votes recorded beside another basis are computed for reference only (never
    invented: a member without them has ``has_points`` false or ``votes`` None).
    Raises MissingScores when the basis is points and scores are missing.
    """
    chosen = basis(cy) or RankingBasis.points
    if chosen is RankingBasis.points:
        ranked = rank(cy)
        if cy.year.ranking is not None and cy.year.ranking.order:
            ranked.also = ["decided"]  # the meeting's order, kept for comparison (TD436)
        return ranked
    members = list(dict.fromkeys(cy.members))
    resolved = resolve(cy.year) if has_scores(cy) else {}  # once for every member, not once each
    counted_ = counted(resolved)
    points = has_scores(cy) and not missing_scores(cy, counted_)
    read = terms(cy) if points else []
    entries = [_reference_entry(cy, m, points, resolved, counted_, read) for m in members]
    also = [k for k, present in (("points", points), ("votes", cy.year.votes is not None and bool(cy.year.votes.counts))) if present]
    if chosen is RankingBasis.votes:
        chain = [k for k in cy.rules.tie_break if k != "votes" and (points or (k not in ("bonus", "deductions") and ":" not in k))]
        for entry in entries:
            entry.votes = entry.votes or 0
        ordered = order(entries, chain, by=lambda e: float(e.votes or 0))
        return Ranking(cy, ordered, chain, RankingBasis.votes, [a for a in also if a != "votes"])
    return Ranking(cy, _decided_order(cy, entries), [], RankingBasis.decided, also)


def _reference_entry(
    cy: ClusterYear,
    member: str,
    points: bool,
    resolved: Mapping[str, Mapping[str, Resolved]] | None = None,
    scores: Mapping[str, Mapping[str, float]] | None = None,
    read: list[_Term] | None = None,
) -> Entry:
    """A member's entry beside another basis; ``resolved``/``scores``/``read``: the year's, when the caller has them."""
    if points:
        resolved = resolve(cy.year) if resolved is None else resolved
        scores = counted(resolved) if scores is None else scores
        entry = breakdown(cy, member, scores.get(member, {}), resolved=resolved.get(member), read=read)
    else:
        votes = cy.year.votes.counts.get(member, 0) if cy.year.votes and cy.year.votes.counts else None
        entry = Entry(member, cy.name(member), 0.0, 0.0, 0.0, 0.0, {}, [], votes, has_points=False)
    return entry


def _decided_order(cy: ClusterYear, entries: list[Entry]) -> list[Entry]:
    by_member = {e.member: e for e in entries}
    ordered: list[Entry] = []
    record = cy.year.ranking
    for place in record.places() if record else []:
        block = [by_member.pop(m) for m in dict.fromkeys(place) if m in by_member]
        shared = len(ordered) + 1
        for entry in block:
            entry.rank = shared
            entry.tied_with = [o.member for o in block if o is not entry]
        ordered.extend(block)
    rest = len(ordered) + 1
    for member in [m for m in by_member]:  # below a partial order: in the file's member order
        entry = by_member[member]
        entry.rank, entry.placed = rest, False
        ordered.append(entry)
    return ordered


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
