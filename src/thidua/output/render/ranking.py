"""Renderers for ``thidua rank``: terminal table, JSON, CSV and Markdown.

Each format shows the ranking of every cluster-year, then the explanation (``render.explain``)
and the stability report (``render.stability``) when asked. Sentences come from catalogue keys
(``messages_rank``), so every format says the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from thidua.domain.explain import Explanation
from thidua.domain.models import IndicatorKind, RankingBasis
from thidua.domain.ranking import Entry
from thidua.domain.stability import Stability
from thidua.domain.standings import Standing, Status
from thidua.domain.textsafe import markdown_text, safe_join
from thidua.output.i18n import t
from thidua.output.period_words import with_period
from thidua.output.render import scores
from thidua.output.render.explain import explain_head, explain_lines, explain_table, explanation_csv, explanation_json
from thidua.output.render.rank_text import (
    Column,
    Table,
    cell,
    change_and_note_columns,
    columns_table,
    is_illustrative,
    join_names,
    key_label,
    ordinal,
    plain,
    title,
)
from thidua.output.render.ranking_basis import basis_lines, basis_table
from thidua.output.render.stability import (
    stability_csv,
    stability_head,
    stability_json,
    stability_lines,
    stability_table,
)
from thidua.output.render.text import csv_text, json_text, markdown_table, number, table_text, text_width, wrap

# --------------------------------------------------------------------------- the ranking table


def ranking_table(standing: Standing) -> Table:
    ranking = standing.ranking
    assert ranking is not None
    if ranking.basis is not RankingBasis.points:
        return basis_table(standing)
    cy = ranking.cluster_year
    groups = list(dict.fromkeys(i.group for i in cy.year.indicators if i.group and i.kind is IndicatorKind.scored))
    kinds = {i.kind for i in cy.year.indicators}
    columns: list[Column] = [(t("rank.col.rank"), "r", lambda e: str(e.rank)), (t("rank.col.member"), "l", lambda e: e.name),
                             (t("rank.col.total"), "r", lambda e: number(e.total))]
    columns += [(scores.group_label(cy, g, short=True), "r", _group_cell(g)) for g in groups]
    if scores.has_bands(cy):
        columns.append((t("scores.col.band"), "l", lambda e: scores.band_name(cy, e.band)))
    if IndicatorKind.bonus in kinds:
        columns.append((t("rank.col.bonus"), "r", lambda e: number(e.bonus)))
    if IndicatorKind.deduction in kinds:
        columns.append((t("rank.col.deductions"), "r", lambda e: number(e.deductions)))
    if cy.year.votes is not None:
        columns.append((t("rank.col.votes"), "r", lambda e: str(e.votes)))
    lookup = {e.member: e.name for e in ranking.entries}
    columns += change_and_note_columns(standing, lambda e: entry_note(e, lookup), placed_only=False)
    return columns_table(columns, ranking.entries)


def _group_cell(group: str) -> Callable[[Entry], str]:
    return lambda e: number(e.groups.get(group, 0.0))


def entry_note(entry: Entry, lookup: dict[str, str]) -> str:
    notes = []
    if entry.decided_by:
        notes.append(t("rank.note.decided", key=key_label(entry.decided_by)))
    if entry.tied_with:
        notes.append(t("rank.note.tied", names=join_names([lookup.get(m, m) for m in entry.tied_with])))
    return "; ".join(notes)


def ranking_notes(standing: Standing) -> list[str]:
    """What a reader needs under the table: illustrative scores, the tie-break rule, open ties."""
    ranking = standing.ranking
    assert ranking is not None
    lookup = {e.member: e.name for e in ranking.entries}
    lines = []
    if is_illustrative(standing):
        lines.append(t("rank.illustrative"))
    if ranking.basis is not RankingBasis.points:
        return lines + basis_lines(standing)
    if ranking.also:  # points rank, beside a recorded decided order: say how they mix
        lines += basis_lines(standing)
    lines.extend(scores.groups_note(ranking.cluster_year))
    if ranking.tie_break:
        lines.append(t("rank.chain", keys=t("rank.word.then").join(key_label(k) for k in ranking.tie_break)))
    else:
        lines.append(t("rank.no_chain"))
    for group in ranking.ties:
        shared = ranking.entry(group[0])
        lines.append(t("rank.tie_remains", names=join_names([lookup.get(m, m) for m in group]), rank=ordinal(shared.rank if shared else 0)))
    if standing.previous_year is not None and ranking.cluster_year.units is not None:
        units = ranking.cluster_year.units
        for e in ranking.entries:
            move = standing.movement(e.member)
            if move.previous_member and move.previous_member != e.member:
                lines.append(t("rank.followed", name=e.name, old=units.name(move.previous_member), old_id=move.previous_member, year=standing.previous_year))
    return lines


def status_line(standing: Standing) -> str:
    """One line for a cluster-year that is not ranked (stdout for no scores; stderr for errors)."""
    if standing.status is Status.no_scores:
        return t("rank.no_scores", title=title(standing))
    files = standing.error_files or ["?"]
    return t("rank.invalid", title=title(standing), files=", ".join(files), command=f"thidua validate {files[0]}")


# --------------------------------------------------------------------------- the terminal


def text_report(standings: list[Standing], explanation: Explanation | None = None, stabilities: dict[str, Stability] | None = None,
                differences: bool = False, terminal: bool = False) -> str:
    """Tables (rich on a terminal, plain otherwise) and prose wrapped at word boundaries; one block per cluster-year."""
    width = text_width(terminal)
    out: list[str] = []

    def prose(lines: list[str]) -> None:
        out.append(wrap(safe_join(lines), width) + "\n\n")

    for standing in standings:
        if standing.status is Status.no_scores:
            prose([status_line(standing)])
            continue
        if standing.status is not Status.ranked:
            continue  # said on stderr by the command
        headers, rows, align = ranking_table(standing)
        out.append(table_text(title(standing), headers, rows, align, caption=wrap(safe_join(ranking_notes(standing)), width), terminal=terminal))
        if differences and standing.cluster_year is not None:
            prose(scores.differences_lines(standing.cluster_year))
        if explanation is not None and explanation.ranking is standing.ranking:
            prose(explain_head(explanation))
            if explanation.contributions:  # none when the year has no points
                out.append(table_text("", *explain_table(explanation), terminal=terminal, keep=()))
            prose(explain_lines(explanation))
        stability = (stabilities or {}).get(standing.cluster)
        if stability is not None:
            extra = standing.cluster_year.cluster.award_titles if standing.cluster_year else None
            prose(stability_head(stability, standing))
            out.append(table_text("", *stability_table(stability, extra), terminal=terminal, keep=(0,)))
            prose(stability_lines(stability, extra))
    return "".join(out)


# --------------------------------------------------------------------------- Markdown


def markdown_report(standings: list[Standing], explanation: Explanation | None = None, stabilities: dict[str, Stability] | None = None, differences: bool = False) -> str:
    parts = []
    for standing in standings:
        parts.append(f"## {markdown_text(title(standing))}\n\n")
        if standing.status is not Status.ranked:
            parts.append(markdown_text(status_line(standing)) + "\n")
            continue
        parts.append(markdown_table(*ranking_table(standing)))
        parts.append("".join(f"\n{markdown_text(line)}\n" for line in ranking_notes(standing)))
        if differences and standing.cluster_year is not None:
            found = scores.differences_lines(standing.cluster_year)
            parts.append(f"\n{markdown_text(found[0])}\n\n" + "".join(f"{markdown_text(line)}\n" for line in found[1:]))
        if explanation is not None and explanation.ranking is standing.ranking:
            head = [markdown_text(line) for line in explain_head(explanation)]
            parts.append(f"\n### {head[0]}\n\n" + "".join(f"{line}\n\n" for line in head[1:]))
            if explanation.contributions:
                parts.append(markdown_table(*explain_table(explanation)))
            parts.append("".join(f"\n- {markdown_text(line)}" for line in explain_lines(explanation)) + "\n")
        stability = (stabilities or {}).get(standing.cluster)
        if stability is not None:
            extra = standing.cluster_year.cluster.award_titles if standing.cluster_year else None
            head = [markdown_text(line) for line in stability_head(stability, standing)]
            parts.append(f"\n### {head[0]}\n\n{head[1]}\n\n")
            parts.append(markdown_table(*stability_table(stability, extra)))
            parts.append("".join(f"\n- {markdown_text(line)}" for line in stability_lines(stability, extra)) + "\n")
        parts.append("\n")
    return "".join(parts).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- JSON

def entry_json(standing: Standing, e: Entry) -> dict[str, Any]:
    """One ranked member; ``band``/``band_name`` only when the rules define bands."""
    move = standing.movement(e.member)
    cy = standing.cluster_year
    return {
        "member": e.member,
        "name": e.name,
        "rank": e.rank,
        "placed": e.placed,
        "total": plain(e.total) if e.has_points else None,
        "scored": plain(e.scored) if e.has_points else None,
        "bonus": plain(e.bonus) if e.has_points else None,
        "deductions": plain(e.deductions) if e.has_points else None,
        "groups": {g: plain(v) for g, v in e.groups.items()},
        "votes": e.votes,
        "previous_rank": move.previous_rank,
        "previous_member": move.previous_member,
        "change": move.change(e.rank),
        "new": move.new,
        "decided_by": e.decided_by,
        "tied_with": list(e.tied_with),
        **({"band": e.band, "band_name": scores.band_name(cy, e.band) or None} if cy is not None and scores.has_bands(cy) else {}),
    }


def standing_json(standing: Standing) -> dict[str, Any]:
    ranking = standing.ranking
    cy = standing.cluster_year
    return with_period({
        "cluster": standing.cluster,
        "name": standing.name,
        "year": standing.year,
        "status": standing.status.value,
        "scores_illustrative": is_illustrative(standing),
        "basis": ranking.basis.value if ranking else None,
        "basis_also": list(ranking.also) if ranking else [],
        "tie_break": list(ranking.tie_break) if ranking else (list(standing.cluster_year.rules.tie_break) if standing.cluster_year else []),
        "previous_year": standing.previous_year,
        "error_files": list(standing.error_files),
        "ranking": [entry_json(standing, e) for e in ranking.entries] if ranking else [],
        "ties": ranking.ties if ranking else [],
        **scores.standing_extras(standing.cluster_year, ranked=ranking is not None),
    }, cy.cluster.period if cy is not None else None, standing.year)

def json_report(standings: list[Standing], explanation: Explanation | None = None, stabilities: dict[str, Stability] | None = None, differences: bool = False) -> str:
    out = []
    for standing in standings:
        item = standing_json(standing)
        if explanation is not None and explanation.ranking is standing.ranking:
            item["explain"] = explanation_json(explanation)
        stability = (stabilities or {}).get(standing.cluster)
        if stability is not None:
            item["stability"] = stability_json(stability)
        out.append(item)
    return json_text(out)


# --------------------------------------------------------------------------- CSV


def csv_report(standings: list[Standing], explanation: Explanation | None = None, stabilities: dict[str, Stability] | None = None, differences: bool = False) -> str:
    """CSV holds one table: the explanation's, else the stability figures, else the differences, else the ranking."""
    if differences and explanation is None and stabilities is None:
        return differences_csv(standings)
    if explanation is not None:
        return explanation_csv(explanation)
    if stabilities is not None:
        return stability_csv(standings, stabilities)
    return ranking_csv(standings)


