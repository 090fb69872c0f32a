"""Words and data for the scoring stages, computed indicators, groups and bands, for every format.

Shared by ``rank`` (text, JSON, CSV, Markdown, xlsx), ``rank --explain``, ``rank --differences``,
``awards`` and the documents: one place says what a stage, a band or a computation is called.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from thidua.domain.models import ClusterYear, FormulaKind, StagedScore
from thidua.domain.ranking import Contribution, Entry
from thidua.domain.scoring import Computation, SelfDifference, exact, self_differences
from thidua.output.i18n import t
from thidua.output.render.rank_text import plain
from thidua.output.render.text import number


def band_name(cy: ClusterYear, band: str | None) -> str:
    """The band's name as the rules write it; "" when there is none."""
    if band is None:
        return ""
    return next((b.name for b in cy.rules.bands if b.id == band), band)


def has_bands(cy: ClusterYear) -> bool:
    return bool(cy.rules.bands)


def has_stages(cy: ClusterYear) -> bool:
    """Whether any score of the year is written with its stages or as a formula's result."""
    return any(isinstance(s, StagedScore) for row in cy.year.scores.values() for s in row.values())


def stage_label(stage: str | None) -> str:
    return t(f"scores.stage.{stage}") if stage else ""


def group_label(cy: ClusterYear, group: str, short: bool = False) -> str:
    """``I. Phát triển kinh tế`` when ``groups:`` declares it (``short``: ``I``), else the group's id."""
    found = next((g for g in cy.year.groups if g.id == group), None)
    if found is None:
        return group
    if short:
        return found.number or group
    return f"{found.number}. {found.name}" if found.number else found.name


def groups_note(cy: ClusterYear) -> list[str]:
    """Under a table whose columns are the groups' numbers: what each number stands for."""
    numbered = [g for g in cy.year.groups if g.number]
    if not numbered:
        return []
    items = "; ".join(f"{g.number}. {g.name}" + (f" ({t('scores.max', max=number(g.max))})" if g.max is not None else "") for g in numbered)
    return [t("scores.groups", items=items)]


def groups_json(cy: ClusterYear) -> list[dict[str, Any]]:
    return [{"id": g.id, "number": g.number, "name": g.name, "max": plain(g.max)} for g in cy.year.groups]


def _n(value: Fraction | float | None) -> str:
    return number(float(value)) if value is not None else "?"


def computation_line(c: Contribution) -> str | None:
    """The formula with the member's numbers, or None for an indicator scored by hand."""
    comp = c.resolved.computation if c.resolved is not None else None
    if comp is None:
        return None
    ind = c.indicator
    unit = f" {comp.unit}" if comp.unit else ""
    capped = t("scores.computed.capped") if comp.capped else ""
    common = {"indicator": ind.name, "max": number(ind.max), "points": _n(comp.points), "unit": unit}
    if comp.kind is FormulaKind.ratio:
        return t("scores.computed.ratio", actual=_n(comp.actual), target=_n(comp.target), capped=capped, **common)
    if comp.kind is FormulaKind.best:
        return t("scores.computed.best", actual=_n(comp.actual), best=_n(comp.best), **common)
    if comp.kind is FormulaKind.pass_fail:
        return t("scores.computed.pass_fail", passed=t("scores.passed" if comp.passed else "scores.failed"), **common)
    if comp.kind is FormulaKind.per_item:
        per = ind.formula.points if ind.formula is not None else None
        return t("scores.computed.count", count=comp.count, per=_n(per), capped=capped, **common)
    if comp.actual is None or comp.target is None or comp.actual <= comp.target:
        return t("scores.computed.leader_below", actual=_n(comp.actual), target=_n(comp.target), **common)
    if comp.leader_actual is None or comp.leader_target is None or comp.points == exact(ind.max):
        return t("scores.computed.leader_top", actual=_n(comp.actual), target=_n(comp.target), **common)
    excess = comp.actual / comp.target - 1
    leader_excess = comp.leader_actual / comp.leader_target - 1
    return t("scores.computed.leader_above", excess=_percent(excess), leader_excess=_percent(leader_excess), **common)


def _percent(value: Fraction) -> str:
    return number(float(value) * 100, 2) + "%"


def computation_json(comp: Computation | None) -> dict[str, Any] | None:
    if comp is None:
        return None
    out: dict[str, Any] = {"formula": comp.kind.value, "points": float(comp.points), "capped": comp.capped, "unit": comp.unit}
    for key in ("actual", "target", "best", "leader_actual", "leader_target"):
        value = getattr(comp, key)
        if value is not None:
            out[key] = float(value)
    for key in ("count", "passed", "leader"):
        value = getattr(comp, key)
        if value is not None:
            out[key] = value
    return out


