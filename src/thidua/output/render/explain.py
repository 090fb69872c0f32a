"""``thidua rank --explain``: the explanation as a table and sentences, JSON and CSV."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thidua.domain.awards_catalogue import award_title
from thidua.domain.explain import Difference, Explanation, Neighbour
from thidua.domain.models import IndicatorKind
from thidua.domain.ranking import EPSILON, Contribution
from thidua.output.i18n import say, t
from thidua.output.period_words import year_words
from thidua.output.render import scores
from thidua.output.render.rank_text import Table, cell, join_names, key_label, ordinal, percent, plain
from thidua.output.render.text import csv_text, number


def explain_table(x: Explanation) -> Table:
    headers = [t("explain.col.indicator"), t("explain.col.group"), t("explain.col.score"), t("explain.col.max"), t("explain.col.share"), t("explain.col.weight"), t("explain.col.points")]
    staged = scores.has_stages(x.ranking.cluster_year)
    if staged:
        headers.append(t("scores.col.stage"))
    rows = []
    for c in x.contributions:
        ind = c.indicator
        if ind.kind is IndicatorKind.scored:
            rows.append([ind.name, ind.group or "", number(c.score), number(ind.max), percent(c.share), number(ind.weight, 3), number(c.points)])
        else:
            sign = "" if not c.points else "+" if ind.kind is IndicatorKind.bonus else "−"
            rows.append([ind.name, t(f"explain.kind.{ind.kind.value}"), number(c.score), number(ind.max), "", "", sign + number(abs(c.points))])
        if staged:
            rows[-1].append(scores.stage_label(c.stage))
    return headers, rows, "llrrrrr" + ("l" if staged else "")


def _items(contributions: Sequence[Contribution]) -> str:
    return "; ".join(f"{c.indicator.name} ({percent(c.share)})" for c in contributions)


def _diffs(items: Sequence[Difference]) -> str:
    return "; ".join(f"{d.name} (+{number(d.points)})" for d in items)


def explain_head(x: Explanation) -> list[str]:
    e = x.entry
    cy = x.ranking.cluster_year
    rank = ordinal(e.rank) if e.placed else t("votes.not_placed")
    lines = [t("explain.title", name=e.name, rank=rank, count=x.members, cluster=cy.cluster.name, period=year_words(cy.cluster.period, cy.number))]
    if e.has_points:
        lines.append(t("explain.total", total=number(e.total), scored=number(e.scored), possible=number(x.possible), bonus=number(e.bonus), deductions=number(e.deductions)))
    if x.ranking.basis.value != "points":
        from thidua.domain.awards import basis_note

        lines.append(say(basis_note(x.ranking)))
    if e.votes is not None and cy.year.votes is not None:
        lines.append(t("explain.votes", votes=e.votes, voters=cy.year.votes.voters))
    return lines


def explain_lines(x: Explanation) -> list[str]:
    """The sentences after the contribution table, for a reader who has not seen the rules."""
    e = x.entry
    lookup = {en.member: en.name for en in x.ranking.entries}
    lines = []
    if x.strongest:
        lines.append(t("explain.strongest", items=_items(x.strongest)))
        lines.append(t("explain.weakest", items=_items(x.weakest)))
    if e.tied_with:
        lines.append(t("explain.shares", rank=ordinal(e.rank), names=join_names([lookup.get(m, m) for m in e.tied_with])))
    if x.up is None:
        lines.append(t("explain.first"))
        if x.down is not None:
            lines.append(_neighbour_line(x.down, "explain.lead", "explain.lead_tie"))
            if x.down.differences:
                lines.append(t("explain.gained", items=_diffs(x.down.differences)))
    else:
        lines.append(_neighbour_line(x.up, "explain.up", "explain.up_tie"))
        if x.up.differences:
            lines.append(t("explain.lost", items=_diffs(x.up.differences)))
    lines.extend(scores.marked_down_lines(e, x.ranking.cluster_year))
    lines.extend(award_line_lines(x))
    return lines


def _neighbour_line(n: Neighbour, key: str, tie_key: str) -> str:
    other = n.entry
    if n.gap is None:  # no points: the place alone
        return t("votes.explain.neighbour", other=other.name, rank=ordinal(other.rank))
    if n.tie_key is not None and n.tie_values is not None:
        theirs, mine = (abs(v) if v is not None else None for v in n.tie_values)
        return t(tie_key, other=other.name, rank=ordinal(other.rank), key=key_label(n.tie_key), theirs=number(theirs), mine=number(mine))
    return t(key, other=other.name, rank=ordinal(other.rank), gap=number(n.gap))


def award_line_lines(x: Explanation) -> list[str]:
    line = x.award_line
    e = x.entry
    extra = x.ranking.cluster_year.cluster.award_titles
    if not line.places:
        return [t("explain.no_awards")]
    ladder: dict[str, int] = {}
    for award in line.places:
        ladder[award] = ladder.get(award, 0) + 1
    steps = ", ".join(f"{count} × {award_title(award, extra)}" for award, count in ladder.items())
    lines = [t("explain.line", count=line.line_rank, ladder=steps)]
    if line.inside:
        lines.append(t("explain.inside", name=e.name, award=award_title(line.award or "", extra)))
        if line.other is not None and line.gap is not None:
            key = "explain.inside_tie" if abs(line.gap) <= EPSILON else "explain.inside_gap"
            lines.append(t(key, gap=number(line.gap), other=line.other.name, rank=ordinal(line.other.rank)))
    elif line.other is not None and line.gap is not None:
        key = "explain.outside_tie" if abs(line.gap) <= EPSILON else "explain.outside"
        lines.append(t(key, name=e.name, gap=number(line.gap), other=line.other.name, rank=ordinal(line.other.rank)))
    if line.crowded:
        lines.append(t("explain.crowded"))
    lines.append(t("explain.assumption"))
    if line.conditions:
        lines.append(t("explain.conditions"))
    return lines


def explanation_json(x: Explanation) -> dict[str, Any]:
    line = x.award_line
    staged = scores.has_stages(x.ranking.cluster_year)
    extra = x.ranking.cluster_year.cluster.award_titles

    def neighbour(n: Neighbour | None) -> dict[str, Any] | None:
        if n is None:
            return None
        return {
            "member": n.entry.member,
            "name": n.entry.name,
            "rank": n.entry.rank,
            "total": plain(n.entry.total) if n.entry.has_points else None,
            "gap": plain(n.gap),
            "tie_break": n.tie_key,
            "differences": [{"indicator": d.indicator, "points": plain(d.points)} for d in n.differences],
        }

    return {
        "member": x.entry.member,
        "name": x.entry.name,
        "rank": x.entry.rank,
        "placed": x.entry.placed,
        "basis": x.ranking.basis.value,
        "members": x.members,
        "total": plain(x.entry.total) if x.entry.has_points else None,
        "possible": plain(x.possible),
        **scores.explanation_extras(x.ranking.cluster_year, x.entry),
        "indicators": [
            {
                "indicator": c.indicator.id,
                "name": c.indicator.name,
                "group": c.indicator.group,
                "kind": c.indicator.kind.value,
                "score": plain(c.score),
                "max": plain(c.indicator.max),
                "share": plain(c.share) if c.indicator.kind is IndicatorKind.scored else None,
                "weight": plain(c.indicator.weight) if c.indicator.kind is IndicatorKind.scored else None,
                "points": plain(c.points),
                **(scores.contribution_stages(c) if staged else {}),
            }
            for c in x.contributions
        ],
        "strongest": [c.indicator.id for c in x.strongest],
        "weakest": [c.indicator.id for c in x.weakest],
        "next_up": neighbour(x.up),
        "next_down": neighbour(x.down),
        "award_line": {
            "places": list(line.places),
            "line_rank": line.line_rank,
            "award": line.award,
            "award_name": award_title(line.award, extra) if line.award else None,
            "inside": line.inside,
            "other": line.other.member if line.other else None,
            "gap": plain(line.gap),
            "tie_at_line": line.crowded,
            "assumes_all_eligible": True,
            "conditions_not_checked": line.conditions,
        },
    }



def explanation_csv(x: Explanation) -> str:
    item = explanation_json(x)
    headers = ["cluster", "year", "member", "name", "indicator", "indicator_name", "group", "kind", "score", "max", "share", "weight", "points"]
    cy = x.ranking.cluster_year
    rows = [
        [cy.id, cy.number, x.entry.member, x.entry.name, i["indicator"], i["name"], i["group"] or "", i["kind"], *[cell(i[k]) for k in ("score", "max", "share", "weight", "points")]]
        for i in item["indicators"]
    ]
    if scores.has_stages(cy):  # which stage counted, and the stages recorded
        extra = ["stage", "self", "appraised", "final", "reason"]
        headers += extra
        for row, i in zip(rows, item["indicators"], strict=True):
            row += [cell(i[k]) for k in extra]
    return csv_text(headers, rows)
