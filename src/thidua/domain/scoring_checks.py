"""Checks of the scoring part of a cluster-year: stages, groups, numbers, formulas, bands (TD411–TD420).

Kept apart from ``checks.py`` (members, leadership, votes, awards); called from
``check_cluster_year``. Located by data path; no I/O.
"""

from __future__ import annotations

from typing import Any

from thidua.domain.diagnostics import Issue
from thidua.domain.message import Message
from thidua.domain.models import ClusterYear, IndicatorKind, StagedScore, all_plain
from thidua.domain.scoring import exact, resolve


def _num(value: float | int) -> str:
    return f"{value:g}"


def check_scoring(cy: ClusterYear) -> list[Issue]:
    return _check_groups(cy) + _check_numbers(cy) + _check_stages(cy) + _check_bands(cy)


def _check_groups(cy: ClusterYear) -> list[Issue]:
    """TD414 an indicator in an undeclared group; TD413 a group's criteria worth more than the group."""
    year = cy.year
    issues: list[Issue] = []
    declared = {g.id: g for g in year.groups}
    seen: set[str] = set()
    for index, group in enumerate(year.groups):
        if group.id in seen:
            issues.append(Issue("TD415", ("groups", index, "id"), {"what": Message("word.group"), "value": group.id}))
        seen.add(group.id)
    if not declared:
        return issues
    for index, indicator in enumerate(year.indicators):
        if indicator.group and indicator.group not in declared:
            issues.append(Issue("TD414", ("indicators", index, "group"), {"indicator": indicator.id, "group": indicator.group, "groups": ", ".join(declared)}))
    for index, group in enumerate(year.groups):
        if group.max is None:
            continue
        total = sum(
            (exact(i.max) * exact(i.weight) for i in year.indicators if i.group == group.id and i.kind is IndicatorKind.scored),
            start=exact(0),
        )
        if total > exact(group.max):
            issues.append(Issue("TD413", ("groups", index, "max"), {"group": group.name, "sum": _num(float(total)), "max": _num(group.max)}))
    return issues


def _check_numbers(cy: ClusterYear) -> list[Issue]:
    """TD415: two criteria of one group (or two groups) with the same number.

    Real sheets restart the criteria's numbers in each group (I: 1, 2; II: 1, 2), so a number is
    unique within its group."""
    issues = []
    seen: set[tuple[str | None, str]] = set()
    for index, indicator in enumerate(cy.year.indicators):
        if indicator.number is None:
            continue
        key = (indicator.group, indicator.number)
        if key in seen:
            issues.append(Issue("TD415", ("indicators", index, "number"), {"what": Message("word.indicator"), "value": indicator.number}))
        seen.add(key)
    numbers: set[str] = set()
    for index, group in enumerate(cy.year.groups):
        if group.number is not None:
            if group.number in numbers:
                issues.append(Issue("TD415", ("groups", index, "number"), {"what": Message("word.group"), "value": group.number}))
            numbers.add(group.number)
    return issues


def _check_stages(cy: ClusterYear) -> list[Issue]:
    """Per score: TD411 appraised ≠ self without a reason, TD412 nothing countable, TD416 a formula's
    data missing, TD417 points for a computed indicator, TD418 results for a points indicator,
    TD419 a final score that departs from the appraisal without an explanation (warning), TD407
    a stage over the maximum."""
    issues: list[Issue] = []
    indicators = {i.id: i for i in cy.year.indicators}
    # only a computed indicator reads its resolution (TD416); resolving every score costs ~5 % of validate
    computed = any(i.formula is not None for i in cy.year.indicators)
    resolved = resolve(cy.year) if computed else {}
    for member, row in cy.year.scores.items():
        # without a formula only a staged score has anything to check (a plain number: TD406, TD407 in checks.py)
        if not computed and all_plain(row):
            continue
        items = row.items() if computed else [(k, v) for k, v in row.items() if isinstance(v, StagedScore)]
        for indicator_id, score in items:
            indicator = indicators.get(indicator_id)
            if indicator is None:
                continue  # TD406, in checks.py
            path: tuple[Any, ...] = ("scores", member, indicator_id)
            if indicator.formula is not None:
                if not isinstance(score, StagedScore) or score.points_given:
                    issues.append(Issue("TD417", path, {"indicator": indicator_id, "formula": indicator.formula.kind.value}))
                    continue
                found = resolved.get(member, {}).get(indicator_id)
                if found is not None and found.missing:
                    issues.append(Issue("TD416", path, {"indicator": indicator_id, "formula": indicator.formula.kind.value, "fields": ", ".join(found.missing)}))
                continue
            if not isinstance(score, StagedScore):
                continue  # a plain number: TD407 in checks.py
            if score.data_given:
                issues.append(Issue("TD418", path, {"indicator": indicator_id}))
                continue
            for stage, value in (("self", score.self_score), ("appraised", score.appraised), ("final", score.final)):
                if value is not None and value > indicator.max:
                    issues.append(Issue("TD407", (*path, stage), {"score": _num(value), "indicator": indicator_id, "max": _num(indicator.max)}))
            if score.final is None and score.appraised is None:
                issues.append(Issue("TD412", path, {"name": cy.name(member), "indicator": indicator_id}))
                continue
            if score.self_score is not None and score.appraised is not None and exact(score.appraised) != exact(score.self_score) and score.reason is None:
                issues.append(Issue("TD411", (*path, "appraised"), {"name": cy.name(member), "indicator": indicator_id, "self": _num(score.self_score), "appraised": _num(score.appraised)}))
            if score.appraised is not None and score.final is not None and exact(score.final) != exact(score.appraised) and score.explanation is None:
                issues.append(Issue("TD419", (*path, "final"), {"indicator": indicator_id, "appraised": _num(score.appraised), "final": _num(score.final)}))
    return issues


def _check_bands(cy: ClusterYear) -> list[Issue]:
    """TD420: an award step requires a band the rules do not define."""
    bands = {b.id for b in cy.rules.bands}
    issues = []
    for index, step in enumerate(cy.rules.awards):
        if step.band is not None and step.band not in bands:
            path: tuple[Any, ...] = ("rules", "awards", index, "band") if cy.year.rules is not None and cy.year.rules.awards is not None else ()
            issues.append(Issue("TD420", path, {"award": step.award, "band": step.band, "bands": ", ".join(bands) or "—"}))
    return issues
