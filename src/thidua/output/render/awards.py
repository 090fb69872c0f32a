"""`thidua awards` output: a table per cluster-year (terminal or plain), Markdown, JSON.

The table shows the whole ranking with the award and the reason beside each member, so the
line between those proposed and those not is visible; notes, the comparison with the decided
awards and the organiser's cap follow it.
"""

from __future__ import annotations

from typing import Any

from thidua.domain.awards import AwardsResult
from thidua.domain.models import AwardKind
from thidua.domain.textsafe import markdown_text, safe_join, safe_text
from thidua.output.i18n import say, t
from thidua.output.period_words import period_message, with_period, year_cell, year_words
from thidua.output.render.scores import band_name
from thidua.output.render.text import (
    csv_text,
    json_text,
    markdown_table,
    message_json,
    number,
    table_text,
    text_width,
    wrap,
)


def _title(result: AwardsResult) -> str:
    cy = result.cluster_year
    return t("awards.title", cluster=result.cluster, name=cy.cluster.name, period=year_words(cy.cluster.period, result.year))


def _headers() -> list[str]:
    return [t(f"awards.col.{c}") for c in ("rank", "member", "total", "award", "reason")]


def rows(result: AwardsResult) -> list[list[str]]:
    """One row per ranked member: rank, name, total, award (or the tie), reason (or why not)."""
    if result.ranking is None:
        return []
    award: dict[str, tuple[str, str]] = {}
    for miss in result.near_misses:  # the last word for a member wins: walk order is top down
        award[miss.member] = ("", say(miss.reason))
    for tie in result.ties_at_line:
        if not tie.carried:
            for member in tie.members:
                award[member] = (t("awards.cell.tie", award=tie.award_title), say(tie.reason))
    given: dict[str, list[tuple[str, str]]] = {}
    for rec in result.recommendations:  # an independent rung may add a second award
        given.setdefault(rec.member, []).append((rec.award_title, say(rec.reason)))
    for member, items in given.items():
        award[member] = ("; ".join(a for a, _ in items), "; ".join(w for _, w in items))
    out = []
    for entry in result.ranking.entries:
        cell, why = award.get(entry.member, ("", ""))
        total = _total_cell(entry)
        if entry.band is not None:  # the rules define bands (xếp loại): shown beside the total
            total += " · " + band_name(result.cluster_year, entry.band)
        out.append([str(entry.rank) if entry.placed else "–", entry.name, total, cell, why])
    return out


def _total_cell(entry: Any) -> str:
    """Points where the year has them; else the votes (ranked by votes) or nothing."""
    if entry.has_points:
        return number(entry.total)
    return str(entry.votes) if entry.votes is not None else ""


def footer_lines(result: AwardsResult) -> list[str]:
    """Notes, the comparison with the decided awards, the organiser's cap: one line each."""
    lines = [f"- {say(note)}" for note in result.notes]
    carried = [tie for tie in result.ties_at_line if tie.carried]
    lines += [f"- {', '.join(tie.names)}: {say(tie.reason)}" for tie in carried]
    ladder = [d for d in result.decided if d.kind is AwardKind.ladder]
    if result.comparison is not None:
        if result.comparison.agrees:
            lines.append(t("awards.compare.agrees", count=len(ladder)))
        else:
            lines.append(t("awards.compare.differs", count=len(result.comparison.differences)))
            lines += [f"  - {say(d.reason)}" for d in result.comparison.differences]
    elif result.decided:
        lines.append(t("awards.decided.heading"))
        lines += [f"  - {d.name}: {d.award_title}" for d in result.decided]
    elif result.status == "recommended":
        lines.append(t("awards.compare.none"))
    outside = [d for d in result.decided if d.kind is not AwardKind.ladder]
    if outside and result.comparison is not None:  # never compared: listed as what they are
        lines += [f"  - {d.name}: {d.award_title}, {t('votes.award.outside', kind=t(f'votes.kind.{d.kind.value}'))}" for d in outside]
    if result.flag_cap is not None:
        lines.append(say(result.flag_cap.reason))
    return lines


def text(results: list[AwardsResult], terminal: bool = False) -> str:
    """One table per cluster-year (rich on a terminal, plain otherwise), reasons wrapped at word boundaries."""
    width = text_width(terminal)
    out = []
    for result in results:
        footer = wrap(safe_join(footer_lines(result)), width)  # names are joined into lines raw: escape each line
        if result.ranking is None:
            out.append(safe_text(_title(result)) + "\n" + footer + "\n\n")
            continue
        out.append(table_text(_title(result), _headers(), rows(result), align="rlr", caption=footer, terminal=terminal, keep=(1, 3)))
    return "".join(out)