def contribution_stages(c: Contribution) -> dict[str, Any]:
    """The stages of one contribution for JSON: which one counted, and each one recorded."""
    staged = c.resolved.staged if c.resolved is not None else None
    return {
        "stage": c.stage,
        "self": plain(staged.self_score) if staged else None,
        "appraised": plain(staged.appraised) if staged else None,
        "final": plain(staged.final) if staged else None,
        "reason": staged.reason if staged else None,
        "explanation": staged.explanation if staged else None,
        "computation": computation_json(c.resolved.computation if c.resolved else None),
    }


def _change(d: SelfDifference) -> str:
    return ("+" if d.change > 0 else "") + number(d.change)


def marked_down_lines(entry: Entry, cy: ClusterYear) -> list[str]:
    """Where and why the member's self-scores were changed, and the computations with numbers."""
    names = {i.id: i.name for i in cy.year.indicators}
    lines = []
    for d in self_differences(cy.year, entry.member):
        appraised = number(d.appraised) if d.appraised is not None else "—"
        key = "scores.marked_up" if d.appraised is not None and d.appraised > d.self_score else "scores.marked_down"
        lines.append(t(key, indicator=names.get(d.indicator, d.indicator), self=number(d.self_score), appraised=appraised, reason=d.reason or t("scores.no_reason")))
        if d.final is not None:
            lines.append(t("scores.final_after", final=number(d.final), explanation=d.explanation or t("scores.no_reason")))
    for c in entry.contributions:
        line = computation_line(c)
        if line is not None:
            lines.append(line)
    if has_bands(cy):
        lines.append(t("scores.band", band=band_name(cy, entry.band) or t("scores.band_none")))
        lines.extend(_band_missed(cy, entry))
    return lines


def _band_missed(cy: ClusterYear, entry: Entry) -> list[str]:
    """Why the member is not in the band just above its own (or in the lowest, when in none)."""
    from thidua.domain.bands import misses, within

    ids = [b.id for b in cy.rules.bands]
    place = ids.index(entry.band) if entry.band in ids else len(ids)
    if place == 0:
        return []
    above = cy.rules.bands[:place]
    band = next((b for b in reversed(above) if within(b, entry.total)), above[-1])  # the total's own band, if a floor kept it out
    names = {i.id: i.name for i in cy.year.indicators}
    why = []
    for miss in misses(band, entry):
        if miss.indicator is not None and miss.share is not None and band.floor is not None:
            why.append(t("scores.band_missed_floor", indicator=names.get(miss.indicator, miss.indicator), share=_percent(exact(miss.share)), floor=_percent(exact(band.floor))))
        else:
            low = ("[" if band.min_inclusive else "(") + (number(band.min) if band.min is not None else "−∞")
            high = (number(band.max) if band.max is not None else "+∞") + ("]" if band.max_inclusive else ")")
            why.append(t("scores.band_missed_total", total=number(entry.total), bounds=f"{low}; {high}"))
    return [t("scores.band_missed", band=band.name, why="; ".join(why))] if why else []


def differences(cy: ClusterYear) -> list[dict[str, Any]]:
    """Every self-score the appraisal or the final score changed, with the reason (JSON)."""
    names = {i.id: i.name for i in cy.year.indicators}
    return [
        {
            "member": d.member,
            "name": cy.name(d.member),
            "indicator": d.indicator,
            "indicator_name": names.get(d.indicator, d.indicator),
            "self": plain(d.self_score),
            "appraised": plain(d.appraised),
            "final": plain(d.final),
            "change": plain(d.change),
            "reason": d.reason,
            "explanation": d.explanation,
        }
        for d in self_differences(cy.year)
    ]


def differences_lines(cy: ClusterYear) -> list[str]:
    found = differences(cy)
    if not found:
        return [t("scores.no_differences")]
    lines = [t("scores.differences", count=len(found))]
    for d in found:
        lines.append(
            "- "
            + t(
                "scores.difference",
                name=d["name"],
                indicator=d["indicator_name"],
                self=number(d["self"]),
                appraised=number(d["appraised"]) if d["appraised"] is not None else "—",
                final=number(d["final"]) if d["final"] is not None else "—",
                change=("+" if d["change"] > 0 else "") + number(d["change"]),
                reason=d["reason"] or t("scores.no_reason"),
            )
        )
    return lines


def standing_extras(cy: ClusterYear | None, ranked: bool) -> dict[str, Any]:
    """Keys a ranking's JSON gains only when the year uses them: ``groups``, ``differences``."""
    out: dict[str, Any] = {}
    if cy is None:
        return out
    if cy.year.groups:
        out["groups_declared"] = groups_json(cy)
    if ranked and has_stages(cy):
        out["differences"] = differences(cy)
    return out


def explanation_extras(cy: ClusterYear, entry: Entry) -> dict[str, Any]:
    """``band``/``band_name`` with bands, ``differences`` (this member's) with staged scores."""
    out: dict[str, Any] = {}
    if has_bands(cy):
        out["band"] = entry.band
        out["band_name"] = band_name(cy, entry.band) or None
    if has_stages(cy):
        out["differences"] = [d for d in differences(cy) if d["member"] == entry.member]
    return out
