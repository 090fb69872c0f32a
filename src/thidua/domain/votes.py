"""Checks of how a cluster-year ranks and votes: its basis, the meeting's order, the vote counts.

Rule codes of the TD43x block (ranking basis, decided order, votes); the award ones (TD507, TD508:
issuers) are in checks. Plain functions over a loaded ClusterYear returning located Issues; no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.domain.awards_catalogue import known_award
from thidua.domain.diagnostics import Issue
from thidua.domain.message import Message, Ordinal
from thidua.domain.models import (
    AwardStep,
    ClusterYear,
    RankingBasis,
    VoteBase,
    VoteMethod,
    as_threshold,
)
from thidua.domain.ranking import MissingScores, basis, missing_scores, order, rank, rank_record

if TYPE_CHECKING:
    from thidua.domain.checks import Refs


def check_ranking_and_votes(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """Every TD43x finding of one cluster-year."""
    return [*_check_order(cy, refs), *_check_basis(cy), *_check_vote_totals(cy, refs), *_check_thresholds(cy), *_check_mixed(cy)]


def _check_order(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """The meeting's order names members, each once (TD404 outside the members, TD430 twice)."""
    record = cy.year.ranking
    if record is None:
        return []
    issues: list[Issue] = []
    seen: set[str] = set()
    for index, place in enumerate(record.order):
        written = [(place, ("ranking", "order", index))] if isinstance(place, str) else [(m, ("ranking", "order", index, i)) for i, m in enumerate(place)]
        for member, path in written:
            if refs.means(member) in seen:
                issues.append(Issue("TD430", path, {"unit": member}))
                continue
            seen.add(refs.means(member))
            issues += refs.not_member(member, path, Issue("TD404", path, {"unit": member, "section": "ranking.order"}))
    return issues


def _check_basis(cy: ClusterYear) -> list[Issue]:
    """A basis written out needs what it ranks by (TD431)."""
    record = cy.year.ranking
    if record is None or record.basis is None:
        return []
    needs = {
        RankingBasis.votes: ("votes", cy.year.votes is not None and bool(cy.year.votes.counts)),
        RankingBasis.decided: ("ranking.order", bool(record.order)),
    }
    if record.basis not in needs or needs[record.basis][1]:
        return []
    return [Issue("TD431", ("ranking", "basis"), {"basis": record.basis.value, "missing": needs[record.basis][0]})]


def _check_vote_totals(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """Voters ≤ present ≤ the voting body (TD432); counts ≤ voters (TD408); per-award counts."""
    votes = cy.year.votes
    if votes is None:
        return []
    issues: list[Issue] = []
    body = votes.members or len(dict.fromkeys(cy.members))
    body_path: tuple[Any, ...] = ("votes", "members") if votes.members else ("votes", "voters")
    if votes.present is not None and votes.present > body:
        issues.append(Issue("TD432", ("votes", "present"), {"what": Message("votes.base.present"), "count": votes.present, "limit_what": Message("votes.base.members"), "limit": body}))
    if votes.present is not None and votes.voters > votes.present:
        issues.append(Issue("TD432", ("votes", "voters"), {"what": Message("votes.base.voters"), "count": votes.voters, "limit_what": Message("votes.base.present"), "limit": votes.present}))
    elif votes.voters > body:
        issues.append(Issue("TD432", body_path, {"what": Message("votes.base.voters"), "count": votes.voters, "limit_what": Message("votes.base.members"), "limit": body}))
    if votes.method is VoteMethod.acclamation and (votes.counts or votes.awards):
        issues.append(Issue("TD433", ("votes", "method"), {}))
    extra = cy.cluster.award_titles
    ladder = {step.award for step in cy.rules.awards}
    for award, counts in votes.awards.items():
        path = ("votes", "awards", award)
        if not known_award(award, extra):
            from thidua.domain.checks import _unknown_award

            issues.append(_unknown_award(award, path, extra))
            continue
        if award not in ladder:
            issues.append(Issue("TD434", path, {"award": award}, key=True))
        for member, count in counts.items():
            where = (*path, member)
            if not refs.written_right(member):
                issues += refs.not_member(member, where, Issue("TD404", where, {"unit": member, "section": f"votes.awards.{award}"}, key=True))
            if refs.is_member(member) and count > votes.voters:
                issues.append(Issue("TD408", where, {"count": count, "unit": member, "voters": votes.voters}))
    return issues


def _threshold_paths(cy: ClusterYear) -> list[tuple[tuple[Any, ...], AwardStep | None]]:
    """Where each threshold in force is written: the year's rules, else the cluster file (no path)."""
    rules = cy.year.rules
    out: list[tuple[tuple[Any, ...], AwardStep | None]] = []
    if cy.rules.vote_threshold is not None:
        out.append((("rules", "vote_threshold") if rules is not None and rules.vote_threshold is not None else (), None))
    year_steps = rules is not None and rules.awards is not None
    for index, step in enumerate(cy.rules.awards):
        if step.min_vote_share is not None:
            out.append((("rules", "awards", index, "min_vote_share") if year_steps else (), step))
    return out


def _check_thresholds(cy: ClusterYear) -> list[Issue]:
    """A threshold counted against those present needs ``votes.present`` (TD435)."""
    votes = cy.year.votes
    if votes is None or votes.present is not None:
        return []
    issues = []
    for path, step in _threshold_paths(cy):
        threshold = as_threshold(step.min_vote_share if step is not None else cy.rules.vote_threshold)
        if threshold is not None and threshold.of is VoteBase.present:
            issues.append(Issue("TD435", path or ("votes",), {"award": step.award if step else "*"}, key=not path))
    return issues


def _check_mixed(cy: ClusterYear) -> list[Issue]:
    """The meeting's order beside points or votes: where they disagree, say which one ranks (TD436)."""
    record = cy.year.ranking
    if record is None or not record.order or (not cy.year.scores and not (cy.year.votes and cy.year.votes.counts)):
        return []
    chosen = basis(cy)
    try:
        if cy.year.scores:
            if missing_scores(cy):
                return []
            other = rank(cy)
            other_basis = RankingBasis.points
        else:
            other = rank_record(cy) if chosen is RankingBasis.votes else _by_votes(cy)
            other_basis = RankingBasis.votes
    except MissingScores:
        return []
    position = 1
    for index, place in enumerate(record.places()):
        computed = sorted({e.rank for e in other.entries if e.member in place})
        if computed and computed != [position]:
            member = next(m for m in place if other.entry(m) is not None)
            entry = other.entry(member)
            assert entry is not None
            winner = Message(f"votes.basis.{(chosen or RankingBasis.decided).value}")
            params = {"name": cy.name(member), "decided": Ordinal(position), "computed": Ordinal(entry.rank), "other": Message(f"votes.basis.{other_basis.value}"), "winner": winner}
            return [Issue("TD436", ("ranking", "order", index), params)]
        position += len(place)
    return []


def _by_votes(cy: ClusterYear) -> Any:
    """The year ranked by its vote counts alone (for comparison with the meeting's order)."""
    from thidua.domain.ranking import Ranking, _reference_entry

    entries = [_reference_entry(cy, m, False) for m in dict.fromkeys(cy.members)]
    for entry in entries:
        entry.votes = entry.votes or 0
    return Ranking(cy, order(entries, [], by=lambda e: float(e.votes or 0)), [], RankingBasis.votes)