def ranking_csv(standings: list[Standing]) -> str:
    """One row per ranked member, columns in the table's order: rank, member, total, the indicator
    groups (in the cluster-year's order), then the rest."""
    groups = list(dict.fromkeys(
        i.group for s in standings if s.ranking for i in s.ranking.cluster_year.year.indicators if i.group and i.kind is IndicatorKind.scored
    ))
    head = ["cluster", "year", "rank", "member", "name", "total"]
    tail = ["scored", "bonus", "deductions", "votes", "previous_rank", "previous_member", "change", "new", "decided_by", "tied_with", "scores_illustrative"]
    banded = any(s.cluster_year is not None and scores.has_bands(s.cluster_year) for s in standings)
    rows = []
    for standing in standings:
        for e in standing.ranking.entries if standing.ranking else []:
            item = entry_json(standing, e)
            row = [standing.cluster, standing.year, *[cell(item[k]) for k in head[2:]]]
            row += [cell(item["groups"].get(g)) for g in groups]
            if banded:
                row.append(cell(e.band))
            row += [cell(item[k]) for k in tail[:-2]] + [";".join(e.tied_with), cell(is_illustrative(standing))]
            rows.append(row)
    return csv_text(head + [f"group:{g}" for g in groups] + (["band"] if banded else []) + tail, rows)


def differences_csv(standings: list[Standing]) -> str:
    """``rank --differences --format csv``: one row per self-score the appraisal changed."""
    keys = ["member", "name", "indicator", "indicator_name", "self", "appraised", "final", "change", "reason", "explanation"]
    rows = [
        [standing.cluster, standing.year, *[cell(d[k]) for k in keys]]
        for standing in standings
        if standing.cluster_year is not None and standing.ranking is not None
        for d in scores.differences(standing.cluster_year)
    ]
    return csv_text(["cluster", "year", *keys], rows)
