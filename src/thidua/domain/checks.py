"""Domain checks over loaded models. Each returns Issues located by data path; no I/O here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from typing import Any

from thidua.domain.across import check_across_clusters as check_across_clusters  # re-exported
from thidua.domain.awards_catalogue import GOVERNMENT_FLAG, award_title, known_award, quota
from thidua.domain.diagnostics import Issue
from thidua.domain.message import Message
from thidua.domain.models import (
    ClusterFile,
    ClusterYear,
    Indicator,
    IndicatorKind,
    Leadership,
    OrganiserLevel,
    RotationPolicy,
)
from thidua.domain.ranking import MissingScores, rank
from thidua.domain.registry import Registry, check_units


def _did_you_mean(options: list[str]) -> Message | str:
    """A suggestion phrase (ids quoted, as the user would type them), or "" for none."""
    return Message("word.did_you_mean", {"options": ", ".join(f"'{o}'" for o in options)}) if options else ""


def check_cluster_file(cluster: ClusterFile, directory: str, registry: Registry) -> list[Issue]:
    issues = []
    if cluster.id != directory:
        issues.append(Issue("TD302", ("id",), {"field": "id", "value": cluster.id, "expected": directory}))
    issues.extend(check_units(cluster.units, parent=registry))
    if cluster.organiser.unit and cluster.organiser.unit not in registry:
        issues.append(Issue("TD312", ("organiser", "unit"), {"unit": cluster.organiser.unit}))
    for index, step in enumerate(cluster.rules.awards):
        if not known_award(step.award, cluster.award_titles):
            issues.append(_unknown_award(step.award, ("rules", "awards", index, "award"), cluster.award_titles))
    return issues


def _unknown_award(award: str, path: tuple[Any, ...], extra: dict[str, str]) -> Issue:
    from thidua.domain.awards_catalogue import AWARD_TITLES

    options = difflib.get_close_matches(award, [*AWARD_TITLES, *extra], n=2, cutoff=0.5)
    return Issue("TD501", path, {"award": award, "suggestion": _did_you_mean(options)})


# "Did you mean" costs a fuzzy match over every unit (~1 ms): past this many unknown ids in one
# file (a pasted list, a hostile file) the error is still reported, without the suggestion.
MAX_SUGGESTIONS_PER_FILE = 50


def _unit_issues(cy: ClusterYear, unit_id: str, path: tuple[Any, ...], day: dt.date, budget: list[int] | None = None) -> list[Issue]:
    """Is ``unit_id`` a unit, and did it exist on ``day``? Explain a merger or a reused code."""
    units = cy.units
    unit = units.get(unit_id)
    if unit is None:
        if re.fullmatch(r"[0-9]{1,2}", unit_id):
            matches = units.by_code(unit_id.zfill(2), day)
            hint = ", ".join(f"{u.id} ({u.name})" for u in matches) or "?"
            return [Issue("TD203", path, {"unit": unit_id, "suggestion": hint})]
        suggestion: Message | str = ""
        if budget is None or budget[0] > 0:
            suggestion = _did_you_mean(units.suggest(unit_id))
            if budget is not None:
                budget[0] -= 1
        return [Issue("TD201", path, {"unit": unit_id, "suggestion": suggestion})]
    if unit.valid_on(day):
        return []
    why: Message | str = ""
    suggestion = ""
    current = units.on(unit_id, day)
    if unit.valid_to and day > unit.valid_to and current is not None:
        why = Message("word.merged_into", {"name": current.name, "unit": current.id, "day": unit.valid_to + dt.timedelta(days=1)})
        suggestion = Message("word.use_successor", {"unit": current.id, "name": current.name})
    elif unit.valid_from and day < unit.valid_from:
        why = Message("word.starts_on", {"day": unit.valid_from})
        if unit.predecessors:
            suggestion = _did_you_mean(unit.predecessors)
    return [Issue("TD202", path, {"unit": unit_id, "name": unit.name, "day": day, "why": why, "suggestion": suggestion})]


def _alias(cy: ClusterYear, unit_id: str, day: dt.date) -> str | None:
    """The unit an id written the wrong way means: a code ('38') or a merged id (its successor)."""
    unit = cy.units.get(unit_id)
    if unit is None:
        matches = cy.units.by_code(unit_id.zfill(2), day) if re.fullmatch(r"[0-9]{1,2}", unit_id) else []
        return matches[0].id if len(matches) == 1 else None
    if unit.valid_on(day):
        return None
    current = cy.units.on(unit_id, day)
    return current.id if current is not None and current.id != unit_id else None


class Refs:
    """How the ids a cluster-year writes relate to its members, reading through wrong forms.

    A code or a merged id is reported where it is written (TD203, TD202, with the id to write) and
    otherwise read as the unit it means, so that a score, a vote or a role written with the right
    id for a member written the wrong way (or the reverse) is not reported again as a non-member.
    """

    def __init__(self, cy: ClusterYear) -> None:
        self.cy = cy
        self.day = cy.year.reference_date
        self.aliases: dict[str, str] = {}
        for unit_id in self._written(cy):
            meant = _alias(cy, unit_id, self.day)
            if meant is not None:
                self.aliases[unit_id] = meant
        self.members = {self.means(m) for m in cy.members}

    @staticmethod
    def _written(cy: ClusterYear) -> set[str]:
        year = cy.year
        ids = {*year.members, *year.scores, *(a.member for a in year.awards), *(f.member for f in year.facts if f.member)}
        ids.update(year.votes.counts if year.votes else ())
        for block in (year.leadership, year.election):
            if block is not None:
                ids.update(u for u in [block.chair, *(block.vice_chairs or [])] if u)
        return ids

    def means(self, unit_id: str) -> str:
        return self.aliases.get(unit_id, unit_id)

    def is_member(self, unit_id: str) -> bool:
        return self.means(unit_id) in self.members

    def wrong_form(self, unit_id: str, path: tuple[Any, ...], key: bool = False) -> list[Issue]:
        """TD203 or TD202 (with the id to write) where ``unit_id`` is a code or a merged id."""
        if unit_id not in self.aliases:
            return []
        return [dataclasses.replace(i, key=key) for i in _unit_issues(self.cy, unit_id, path, self.day)]

    def not_member(self, unit_id: str, path: tuple[Any, ...], issue: Issue) -> list[Issue]:
        """A reference outside ``members``: its wrong form if it has one, else ``issue``."""
        found = self.wrong_form(unit_id, path, issue.key)
        if found or self.is_member(unit_id):
            return found
        return [issue]

    def scores_of(self, member: str) -> dict[str, float] | None:
        scores = self.cy.year.scores
        if member in scores:
            return scores[member]
        meant = self.means(member)
        return next((v for k, v in scores.items() if self.means(k) == meant), None)


def check_cluster_year(cy: ClusterYear, directory: str, file_year: int) -> list[Issue]:
    year = cy.year
    issues: list[Issue] = []
    if year.cluster != directory:
        issues.append(Issue("TD302", ("cluster",), {"field": "cluster", "value": year.cluster, "expected": directory}))
    if year.year != file_year:
        issues.append(Issue("TD302", ("year",), {"field": "year", "value": year.year, "expected": f"{file_year}.yaml"}))
    refs = Refs(cy)
    issues += _check_members(cy)
    issues += _check_leadership(cy, refs)
    issues += _check_indicators_and_scores(cy, refs)
    issues += _check_votes(cy, refs)
    issues += _check_awards(cy, refs)
    issues += _check_flag_leader(cy)
    issues += _check_dates(cy)
    for index, fact in enumerate(year.facts):
        if fact.member:
            path = ("facts", index, "member")
            issues += refs.not_member(fact.member, path, Issue("TD404", path, {"unit": fact.member, "section": "facts"}))
    states_results = bool(year.scores or year.awards or year.election or year.facts or year.votes)
    if states_results and not year.sources:
        issues.append(Issue("TD601", ("sources",) if "sources" in year.model_fields_set else ()))
    return issues


def _check_members(cy: ClusterYear) -> list[Issue]:
    issues = []
    day = cy.year.reference_date
    seen: set[str] = set()
    budget = [MAX_SUGGESTIONS_PER_FILE]
    for index, member in enumerate(cy.members):
        if member in seen:
            issues.append(Issue("TD303", ("members", index), {"unit": member}))
            continue
        seen.add(member)
        issues += _unit_issues(cy, member, ("members", index), day, budget)
    return issues


def _roles(leadership: Leadership, elected: bool) -> list[tuple[Message, str, tuple[Any, ...]]]:
    """(role word, unit, path suffix) for a leadership block."""
    section = "election" if elected else "leadership"
    out: list[tuple[Message, str, tuple[Any, ...]]] = []
    if leadership.chair:
        out.append((Message("word.elected_chair" if elected else "word.chair"), leadership.chair, (section, "chair")))
    for index, vice in enumerate(leadership.vice_chairs or []):
        out.append((Message("word.elected_vice_chair" if elected else "word.vice_chair"), vice, (section, "vice_chairs", index)))
    return out


def _check_leadership(cy: ClusterYear, refs: Refs) -> list[Issue]:
    issues = []
    year_end = dt.date(cy.number, 12, 31)
    for block, elected in ((cy.year.leadership, False), (cy.year.election, True)):
        if block is None:
            continue
        held: dict[str, Message] = {}
        for role, unit_id, path in _roles(block, elected):
            if unit_id in held:
                issues.append(Issue("TD305", path, {"unit": unit_id, "roles": Message("word.both", {"first": held[unit_id], "second": role})}))
                continue
            held[unit_id] = role
            if unit_id in refs.aliases or unit_id not in cy.units:
                issues += refs.wrong_form(unit_id, path) or _unit_issues(cy, unit_id, path, cy.year.reference_date)
                continue
            if not refs.is_member(unit_id):
                issues.append(Issue("TD304", path, {"role": role, "unit": unit_id}))
                continue
            unit = cy.units.get(unit_id)
            if not elected and unit and unit.valid_to and cy.year.reference_date <= unit.valid_to < year_end:
                issues.append(Issue("TD309", path, {"role": role, "name": unit.name, "day": unit.valid_to + dt.timedelta(days=1)}))
        expected = cy.rules.rotation.vice_chairs
        if block.vice_chairs is not None and len(block.vice_chairs) != expected:
            section = "election" if elected else "leadership"
            issues.append(Issue("TD308", (section, "vice_chairs"), {"count": len(block.vice_chairs), "expected": expected}))
    return issues


def _check_indicators_and_scores(cy: ClusterYear, refs: Refs) -> list[Issue]:
    year = cy.year
    issues = []
    indicators: dict[str, Indicator] = {}
    for index, indicator in enumerate(year.indicators):
        if indicator.max <= 0:
            issues.append(Issue("TD410", ("indicators", index, "max"), {"indicator": indicator.id}))
        if indicator.id in indicators:
            issues.append(Issue("TD401", ("indicators", index, "id"), {"indicator": indicator.id}))
        indicators.setdefault(indicator.id, indicator)
    groups = {i.group for i in year.indicators if i.group}
    for index, key in enumerate(cy.rules.tie_break if year.indicators else []):
        kind, _, name = key.partition(":")
        if kind == "group" and name not in groups:
            issues.append(Issue("TD402", _rules_path("tie_break", index, cy), {"key": key, "what": Message("word.group")}))
        elif kind == "indicator" and name not in indicators:
            issues.append(Issue("TD402", _rules_path("tie_break", index, cy), {"key": key, "what": Message("word.indicator")}))
    for step_index, step in enumerate(cy.rules.awards if year.indicators else []):
        for indicator_id in step.min_scores:
            if indicator_id not in indicators:
                where: tuple[Any, ...] = ("rules", "awards", step_index, "min_scores", indicator_id) if _rules_path("awards", step_index, cy) else ()
                issues.append(Issue("TD409", where, {"award": step.award, "indicator": indicator_id}, key=True))
    if not year.scores:
        if year.indicators or not year.awards:
            issues.append(Issue("TD405", ("members",), {"year": year.year}, key=True))
        return issues
    return issues + _check_scores(cy, refs, indicators) + _check_missing_scores(cy, refs)


def _check_scores(cy: ClusterYear, refs: Refs, indicators: dict[str, Indicator]) -> list[Issue]:
    issues = []
    for member, scores in cy.year.scores.items():
        if member not in cy.members or member in refs.aliases:
            path = ("scores", member)
            issues += refs.not_member(member, path, Issue("TD404", path, {"unit": member, "section": "scores"}, key=True))
            if not refs.is_member(member):
                continue
        for indicator_id, score in scores.items():
            indicator = indicators.get(indicator_id)
            if indicator is None:
                options = difflib.get_close_matches(indicator_id, list(indicators), n=2)
                issues.append(Issue("TD406", ("scores", member, indicator_id), {"indicator": indicator_id, "suggestion": _did_you_mean(options)}, key=True))
            elif score > indicator.max:
                issues.append(Issue("TD407", ("scores", member, indicator_id), {"score": _num(score), "indicator": indicator_id, "max": _num(indicator.max)}))
    return issues


def _check_missing_scores(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """A member without a score for a scored indicator (read through a code or a merged id)."""
    issues = []
    for index, member in enumerate(cy.members):
        scores = refs.scores_of(member)
        written = member in cy.year.scores
        for indicator in cy.year.indicators:
            if indicator.kind is IndicatorKind.scored and (scores is None or indicator.id not in scores):
                path = ("scores", member) if written else ("members", index)
                issues.append(Issue("TD403", path, {"name": cy.name(member), "indicator": indicator.id}, key=written))
    return issues


def _rules_path(key: str, index: int, cy: ClusterYear) -> tuple[Any, ...]:
    if cy.year.rules is not None and getattr(cy.year.rules, key) is not None:
        return ("rules", key, index)
    return ()


def _num(value: float) -> str:
    return f"{value:g}"


def _check_votes(cy: ClusterYear, refs: Refs) -> list[Issue]:
    votes = cy.year.votes
    if votes is None:
        return []
    issues = []
    for member, count in votes.counts.items():
        path = ("votes", "counts", member)
        issues += refs.not_member(member, path, Issue("TD404", path, {"unit": member, "section": "votes"}, key=True))
        if not refs.is_member(member):
            continue
        if count > votes.voters:
            issues.append(Issue("TD408", ("votes", "counts", member), {"count": count, "unit": member, "voters": votes.voters}))
    return issues


def _check_awards(cy: ClusterYear, refs: Refs) -> list[Issue]:
    issues = []
    extra = cy.cluster.award_titles
    ladder = {step.award: step for step in cy.rules.awards}
    given: dict[str, list[int]] = {}
    per_member: dict[str, list[str]] = {}
    for index, decided in enumerate(cy.year.awards):
        path = ("awards", index)
        if not known_award(decided.award, extra):
            issues.append(_unknown_award(decided.award, (*path, "award"), extra))
            continue
        if decided.member not in cy.members or decided.member in refs.aliases:
            where = (*path, "member")
            issues += refs.not_member(decided.member, where, Issue("TD502", where, {"award": decided.award, "unit": decided.member}))
        if decided.award not in ladder:
            issues.append(Issue("TD503", (*path, "award"), {"award": decided.award}))
        given.setdefault(decided.award, []).append(index)
        per_member.setdefault(decided.member, []).append(decided.award)
    for award, indexes in given.items():
        step = ladder.get(award)
        if step is not None and len(indexes) > quota(step, len(cy.members)):
            issues.append(Issue("TD504", ("awards", indexes[-1], "award"), {"count": len(indexes), "award_name": award_title(award, extra), "quota": quota(step, len(cy.members))}))
    for member, awards in per_member.items():
        if len(awards) > 1:
            index = max(i for i, a in enumerate(cy.year.awards) if a.member == member)
            issues.append(Issue("TD505", ("awards", index, "member"), {"unit": member, "awards": ", ".join(awards)}))
    return issues


def _check_flag_leader(cy: ClusterYear) -> list[Issue]:
    """Law 06/2022/QH15 Art. 25: in a Central Board cluster the Government flag goes to the leader."""
    flags = [i for i, a in enumerate(cy.year.awards) if a.award == GOVERNMENT_FLAG and a.member in cy.members]
    if not flags or cy.cluster.organiser.level is not OrganiserLevel.central or not cy.year.scores:
        return []
    try:
        ranking = rank(cy)
    except MissingScores:
        return []  # TD403 says which scores are missing; without them there is no leader
    leaders = [e.member for e in ranking.entries if e.rank == 1]
    issues = []
    for index in flags:
        entry = ranking.entry(cy.year.awards[index].member)
        if entry is not None and entry.rank != 1:
            params = {"unit": entry.member, "rank": entry.rank, "leader": ", ".join(leaders)}
            issues.append(Issue("TD506", ("awards", index, "member"), params))
    return issues


# Dates a cluster-year records (the pledge, the review, the election, as_of) fall from 1 January of
# the year before to 31 December of the year after: a pledge may be signed late in the previous
# year, the review and election are held in Q1 of the next. Anything else is a typo (1900-01-01).
DATE_YEARS_BEFORE = 1
DATE_YEARS_AFTER = 1


def _check_dates(cy: ClusterYear) -> list[Issue]:
    year = cy.year
    first = dt.date(cy.number - DATE_YEARS_BEFORE, 1, 1)
    last = dt.date(cy.number + DATE_YEARS_AFTER, 12, 31)
    dated: list[tuple[tuple[str, ...], dt.date | None]] = [(("as_of",), year.as_of)]
    for section in ("pledge", "review", "election"):
        block = getattr(year, section)
        dated.append(((section, "date"), block.date if block is not None else None))
    issues = []
    for path, day in dated:
        if day is not None and not first <= day <= last:
            params = {"field": ".".join(path), "day": day, "year": cy.number, "first": first, "last": last}
            issues.append(Issue("TD313", path, params))
    return issues


def check_succession(previous: ClusterYear, current: ClusterYear, years: dict[int, ClusterYear]) -> list[Issue]:
    """Year N+1's leadership follows year N's recorded election, or else its rotation policy."""
    issues = []
    election = previous.year.election
    leadership = current.year.leadership
    if election is not None and (election.chair or election.vice_chairs is not None):
        if election.chair and leadership.chair and leadership.chair != election.chair:
            issues.append(Issue("TD307", ("leadership", "chair"), {"role": Message("word.chair"), "unit": leadership.chair, "year": current.number, "prev": previous.number, "elected": election.chair}))
        if election.vice_chairs is not None and leadership.vice_chairs is not None and sorted(election.vice_chairs) != sorted(leadership.vice_chairs):
            issues.append(Issue("TD307", ("leadership", "vice_chairs"), {"role": Message("word.vice_chair"), "unit": ", ".join(leadership.vice_chairs), "year": current.number, "prev": previous.number, "elected": ", ".join(election.vice_chairs)}))
        return issues
    policy = previous.rules.rotation.policy
    if policy not in (RotationPolicy.vice_promotes, RotationPolicy.list_order) or not leadership.chair:
        return issues
    try:
        from thidua.domain.rotation import expected_leadership
    except ImportError:  # rotation arrives with its own issue; until then only elections are checked
        return issues
    history = [years[y] for y in sorted(years) if y <= previous.number]
    expected = expected_leadership(history, current.number)
    if expected is not None and expected.chair and expected.chair != leadership.chair:
        issues.append(Issue("TD311", ("leadership", "chair"), {"role": Message("word.chair"), "unit": leadership.chair, "policy": policy.value, "expected": expected.chair}))
    return issues
