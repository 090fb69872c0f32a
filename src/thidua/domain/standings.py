"""A cluster-year's standing in a yearly report: ranked, waiting for scores, or refused.

Wraps the ranking core with what a report needs around it: why a cluster-year was not ranked,
last year's ranks (followed through the 2025 mergers), and the award places of the cluster's
ladder. Plain functions over a loaded Repository: no printing, no file access.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from thidua.domain.awards_catalogue import quota
from thidua.domain.models import ClusterYear
from thidua.domain.ranking import Entry, MissingScores, Ranking, can_rank, previous_ranks, rank_record
from thidua.domain.record import Repository
from thidua.domain.usable import Unusable, unusable


class Status(StrEnum):
    ranked = "ranked"
    no_scores = "no_scores"  # TD405: the review has not been scored yet; not an error
    invalid = "invalid"  # validation errors: refused rather than ranked on bad data


@dataclass
class Movement:
    """A member's rank against the previous year."""

    previous_rank: int | None = None
    previous_member: str | None = None  # the id it had then: a predecessor after a merger
    new: bool = False  # a previous ranking exists but the member (or its predecessors) was not in it

    def change(self, current_rank: int) -> int | None:
        """Places gained: +2 moved up two places, −1 down one, 0 unchanged."""
        return None if self.previous_rank is None else self.previous_rank - current_rank


@dataclass
class Standing:
    cluster: str
    name: str
    year: int
    status: Status
    cluster_year: ClusterYear | None = None  # None when the file could not be loaded at all
    ranking: Ranking | None = None
    previous_year: int | None = None  # set when that year was ranked and is compared against
    previous: dict[str, tuple[int, str]] = field(default_factory=dict)
    error_files: list[str] = field(default_factory=list)  # where `thidua validate` should look
    missing: list[tuple[str, str]] = field(default_factory=list)
    unusable: Unusable | None = None  # why an invalid cluster-year cannot be used

    def movement(self, member: str) -> Movement:
        if self.previous_year is None:
            return Movement()
        found = self.previous.get(member)
        if found is None:
            return Movement(new=True)
        return Movement(found[0], found[1])


def standings(repo: Repository, year: int, only: list[str] | None = None) -> list[Standing]:
    """One Standing per cluster that has a file for ``year`` (or only the clusters in ``only``)."""
    out = []
    for cid, data in sorted(repo.clusters.items()):
        if only and cid not in only:
            continue
        cy = data.years.get(year)
        if cy is None:
            refused = unusable(repo, cid, year)
            if refused is not None:  # the file exists but did not load: schema errors
                name = data.file.name if data.file else cid
                out.append(Standing(cid, name, year, Status.invalid, error_files=refused.files, unusable=refused))
            continue
        out.append(standing(repo, cy))
    return out


def standing(repo: Repository, cy: ClusterYear, compare: bool = True) -> Standing:
    """Rank one loaded cluster-year, or say why not; ``compare=False`` skips last year's ranks (a third of the work)."""
    base = Standing(cy.id, cy.cluster.name, cy.number, Status.invalid, cy)
    refused = unusable(repo, cy.id, cy.number)
    if refused is not None:
        base.error_files, base.unusable = refused.files, refused
        return base
    if not can_rank(cy):
        base.status = Status.no_scores
        return base
    try:
        base.ranking = rank_record(cy)
    except MissingScores as exc:  # the checks report TD403 as an error; kept as a safety net
        base.missing = exc.missing
        base.error_files = [cy.path]
        return base
    base.status = Status.ranked
    previous = _previous_ranking(repo, cy) if compare else None
    if previous is not None:
        base.previous_year = previous.year
        base.previous = previous_ranks(base.ranking, previous)
    return base


def _previous_ranking(repo: Repository, cy: ClusterYear) -> Ranking | None:
    """Last year's ranking of the same cluster, when it exists, is clean and was ranked."""
    data = repo.clusters.get(cy.id)
    before = data.years.get(cy.number - 1) if data else None
    if before is None or not repo.is_clean(before) or not can_rank(before):
        return None
    try:
        return rank_record(before)
    except MissingScores:
        return None


# --------------------------------------------------------------------------- award places


def award_places(cy: ClusterYear) -> list[str]:
    """The award id of each place from the top, walking the ladder's quotas.

    Assumes every member meets every step's conditions (minimum total, votes...): this is the
    line a ranking alone can draw. ``thidua awards`` applies the conditions.
    """
    members = len(dict.fromkeys(cy.members))
    places: list[str] = []
    for step in cy.rules.awards:
        if not step.independent:  # another body's list: it takes no place on this ladder
            places.extend([step.award] * quota(step, members))
    return places[:members]


def award_at(places: list[str], rank_: int) -> str | None:
    """The award that goes with a competition rank (a shared rank reaches the higher place)."""
    return places[rank_ - 1] if 1 <= rank_ <= len(places) else None


def has_conditions(cy: ClusterYear) -> bool:
    """Whether the ladder sets conditions that a ranking does not check."""
    return any(
        s.min_total is not None or s.max_deductions is not None or s.min_scores or s.min_vote_share is not None or s.band is not None
        for s in cy.rules.awards
    ) or cy.rules.vote_threshold is not None


def above(ranking: Ranking, entry: Entry) -> Entry | None:
    """The member on the next place up: the last one ranked strictly better."""
    better = [e for e in ranking.entries if e.rank < entry.rank]
    return better[-1] if better else None


def below(ranking: Ranking, entry: Entry) -> Entry | None:
    """The first member ranked strictly worse."""
    return next((e for e in ranking.entries if e.rank > entry.rank), None)
