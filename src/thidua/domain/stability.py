"""Rank stability: does the order hold if the weights or the scores were a little different?

Composite-indicator practice (OECD/JRC handbook, COINr) tests a ranking by re-computing it under
changed assumptions. Here, for N seeded samples, each scored indicator's weight is multiplied by
U(1 − spread, 1 + spread) and each scored score moves by U(−tolerance, +tolerance) points, clipped
to [0, max]; bonus and deduction points are counted as entered (they follow from facts, not from
judgement). Then each indicator is left out once. The same seed gives the same result: the random
source is a private ``random.Random(seed)``.

Samples are computed on plain lists, not on the pydantic models, so that 1000 samples of a
12-member, 14-indicator cluster take a fraction of a second; the keys (total, then the tie-break
values) are then ordered by the core's own ``ranking.competition_ranks`` (one algorithm, one tie
tolerance, ``ranking.EPSILON``). A test checks that this fast path ranks exactly as ``ranking.rank`` does.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from thidua.domain.models import Indicator, IndicatorKind
from thidua.domain.ranking import Ranking, competition_ranks
from thidua.domain.scoring import counted_scores
from thidua.domain.standings import award_at, award_places

SCORED, BONUS, DEDUCTION = 0, 1, 2
_KIND = {IndicatorKind.scored: SCORED, IndicatorKind.bonus: BONUS, IndicatorKind.deduction: DEDUCTION}


@dataclass(frozen=True)
class Settings:
    samples: int = 1000
    seed: int = 1
    weight_spread: float = 0.2  # each weight × U(1 − spread, 1 + spread)
    tolerance: float = 0.5  # each scored score ± up to this many points


@dataclass
class MemberStability:
    member: str
    name: str
    rank: int  # as ranked by the rules
    median: int
    low: int  # 5th percentile of the sampled ranks
    high: int  # 95th percentile
    rank_shares: dict[int, float]  # sampled rank -> share of samples
    award: str | None  # what its place receives (every member assumed eligible)
    same_award: float  # share of samples with the same award (for a member without one: still none)
    any_award: float  # share of samples in which its place receives an award
    leave_out_best: int
    leave_out_worst: int

    @property
    def same_rank(self) -> float:
        return self.rank_shares.get(self.rank, 0.0)


@dataclass
class LeaveOut:
    indicator: Indicator
    ranks: dict[str, int]
    award_changes: list[str]  # members whose award differs from the ranking's


@dataclass
class Stability:
    settings: Settings
    places: list[str]
    members: list[MemberStability]
    unchanged: float  # share of samples in which every member keeps its award outcome
    leave_out: list[LeaveOut] = field(default_factory=list)

    @property
    def award_can_change(self) -> bool:
        return bool(self.places) and (self.unchanged < 1.0 or any(lo.award_changes for lo in self.leave_out))


class Model:
    """A cluster-year's scores as lists, with the tie-break chain compiled to indexes."""

    def __init__(self, ranking: Ranking) -> None:
        cy = ranking.cluster_year
        self.members = [e.member for e in ranking.entries]
        self.indicators = list(cy.year.indicators)
        self.kinds = [_KIND[i.kind] for i in self.indicators]
        self.weights = [i.weight if i.kind is IndicatorKind.scored else 1.0 for i in self.indicators]
        self.maxima = [i.max for i in self.indicators]
        scores = counted_scores(cy.year)
        self.scores = [[float(scores.get(m, {}).get(i.id, 0.0)) for i in self.indicators] for m in self.members]
        group_ids = list(dict.fromkeys(i.group for i in self.indicators if i.group))
        self.groups = [group_ids.index(i.group) if i.group and i.kind is IndicatorKind.scored else -1 for i in self.indicators]
        self.group_count = len(group_ids)
        votes = cy.year.votes
        self.votes = [float(votes.counts.get(m, 0)) for m in self.members] if votes else [0.0] * len(self.members)
        ids = [i.id for i in self.indicators]
        self.chain: list[tuple[str, int]] = []
        for key in ranking.tie_break:
            kind, _, name = key.partition(":")
            if kind == "group":
                self.chain.append(("group", group_ids.index(name) if name in group_ids else -1))
            elif kind == "indicator":
                self.chain.append(("indicator", ids.index(name) if name in ids else -1))
            else:
                self.chain.append((kind, -1))

    def ranks(self, weights: list[float], scores: list[list[float]], dropped: int = -1) -> list[int]:
        """Competition ranks (1, 2, 2, 4) of the members, by total then the tie-break chain."""
        kinds, groups = self.kinds, self.groups
        keys = []
        for m, row in enumerate(scores):
            scored = bonus = deductions = 0.0
            group_sums = [0.0] * self.group_count
            points = [0.0] * len(row)
            for i, score in enumerate(row):
                if i == dropped:
                    continue
                kind = kinds[i]
                if kind == SCORED:
                    p = score * weights[i]
                    scored += p
                    if groups[i] >= 0:
                        group_sums[groups[i]] += p
                elif kind == BONUS:
                    p = score
                    bonus += score
                else:
                    p = -score
                    deductions += score
                points[i] = p
            key = [scored + bonus - deductions]
            for step, index in self.chain:
                if step == "group":
                    value = group_sums[index] if index >= 0 else 0.0
                elif step == "indicator":
                    value = points[index] if index >= 0 else 0.0
                elif step == "votes":
                    value = self.votes[m]
                elif step == "bonus":
                    value = bonus
                else:
                    value = -deductions
                key.append(value)
            keys.append(tuple(key))
        return competition_ranks(keys)


