"""The variables a dossier template sees (docs/awards.md lists them): plain dicts, lists, strings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from thidua.domain.awards import AwardsResult
from thidua.domain.awards_catalogue import award_title
from thidua.domain.dossier import previous_awards
from thidua.domain.models import ClusterYear
from thidua.output.docx import (
    _committee,
    _fact,
    _full_name,
    _government_organiser,
    _words,
    citations,
    date_words,
    issuer,
    meeting_day,
    place_and_date,
    seat,
    settings,
    signer_lines,
    vn_number,
)
from thidua.output.render.text import day as show_day


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def cluster_context(result: AwardsResult) -> dict[str, Any]:
    """Everything about the cluster-year: used by all three templates."""
    cy = result.cluster_year
    words = _words(result)
    extra = cy.cluster.award_titles
    review = cy.year.review
    proposals = dict(result.proposals())
    entries = result.ranking.entries if result.ranking else []
    by_award: dict[str, list[str]] = {}
    for member, award in result.proposals():
        by_award.setdefault(award, []).append(member)
    entry_of = {e.member: e for e in entries}
    signer = settings(result).signer
    body = issuer(result) if _government_organiser(result) and "……" not in issuer(result) else None
    votes = cy.year.votes
    day = meeting_day(result)
    return {
        "cluster": {"id": cy.id, "name": cy.cluster.name, "kind": words["cum"], "abbr": words["abbr"], "chair_title": words["truong"]},
        "organiser": {"name": cy.cluster.organiser.name, "level": cy.cluster.organiser.level.value},
        "year": cy.number,
        "issuer": _plain(issuer(result)),
        "seat": seat(result) or "……",
        "place_and_date": place_and_date(result),
        "meeting": {
            "date": show_day(day) if day else "……",
            "date_words": date_words(day),
            "place": (review.place if review and review.place else None) or "……",
        },
        "legal_bases": list(citations(result)),
        "members": [{"id": m, "name": cy.name(m), "full_name": _full_name(m, result)} for m in cy.members],
        "ranking": [
            {
                "rank": e.rank,
                "name": _full_name(e.member, result),
                "total": vn_number(e.total),
                "award": award_title(proposals[e.member], extra) if e.member in proposals else "",
            }
            for e in entries
        ],
        "scores_illustrative": cy.year.scores_illustrative,
        "proposals": [
            {
                "award": award_title(award, extra),
                "count": f"{len(members):02d}",
                "members": [
                    {"name": _full_name(m, result), "rank": entry_of[m].rank if m in entry_of else "", "total": vn_number(entry_of[m].total) if m in entry_of else ""}
                    for m in members
                ],
            }
            for award, members in by_award.items()
        ],
        "facts": [_fact(f.label, f.value, f.unit) for f in cy.year.facts if f.member is None],
        "votes": {
            "voters": votes.voters if votes else "……",
            "counts": [{"name": _full_name(m, result), "count": c} for m, c in votes.counts.items()] if votes else [],
        },
        "signer": {
            "lines": [_plain(line) for line in [f"TM. {words['CUM']} THI ĐUA", words["truong"].upper(), *(signer_lines(signer, body) if body or signer else [])]],
            "name": (signer.name if signer and signer.name else "") or "",
        },
    }


def report_context(result: AwardsResult, member: str, award: str, history: Iterable[ClusterYear]) -> dict[str, Any]:
    """The cluster's variables plus ``unit``, ``award``, ``entry`` and ``previous_awards``."""
    cy = result.cluster_year
    context = cluster_context(result)
    entry = next((e for e in result.ranking.entries if e.member == member), None) if result.ranking else None
    unit = cy.units.get(member)
    context.update(
        {
            "unit": {
                "id": member,
                "name": cy.name(member),
                "full_name": _full_name(member, result),
                "committee": _plain(_committee(member, result) or _full_name(member, result)),
                "facts": [_fact(f.label, f.value, f.unit) for f in cy.year.facts if f.member == member],
                "seat": unit.name if unit is not None else "……",
            },
            "award": award_title(award, cy.cluster.award_titles),
            "entry": {"rank": entry.rank, "total": vn_number(entry.total), "of": len(result.ranking.entries) if result.ranking else 0} if entry else None,
            "previous_awards": [
                {"year": a.year, "award": award_title(a.award, dict(a.award_titles)), "unit": _full_name(a.unit, result), "cluster": a.cluster}
                for a in previous_awards(member, cy.number, history, cy.units)
            ],
        }
    )
    return context
