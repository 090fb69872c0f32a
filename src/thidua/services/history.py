"""``thidua history UNIT``: a unit's record across the years, computed over a loaded repository."""

from __future__ import annotations

import os
from pathlib import Path

from thidua.domain.awards import AwardsResult, recommend
from thidua.domain.history import Outcome, UnitHistory, named, predecessors, unit_history
from thidua.domain.models import ClusterYear
from thidua.domain.ranking import MissingScores
from thidua.domain.standings import Standing, Status, standing
from thidua.repository.loader import Repository


def every_cluster_year(repo: Repository) -> list[ClusterYear]:
    return [cy for cid in sorted(repo.clusters) for cy in repo.history(cid)]


def evaluate(repo: Repository, cy: ClusterYear) -> tuple[Standing, AwardsResult | None]:
    """The standing of a cluster-year and, when it is ranked, what its ladder recommends.

    Without the comparison with last year's ranks: a history shows places, not movements.
    """
    found = standing(repo, cy, compare=False)
    if found.status is not Status.ranked or found.ranking is None:
        return found, None
    try:
        return found, recommend(cy, found.ranking)  # ranked once, for the standing and the ladder
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


def histories(repo: Repository, unit_ids: list[str], computed: dict[tuple[str, int], Outcome]) -> dict[str, UnitHistory]:
    """The history of each unit that a registry knows (others are left out), as ``history`` gives it.

    Each unit reads only the cluster-years that name it or a predecessor (an index built once),
    not every cluster-year of the repository: the same records, in the same order.
    """
    years = every_cluster_year(repo)
    index: dict[str, list[int]] = {}
    for position, cy in enumerate(years):
        for uid in named(cy):
            index.setdefault(uid, []).append(position)
    out: dict[str, UnitHistory] = {}
    for uid in unit_ids:
        if repo.registry.get(uid) is None:  # a cluster's own unit: found by walking the cluster-years
            found = unit_history(uid, years, repo.registry, computed)
        else:
            ids = [uid, *predecessors(uid, repo.registry)]
            positions = sorted({p for i in ids for p in index.get(i, [])})
            found = unit_history(uid, [years[p] for p in positions], repo.registry, computed)
        if found is not None:
            out[uid] = found
    return out


def known_units(repo: Repository) -> list[str]:
    """Ids of every unit that sat in a cluster, led one or received an award, in any year."""
    seen: dict[str, None] = {}
    for cy in every_cluster_year(repo):
        seen.update(named(cy))
    return list(seen)


def unit_record(root: Path, unit_id: str, *, cache: bool = True) -> tuple[UnitHistory | None, Repository]:
    """``thidua history UNIT``: the unit's history, reading only what it depends on, and the
    repository read (its registry gives suggestions when no registry knows the unit).

    The cluster directories whose files name the unit or one of its predecessors (a scan of their
    bytes: ``naming``) are loaded with their models; every other cluster is read only for what
    makes those files clean or not (its diagnostics and memberships, from the cache when
    ``cache``), as ``rank --cluster`` does. The same history as ``history(load_repository(root), unit_id)``.
    """
    from thidua.domain.history import find_unit
    from thidua.repository.cache import open_cache
    from thidua.repository.loader import load_registry, load_repository

    registry, _, _ = load_registry(root, root.resolve())
    ids = {unit_id, *predecessors(unit_id, registry)}
    while True:
        repo = load_repository(root, cache=open_cache(root, cache), keep=naming(root, ids))
        unit, known = find_unit(unit_id, repo.registry, every_cluster_year(repo))
        # a cluster's own unit: its predecessors are known once that cluster is read
        needed = {unit_id, *predecessors(unit_id, known)} if unit is not None else ids
        if needed <= ids:
            return history(repo, unit_id), repo
        ids |= needed


def naming(root: Path, ids: set[str]) -> set[str]:
    """The cluster directories with a file whose bytes contain one of ``ids``: every cluster-year
    that names a unit (as a member, chair, vice-chair or awarded), and every cluster.yaml that
    declares it, is among them. A file with a backslash is taken too (a YAML escape could spell
    an id without writing it); a unit id is ASCII without spaces, so no other form of YAML hides it.
    """
    from thidua.domain.layout import CLUSTER_FILE, YEAR_FILE
    from thidua.repository.loader import cluster_directories, plain_bytes

    needles = [i.encode("utf-8") for i in ids]
    found: set[str] = set()
    for directory, _ in cluster_directories(root, root.resolve())[0]:
        try:
            names = sorted(entry.name for entry in os.scandir(directory))
        except OSError:
            names = [CLUSTER_FILE]  # unreadable here: let the loader say what it is
        for name in names:
            if name != CLUSTER_FILE and not YEAR_FILE.match(name):
                continue  # a file the loader gives no model for
            # None: a link, a FIFO, a file too big... never opened here; the loader decides
            raw = plain_bytes(directory / name)
            if raw is None or b"\\" in raw or any(needle in raw for needle in needles):
                found.add(directory.name)
                break
    return found