def csv(results: list[AwardsResult]) -> str:
    """One row per member of every cluster-year, the table's columns first."""
    table = []
    # a "period" column (the year as people write it) only where a year is not a calendar year
    periods = any(period_message(r.cluster_year.cluster.period, r.year) is not None for r in results)
    for result in results:
        if result.ranking is None:
            continue
        period = [year_cell(result.cluster_year.cluster.period, result.year)] if periods else []
        table += [[result.cluster, str(result.year), *period, *row] for row in rows(result)]
    return csv_text(["cluster", "year", *(["period"] if periods else []), *_headers()], table)


def markdown(results: list[AwardsResult]) -> str:
    parts = []
    for result in results:
        text = f"## {markdown_text(_title(result))}\n\n"
        if result.ranking is not None:
            text += markdown_table(_headers(), rows(result), align="rlr") + "\n"
        lines = [markdown_text(line) for line in footer_lines(result)]
        if lines:
            # every line a list item: a bare line after a list would join the item above it
            text += "\n".join(line if line.startswith(("- ", "  - ")) else f"- **{line}**" for line in lines) + "\n"
        parts.append(text)
    return "\n".join(parts)


def _points(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _entry_points(result: AwardsResult, member: str, total: float) -> float | None:
    """A total in points, or None where the year has no points (ranked by votes or decided)."""
    entry = result.ranking.entry(member) if result.ranking else None
    return _points(total) if entry is None or entry.has_points else None


def _band(result: AwardsResult, member: str) -> str | None:
    entry = result.ranking.entry(member) if result.ranking is not None else None
    return entry.band if entry is not None else None


def as_data(result: AwardsResult) -> dict[str, Any]:
    """The documented JSON object of one cluster-year (docs/awards.md)."""
    cy = result.cluster_year
    cap = result.flag_cap
    return with_period({
        "cluster": result.cluster,
        "name": cy.cluster.name,
        "year": result.year,
        "status": result.status,
        "organiser": {"level": cy.cluster.organiser.level.value, "name": cy.cluster.organiser.name},
        "members": len(cy.members),
        "scores_illustrative": cy.year.scores_illustrative,
        "basis": result.ranking.basis.value if result.ranking else None,
        "recommendations": [
            {"member": r.member, "name": r.name, "rank": r.rank, "total": _entry_points(result, r.member, r.total), "award": r.award, "award_title": r.award_title, "issuer": r.issuer, "reason": message_json(r.reason)}
            for r in result.recommendations
        ],
        "near_misses": [
            {"member": m.member, "name": m.name, "rank": m.rank, "total": _entry_points(result, m.member, m.total), "award": m.award, "award_title": m.award_title, "kind": m.kind, "reason": message_json(m.reason), "gap": _points(m.gap)}
            for m in result.near_misses
        ],
        "ties_at_line": [
            {
                "award": tie.award,
                "award_title": tie.award_title,
                "slots": tie.slots,
                "rank": tie.rank,
                "total": _entry_points(result, tie.members[0], tie.total),
                "members": [{"member": m, "name": n} for m, n in zip(tie.members, tie.names, strict=True)],
                "carried": tie.carried,
                "reason": message_json(tie.reason),
            }
            for tie in result.ties_at_line
        ],
        "decided": [{"member": d.member, "name": d.name, "award": d.award, "award_title": d.award_title, "kind": d.kind.value, "issuer": d.issuer, "note": d.note} for d in result.decided],
        "comparison": None
        if result.comparison is None
        else {
            "agrees": result.comparison.agrees,
            "differences": [
                {"kind": d.kind, "member": d.member, "name": d.name, "recommended": d.recommended, "decided": d.decided, "reason": message_json(d.reason)}
                for d in result.comparison.differences
            ],
        },
        "notes": [message_json(note) for note in result.notes],
        "government_flag_cap": None
        if cap is None
        else {
            "organiser": cap.organiser,
            "proposals": cap.proposals,
            "leading_units": cap.leading_units,
            "clusters": cap.clusters,
            "share": cap.share,
            "cap": cap.cap,
            "over": cap.over,
            "confirmed": False,
            "reason": message_json(cap.reason),
        },
    }, cy.cluster.period, result.year)


def _with_bands(result: AwardsResult) -> dict[str, Any]:
    """With bands (xếp loại) in the rules: the bands and every member's band, after the documented keys."""
    data = as_data(result)
    cy = result.cluster_year
    if cy.rules.bands:
        data["bands"] = [{"id": b.id, "name": b.name} for b in cy.rules.bands]
        entries = result.ranking.entries if result.ranking is not None else []
        data["ranking"] = [{"member": e.member, "rank": e.rank, "total": _points(e.total), "band": e.band} for e in entries]
        for item in [*data["recommendations"], *data["near_misses"]]:
            item["band"] = _band(result, item["member"])
    return data


def json_output(results: list[AwardsResult]) -> str:
    return json_text([_with_bands(r) for r in results])
