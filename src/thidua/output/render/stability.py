"""``thidua rank --stability``: the stability report as a table and sentences, JSON and CSV."""

from __future__ import annotations

from typing import Any

from thidua.domain.awards_catalogue import award_title
from thidua.domain.stability import MemberStability, Stability
from thidua.domain.standings import Standing
from thidua.output.i18n import t
from thidua.output.render.rank_text import Table, cell, ordinal, percent, plain, title
from thidua.output.render.text import csv_text, number


def _band(m: MemberStability) -> str:
    return str(m.low) if m.low == m.high else f"{m.low}–{m.high}"


def stability_table(s: Stability, extra: dict[str, str] | None = None) -> Table:
    headers = [t("stability.col.member"), t("rank.col.rank"), t("stability.col.median"), t("stability.col.band"), t("stability.col.same_rank")]
    align = "lrrrr"
    if s.places:
        headers += [t("stability.col.award"), t("stability.col.same_award"), t("stability.col.any_award")]
        align += "lrr"
    headers.append(t("stability.col.leave_out"))
    align += "r"
    rows = []
    for m in s.members:
        row = [m.name, str(m.rank), str(m.median), _band(m), percent(m.same_rank)]
        if s.places:
            row += [award_title(m.award, extra) if m.award else "–", percent(m.same_award) if m.award else "–", percent(m.any_award)]
        row.append(str(m.leave_out_best) if m.leave_out_best == m.leave_out_worst else f"{m.leave_out_best}–{m.leave_out_worst}")
        rows.append(row)
    return headers, rows, align


def stability_head(s: Stability, standing: Standing) -> list[str]:
    st = s.settings
    return [
        t("stability.title", title=title(standing)),
        t("stability.method", samples=number(st.samples, 0), spread=number(st.weight_spread * 100, 1), tolerance=number(st.tolerance), seed=st.seed),
    ]


def stability_lines(s: Stability, extra: dict[str, str] | None = None) -> list[str]:
    lines = []
    lookup = {m.member: m.name for m in s.members}
    if not s.places:
        leader = s.members[0]
        lines.append(t("stability.leader", name=leader.name, rank=ordinal(leader.rank), share=percent(leader.same_rank), band=_band(leader)))
        lines.append(t("stability.no_awards"))
    else:
        for m in s.members:
            if m.award:
                lines.append(t("stability.keeps", name=m.name, award=award_title(m.award, extra), share=percent(m.same_award), any=percent(m.any_award)))
        close = sorted((m for m in s.members if not m.award and m.any_award > 0), key=lambda m: -m.any_award)[:2]
        if close:
            items = "; ".join(t("stability.close_item", name=m.name, share=percent(m.any_award)) for m in close)
            lines.append(t("stability.close", items=items))
        if s.unchanged >= 1.0:
            lines.append(t("stability.outcome_fixed"))
        else:
            lines.append(t("stability.outcome_moves", share=percent(1 - s.unchanged)))
        changing = [lo for lo in s.leave_out if lo.award_changes]
        for lo in changing:
            moved = "; ".join(f"{lookup[m]} → {ordinal(lo.ranks[m])}" for m in lo.award_changes)
            lines.append(t("stability.leave_out_changes", indicator=lo.indicator.name, moves=moved))
        if not changing:
            lines.append(t("stability.leave_out_fixed"))
        lines.append(t("stability.verdict_can") if s.award_can_change else t("stability.verdict_cannot"))
    lines.append(t("stability.caveat"))
    return lines



def stability_json(s: Stability) -> dict[str, Any]:
    st = s.settings
    return {
        "samples": st.samples,
        "seed": st.seed,
        "weight_spread": st.weight_spread,
        "tolerance": st.tolerance,
        "award_places": list(s.places),
        "unchanged_award_share": plain(s.unchanged),
        "award_outcome_can_change": s.award_can_change,
        "members": [
            {
                "member": m.member,
                "name": m.name,
                "rank": m.rank,
                "median_rank": m.median,
                "band": [m.low, m.high],
                "rank_shares": {str(r): plain(v) for r, v in sorted(m.rank_shares.items())},
                "same_rank_share": plain(m.same_rank),
                "award": m.award,
                "same_award_share": plain(m.same_award),
                "any_award_share": plain(m.any_award),
                "leave_one_out": [m.leave_out_best, m.leave_out_worst],
            }
            for m in s.members
        ],
        "leave_one_out": [
            {"indicator": lo.indicator.id, "ranks": lo.ranks, "award_changes": lo.award_changes}
            for lo in s.leave_out
        ],
    }



def stability_csv(standings: list[Standing], stabilities: dict[str, Stability]) -> str:
    headers = ["cluster", "year", "member", "name", "rank", "median_rank", "band_low", "band_high", "same_rank_share", "award", "same_award_share", "any_award_share", "leave_one_out_best", "leave_one_out_worst"]
    rows = []
    for standing in standings:
        s = stabilities.get(standing.cluster)
        for m in s.members if s else []:
            rows.append([standing.cluster, standing.year, m.member, m.name, m.rank, m.median, m.low, m.high, cell(plain(m.same_rank)), m.award or "", cell(plain(m.same_award)), cell(plain(m.any_award)), m.leave_out_best, m.leave_out_worst])
    return csv_text(headers, rows)