def percentile(counts: list[int], share: float) -> int:
    """Nearest-rank percentile of a histogram of ranks (``counts[r]`` samples at rank r)."""
    needed = max(1, math.ceil(share * sum(counts) - 1e-9))
    running = 0
    for value, count in enumerate(counts):
        running += count
        if running >= needed:
            return value
    return len(counts) - 1


@dataclass
class _Tally:
    """Counts over the random trials, per member (in ranking order)."""

    histogram: list[list[int]]  # [member][rank] -> trials
    same_award: list[int]
    any_award: list[int]
    unchanged: int = 0  # trials in which every member's award is the ranking's


def perturbed(model: Model, rng: random.Random, settings: Settings) -> tuple[list[float], list[list[float]]]:
    """One trial's weights and scores: scored indicators only, scores kept within [0, max]."""
    low, high, tol = 1 - settings.weight_spread, 1 + settings.weight_spread, settings.tolerance
    scored = [i for i, k in enumerate(model.kinds) if k == SCORED]
    weights = list(model.weights)
    for i in scored:
        weights[i] *= rng.uniform(low, high)
    if tol <= 0:
        return weights, model.scores
    scores = [list(row) for row in model.scores]
    for row in scores:
        for i in scored:
            row[i] = min(model.maxima[i], max(0.0, row[i] + rng.uniform(-tol, tol)))
    return weights, scores


def _trials(model: Model, settings: Settings, places: list[str], base_awards: list[str | None]) -> _Tally:
    n = len(model.members)
    tally = _Tally([[0] * (n + 1) for _ in range(n)], [0] * n, [0] * n)
    rng = random.Random(settings.seed)  # private: the global random state is never touched
    for _ in range(settings.samples):
        all_same = True
        for m, r in enumerate(model.ranks(*perturbed(model, rng, settings))):
            tally.histogram[m][r] += 1
            award = award_at(places, r)
            if award == base_awards[m]:
                tally.same_award[m] += 1
            else:
                all_same = False
            if award is not None:
                tally.any_award[m] += 1
        tally.unchanged += all_same
    return tally


def _leave_one_out(model: Model, places: list[str], base_awards: list[str | None]) -> list[LeaveOut]:
    out = []
    for i, indicator in enumerate(model.indicators):
        ranks = model.ranks(model.weights, model.scores, dropped=i)
        changes = [model.members[m] for m, r in enumerate(ranks) if award_at(places, r) != base_awards[m]]
        out.append(LeaveOut(indicator, dict(zip(model.members, ranks, strict=True)), changes))
    return out


def analyse(ranking: Ranking, settings: Settings | None = None) -> Stability:
    """Re-rank under N seeded perturbations and once without each indicator; summarise per member."""
    settings = settings or Settings()
    if settings.samples < 1 or not 0 <= settings.weight_spread < 1 or settings.tolerance < 0:
        raise ValueError(f"invalid stability settings: {settings}")
    model = Model(ranking)
    places = award_places(ranking.cluster_year)
    base_awards = [award_at(places, e.rank) for e in ranking.entries]
    tally = _trials(model, settings, places, base_awards)
    leave_out = _leave_one_out(model, places, base_awards)
    total = settings.samples
    members = []
    for m, entry in enumerate(ranking.entries):
        counts = tally.histogram[m]
        left_out = [lo.ranks[entry.member] for lo in leave_out] or [entry.rank]
        members.append(
            MemberStability(
                member=entry.member,
                name=entry.name,
                rank=entry.rank,
                median=percentile(counts, 0.5),
                low=percentile(counts, 0.05),
                high=percentile(counts, 0.95),
                rank_shares={r: c / total for r, c in enumerate(counts) if c},
                award=base_awards[m],
                same_award=tally.same_award[m] / total,
                any_award=tally.any_award[m] / total,
                leave_out_best=min(left_out),
                leave_out_worst=max(left_out),
            )
        )
    return Stability(settings, places, members, tally.unchanged / total, leave_out)
