"""``thidua history UNIT``: a unit's record across the years, computed over a loaded repository."""

from __future__ import annotations

from thidua.domain.awards import AwardsResult, recommend
from thidua.domain.history import Outcome, UnitHistory, unit_history
from thidua.domain.models import ClusterYear
from thidua.domain.ranking import MissingScores
from thidua.domain.standings import Standing, Status, standing
from thidua.repository.loader import Repository


def every_cluster_year(repo: Repository) -> list[ClusterYear]:
    return [cy for cid in sorted(repo.clusters) for cy in repo.history(cid)]


def evaluate(repo: Repository, cy: ClusterYear) -> tuple[Standing, AwardsResult | None]:
    """The standing of a cluster-year and, when it is ranked, what its ladder recommends."""
    found = standing(repo, cy)
    if found.status is not Status.ranked or found.ranking is None:
        return found, None
    try:
        return found, recommend(cy)
    except MissingScores:
        return found, None


def outcome_of(repo: Repository, cy: ClusterYear, evaluated: tuple[Standing, AwardsResult | None] | None = None) -> Outcome:
    """Places (when the cluster-year is clean and scored) and the awards its ladder recommends."""
    found, result = evaluated or evaluate(repo, cy)
    outcome = Outcome(found.status.value)
    if found.status is not Status.ranked or found.ranking is None:
        return outcome
    # a member below a partial decided order has no place; a year without points has no total
    outcome.places = {e.member: (e.rank, e.total if e.has_points else None) for e in found.ranking.entries if e.placed}
    if result is None:
        return outcome
    for rec in result.recommendations:
        outcome.recommended.setdefault(rec.member, []).append(rec.award)
    return outcome


def outcomes(repo: Repository, evaluated: dict[tuple[str, int], tuple[Standing, AwardsResult | None]] | None = None) -> dict[tuple[str, int], Outcome]:
    known = evaluated or {}
    return {(cy.id, cy.number): outcome_of(repo, cy, known.get((cy.id, cy.number))) for cy in every_cluster_year(repo)}


def history(repo: Repository, unit_id: str, computed: dict[tuple[str, int], Outcome] | None = None) -> UnitHistory | None:
    return unit_history(unit_id, every_cluster_year(repo), repo.registry, computed if computed is not None else outcomes(repo))


def known_units(repo: Repository) -> list[str]:
    """Ids of every unit that sat in a cluster, led one or received an award, in any year."""
    seen: dict[str, None] = {}
    for cy in every_cluster_year(repo):
        for member in cy.members:
            seen.setdefault(member)
        lead = cy.year.leadership
        others: list[str | None] = [lead.chair, *(lead.vice_chairs or []), *(d.member for d in cy.year.awards)]
        for other in others:
            if other:
                seen.setdefault(other)
    return list(seen)
