"""Domain checks over loaded models. Each returns Issues located by data path; no I/O here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import operator
import re
from collections.abc import Callable
from typing import Any

from thidua.domain.across import check_across_clusters as check_across_clusters  # re-exported
from thidua.domain.awards_catalogue import GOVERNMENT_FLAG, award_title, known_award, quota
from thidua.domain.basis import basis_note
from thidua.domain.diagnostics import Issue
from thidua.domain.message import Message
from thidua.domain.models import (
    BODY_LEVELS,
    Appointment,
    AwardKind,
    AwardStep,
    ClusterFile,
    ClusterYear,
    Indicator,
    IndicatorKind,
    Leadership,
    OrganiserLevel,
    RankingBasis,
    RotationPolicy,
    Score,
    StagedScore,
    all_plain,
)
from thidua.domain.periods import check_period, period_of
from thidua.domain.ranking import MissingScores, can_rank, rank_record
from thidua.domain.registry import Registry, check_units, slugify
from thidua.domain.scoring_checks import check_scoring
from thidua.domain.units import LEVEL_OF_TYPE
from thidua.domain.votes import check_ranking_and_votes


def _did_you_mean(options: list[str]) -> Message | str:
    """A suggestion phrase (ids quoted, as the user would type them), or "" for none."""
    return Message("word.did_you_mean", {"options": ", ".join(f"'{o}'" for o in options)}) if options else ""


def check_cluster_file(cluster: ClusterFile, directory: str, registry: Registry) -> list[Issue]:
    issues = []
    if cluster.id != directory:
        issues.append(Issue("TD302", ("id",), {"field": "id", "value": cluster.id, "expected": directory}))
    issues.extend(check_units(cluster.units, parent=registry))
    issues.extend(check_organiser(cluster, registry.overlay(cluster.units)))
    issues.extend(Issue(code, path, params) for path, code, params in check_period(cluster.period))
    for index, step in enumerate(cluster.rules.awards):
        if not known_award(step.award, cluster.award_titles):
            issues.append(_unknown_award(step.award, ("rules", "awards", index, "award"), cluster.award_titles))
    issues += check_ladder(cluster.rules.awards, ("rules", "awards"))
    return issues


def check_ladder(steps: list[AwardStep], path: tuple[Any, ...]) -> list[Issue]:
    """One rung per award and issuer (TD507): a second body's award names its issuer."""
    issues = []
    seen: set[tuple[str, str | None]] = set()
    for index, step in enumerate(steps):
        key = (step.award, step.issuer)
        if key in seen:
            issues.append(Issue("TD507", (*path, index, "issuer" if step.issuer else "award"), {"award": step.award, "issuer": step.issuer or ""}))
        seen.add(key)
    return issues


def check_organiser(cluster: ClusterFile, units: Registry) -> list[Issue]:
    """The organiser's unit exists (the registry, the national lists, or the cluster's own units: a
    district organises a cluster of its communes), its body can act at its level (TD314), and the
    unit is of that level (TD315)."""
    organiser = cluster.organiser
    body = organiser.body_kind
    issues = []
    allowed = BODY_LEVELS.get(body)
    if allowed is not None and organiser.level not in allowed:
        where = ("organiser", "body") if organiser.body is not None else ("organiser", "level")
        issues.append(Issue("TD314", where, {"body": body.value, "level": organiser.level.value, "allowed": ", ".join(sorted(a.value for a in allowed))}))
    if not organiser.unit:
        return issues
    unit = units.get(organiser.unit)
    if unit is None:
        return [*issues, Issue("TD312", ("organiser", "unit"), {"unit": organiser.unit, "suggestion": _did_you_mean(_suggest_unit(units, organiser.unit, None))})]
    level = LEVEL_OF_TYPE.get(unit.type.value)
    if organiser.level.value in ("province", "district", "commune") and level in ("province", "district", "commune") and level != organiser.level.value:
        issues.append(Issue("TD315", ("organiser", "unit"), {"unit": organiser.unit, "name": unit.full_name, "unit_level": level, "level": organiser.level.value}))
    return issues


def _suggest_unit(units: Registry, text: str, day: dt.date | None) -> list[str]:
    """Ids close to ``text``: the repository's own units by spelling, then the national districts
    and communes by name (typed with or without diacritics: "phuc xa" finds Phường Phúc Xá)."""
    found = units.suggest(text)
    exact = [u for u in found if units.get(u) is not None and slugify(units.name(u)) == slugify(text)]
    national = units.search(text.replace("-", " "), day, 3)
    return list(dict.fromkeys([*exact, *(national or found)]))[:3]


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
            suggestion = _did_you_mean(_suggest_unit(units, unit_id, day))
            if budget is not None:
                budget[0] -= 1
        return [Issue("TD201", path, {"unit": unit_id, "suggestion": suggestion})]
    if unit.valid_on(day):
        return []
    why: Message | str = ""
    suggestion = ""
    current = units.on(unit_id, day)
    if unit.valid_to and day > unit.valid_to and current is not None:
        word = "word.renamed_to" if unit.change == "rename" else "word.merged_into"
        why = Message(word, {"name": current.name, "unit": current.id, "day": unit.valid_to + dt.timedelta(days=1)})
        suggestion = Message("word.use_successor", {"unit": current.id, "name": current.name})
    elif unit.valid_from and day < unit.valid_from:
        why = Message("word.starts_on", {"day": unit.valid_from})
        if unit.predecessors:
            suggestion = _did_you_mean(unit.predecessors)
    basis = basis_note(cy) if path[0] == "members" else ""
    return [Issue("TD202", path, {"unit": unit_id, "name": unit.name, "day": day, "why": why, "suggestion": suggestion, "basis": basis})]


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
        for counts in year.votes.awards.values() if year.votes else ():
            ids.update(counts)
        for place in year.ranking.places() if year.ranking else ():
            ids.update(place)
        for block in (year.leadership, year.election, year.appointment):
            if block is not None:
                ids.update(u for u in [block.chair, *(block.vice_chairs or [])] if u)
        return ids

    def means(self, unit_id: str) -> str:
        return self.aliases.get(unit_id, unit_id)

    def is_member(self, unit_id: str) -> bool:
        return self.means(unit_id) in self.members

    def written_right(self, unit_id: str) -> bool:
        """A member written with its own id: ``not_member`` has nothing to say (asked first where
        every member is named, so that the issue it would need is not built for each)."""
        return unit_id in self.members and unit_id not in self.aliases

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

    def scores_of(self, member: str) -> dict[str, Score] | None:
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
    issues += _check_appointment(cy, refs)
    issues += _check_indicators_and_scores(cy, refs)
    issues += _check_votes(cy, refs)
    issues += check_ranking_and_votes(cy, refs)
    if year.rules is not None and year.rules.awards is not None:
        issues += check_ladder(year.rules.awards, ("rules", "awards"))
    issues += _check_awards(cy, refs)
    issues += _check_flag_leader(cy)
    issues += _check_dates(cy)
    issues += check_scoring(cy)
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


Role = tuple[Message, str, tuple[Any, ...]]


def _roles(block: Leadership | Appointment, section: str, words: tuple[str, str]) -> list[Role]:
    """(role word, unit, path) of each office a leadership, election or appointment block fills."""
    chair_word, vice_word = words
    out: list[Role] = []
    if block.chair:
        out.append((Message(chair_word), block.chair, (section, "chair")))
    out += [(Message(vice_word), vice, (section, "vice_chairs", i)) for i, vice in enumerate(block.vice_chairs or [])]
    return out


def _check_holders(cy: ClusterYear, refs: Refs, roles: list[Role], *, twice: Callable[[str, Message, Message, tuple[Any, ...]], Issue], not_member: str,
                   leaves: str | None = None, leaves_from: dt.date = dt.date.min) -> list[Issue]:
    """One office per unit, held by a member, who is there the whole year: what recorded
    leadership (TD305, TD304, TD309) and an appointment (TD334, TD331, TD332) both ask. ``twice``
    makes the issue for a unit named again (its first role, the second, the path); ``leaves``, when
    given, is the code for a holder whose unit ends between ``leaves_from`` and 31/12."""
    issues = []
    year_end = dt.date(cy.number, 12, 31)
    held: dict[str, Message] = {}
    for role, unit_id, path in roles:
        if unit_id in held:
            issues.append(twice(unit_id, held[unit_id], role, path))
            continue
        held[unit_id] = role
        if unit_id in refs.aliases or unit_id not in cy.units:
            issues += refs.wrong_form(unit_id, path) or _unit_issues(cy, unit_id, path, cy.year.reference_date)
            continue
        if not refs.is_member(unit_id):
            issues.append(Issue(not_member, path, {"role": role, "unit": unit_id}))
            continue
        unit = cy.units.get(unit_id)
        if leaves and unit and unit.valid_to and leaves_from <= unit.valid_to < year_end:
            issues.append(Issue(leaves, path, {"role": role, "name": unit.name, "day": unit.valid_to + dt.timedelta(days=1)}))
    return issues


def _check_leadership(cy: ClusterYear, refs: Refs) -> list[Issue]:
    issues = []

    def twice(unit: str, first: Message, second: Message, path: tuple[Any, ...]) -> Issue:
        return Issue("TD305", path, {"unit": unit, "roles": Message("word.both", {"first": first, "second": second})})

    recorded = ((cy.year.leadership, "leadership", ("word.chair", "word.vice_chair")),
                (cy.year.election, "election", ("word.elected_chair", "word.elected_vice_chair")))
    for block, section, words in recorded:
        if block is None:
            continue
        # an election may name a unit that leaves later in the year: only recorded leadership is held all year
        leaves = "TD309" if section == "leadership" else None
        issues += _check_holders(cy, refs, _roles(block, section, words), twice=twice, not_member="TD304",
                                 leaves=leaves, leaves_from=cy.year.reference_date)
        expected = cy.rules.rotation.vice_chairs
        if block.vice_chairs is not None and len(block.vice_chairs) != expected:
            issues.append(Issue("TD308", (section, "vice_chairs"), {"count": len(block.vice_chairs), "expected": expected}))
    return issues


def _check_appointment(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """``appointment:``: it names an office, its units are members who hold one office each and
    exist all year, and the ``leadership`` the same file records agrees with it (TD330–TD334)."""
    appointment = cy.year.appointment
    if appointment is None:
        return []
    if appointment.chair is None and appointment.vice_chairs is None:
        return [Issue("TD333", ("appointment",), {"decision": appointment.decision})]

    def twice(unit: str, first: Message, second: Message, path: tuple[Any, ...]) -> Issue:
        return Issue("TD334", path, {"unit": unit, "decision": appointment.decision})

    roles = _roles(appointment, "appointment", ("word.appointed_chair", "word.appointed_vice_chair"))
    issues = _check_holders(cy, refs, roles, twice=twice, not_member="TD331", leaves="TD332")
    leadership = cy.year.leadership
    if appointment.chair and leadership.chair and leadership.chair != appointment.chair:
        issues.append(Issue("TD330", ("leadership", "chair"), {"role": Message("word.chair"), "unit": leadership.chair,
                                                               "decision": appointment.decision, "appointed": appointment.chair}))
    if appointment.vice_chairs is not None and leadership.vice_chairs is not None and sorted(appointment.vice_chairs) != sorted(leadership.vice_chairs):
        issues.append(Issue("TD330", ("leadership", "vice_chairs"), {"role": Message("word.vice_chair"), "unit": ", ".join(leadership.vice_chairs),
                                                                     "decision": appointment.decision, "appointed": ", ".join(appointment.vice_chairs)}))
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
        other_basis = year.ranking is not None and (bool(year.ranking.order) or year.ranking.basis not in (None, RankingBasis.points))
        if (year.indicators or not year.awards) and not other_basis:
            issues.append(Issue("TD405", ("members",), {"year": year.year}, key=True))
        return issues
    return issues + _check_scores(cy, refs, indicators) + _check_missing_scores(cy, refs)


def _check_scores(cy: ClusterYear, refs: Refs, indicators: dict[str, Indicator]) -> list[Issue]:
    issues = []
    members = set(cy.members)
    maxima = {indicator_id: indicator.max for indicator_id, indicator in indicators.items()}
    for member, scores in cy.year.scores.items():
        if member not in members or member in refs.aliases:
            path = ("scores", member)
            issues += refs.not_member(member, path, Issue("TD404", path, {"unit": member, "section": "scores"}, key=True))
            if not refs.is_member(member):
                continue
        if scores.keys() <= maxima.keys():  # the common case: every indicator known, only TD407 can fire
            # plain numbers all within their maxima, compared in C; else each is looked at
            within = all_plain(scores) and not any(map(operator.gt, scores.values(), map(maxima.__getitem__, scores)))  # type: ignore[arg-type]  # all_plain: floats only
            for indicator_id, value in () if within else scores.items():
                if not isinstance(value, StagedScore) and value > maxima[indicator_id]:
                    issues.append(Issue("TD407", ("scores", member, indicator_id), {"score": _num(value), "indicator": indicator_id, "max": _num(maxima[indicator_id])}))
            continue
        for indicator_id, score in scores.items():
            indicator = indicators.get(indicator_id)
            if indicator is None:
                options = difflib.get_close_matches(indicator_id, list(indicators), n=2)
                issues.append(Issue("TD406", ("scores", member, indicator_id), {"indicator": indicator_id, "suggestion": _did_you_mean(options)}, key=True))
            elif not isinstance(score, StagedScore) and score > indicator.max:
                issues.append(Issue("TD407", ("scores", member, indicator_id), {"score": _num(score), "indicator": indicator_id, "max": _num(indicator.max)}))
    return issues


def _check_missing_scores(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """A member without a score for a scored indicator (read through a code or a merged id)."""
    issues: list[Issue] = []
    scored = [i for i in cy.year.indicators if i.kind is IndicatorKind.scored]
    if not scored:
        return issues
    scored_ids = {i.id for i in scored}
    for index, member in enumerate(cy.members):
        scores = refs.scores_of(member)
        if scores is not None and scored_ids <= scores.keys():
            continue  # the common case, asked in C: every scored indicator has its score
        written = member in cy.year.scores
        for indicator in scored:
            if scores is None or indicator.id not in scores:
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
        if not refs.written_right(member):
            issues += refs.not_member(member, path, Issue("TD404", path, {"unit": member, "section": "votes"}, key=True))
            if not refs.is_member(member):
                continue
        if count > votes.voters:
            issues.append(Issue("TD408", ("votes", "counts", member), {"count": count, "unit": member, "voters": votes.voters}))
    return issues


def _check_awards(cy: ClusterYear, refs: Refs) -> list[Issue]:
    """Decided awards: known, to members, on the ladder and within its quotas, one per member.

    Awards decided outside the ranking (``kind: thematic``, ``during_year``) need no rung and
    count against no quota; an ``independent`` rung (another body's list) may go to a member that
    has a ladder award too. TD505 fires only on two awards of the exclusive ladder.
    """
    issues = []
    extra = cy.cluster.award_titles
    rungs: dict[str, list[AwardStep]] = {}
    for each in cy.rules.awards:
        rungs.setdefault(each.award, []).append(each)
    given: dict[tuple[str, str | None], list[int]] = {}
    exclusive: dict[str, list[int]] = {}
    for index, decided in enumerate(cy.year.awards):
        path = ("awards", index)
        if not known_award(decided.award, extra):
            issues.append(_unknown_award(decided.award, (*path, "award"), extra))
            continue
        if decided.member not in cy.members or decided.member in refs.aliases:
            where = (*path, "member")
            issues += refs.not_member(decided.member, where, Issue("TD502", where, {"award": decided.award, "unit": decided.member}))
        if decided.kind is not AwardKind.ladder:
            continue
        steps = rungs.get(decided.award)
        if steps is None:
            issues.append(Issue("TD503", (*path, "award"), {"award": decided.award}))
            continue
        step = _rung_of(steps, decided.issuer)
        if step is None:
            issuers = ", ".join(dict.fromkeys(s.issuer for s in steps if s.issuer))
            issues.append(Issue("TD508", (*path, "issuer"), {"award": decided.award, "issuer": decided.issuer, "issuers": issuers}))
            continue
        given.setdefault((step.award, step.issuer), []).append(index)
        if not step.independent:
            exclusive.setdefault(decided.member, []).append(index)
    members = len(dict.fromkeys(cy.members))
    for (award, issuer), indexes in given.items():
        rung = next(s for s in rungs[award] if s.issuer == issuer)
        if len(indexes) > quota(rung, members):
            issues.append(Issue("TD504", ("awards", indexes[-1], "award"), {"count": len(indexes), "award_name": award_title(award, extra), "quota": quota(rung, members)}))
    for member, indexes in exclusive.items():
        if len(indexes) > 1:
            awards = ", ".join(cy.year.awards[i].award for i in indexes)
            issues.append(Issue("TD505", ("awards", indexes[-1], "member"), {"unit": member, "awards": awards}))
    return issues


def _rung_of(steps: list[AwardStep], issuer: str | None) -> AwardStep | None:
    """The rung a decided award belongs to: the one of its issuer, or the only one for the award."""
    if issuer is None:
        return steps[0]
    return next((s for s in steps if s.issuer == issuer), steps[0] if len(steps) == 1 and steps[0].issuer is None else None)


def _check_flag_leader(cy: ClusterYear) -> list[Issue]:
    """Law 06/2022/QH15 Art. 25: in a Central Board cluster the Government flag goes to the leader."""
    flags = [i for i, a in enumerate(cy.year.awards) if a.award == GOVERNMENT_FLAG and a.member in cy.members and a.kind is AwardKind.ladder]
    if not flags or cy.cluster.organiser.level is not OrganiserLevel.central or not can_rank(cy):
        return []
    try:
        ranking = rank_record(cy)
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
    last = dt.date(cy.period.end_year(cy.number) + DATE_YEARS_AFTER, 12, 31)
    dated: list[tuple[tuple[str, ...], dt.date | None]] = [(("as_of",), year.as_of)]
    for section in ("pledge", "review", "election", "appointment"):
        block = getattr(year, section)
        dated.append(((section, "date"), block.date if block is not None else None))
    issues = []
    for path, day in dated:
        if day is not None and not first <= day <= last:
            # "năm 2024" or "năm học 2017–2018": the message says the whole period, never "năm năm học"
            period = period_of(cy)
            spoken = Message("period.year", {"year": period}) if isinstance(period, int) else period
            params = {"field": ".".join(path), "day": day, "year": spoken, "first": first, "last": last}
            issues.append(Issue("TD313", path, params))
    return issues


def check_membership_change(previous: ClusterYear, current: ClusterYear) -> list[Issue]:
    """TD317: the members differ from the year before and the year records no ``basis:`` (the
    decision that set them). A member carried by its successor (a merger, a rename) has not left."""
    if current.basis is not None:
        return []
    day = current.year.reference_date
    now = list(dict.fromkeys(current.members))
    carried = {m: (found.id if (found := current.units.on(m, day)) is not None else m) for m in dict.fromkeys(previous.members)}
    joined = [m for m in now if m not in carried.values()]
    left = [m for m, successor in carried.items() if successor not in now]
    if not joined and not left:
        return []

    def named(ids: list[str], shown: int = 5) -> str:  # a long list is cut: "…, … (+440)"
        listed = ", ".join(f"{current.name(m)} ({m})" for m in ids[:shown])
        return listed + (f", … (+{len(ids) - shown})" if len(ids) > shown else "")

    # only the sides that changed: "joined Huế (hue)", never "left –"
    if joined and left:
        changes = Message("basis.joined_left", {"joined": named(joined), "left": named(left)})
    else:
        changes = Message("basis.joined", {"names": named(joined)}) if joined else Message("basis.left", {"names": named(left)})
    params = {"year": current.number, "prev": previous.number, "changes": changes, "count": len(now), "prev_count": len(carried)}
    return [Issue("TD317", ("members",), params, key=True)]


def check_succession(previous: ClusterYear, current: ClusterYear, years: dict[int, ClusterYear]) -> list[Issue]:
    """Year N+1's leadership follows year N's recorded election, or else its rotation policy; a
    change of members cites its decision (TD317)."""
    issues = check_membership_change(previous, current)
    election = previous.year.election
    leadership = current.year.leadership
    appointment = current.year.appointment
    if appointment is not None:
        # A decision gives these offices: it stands over the election and the policy (TD335 where
        # it departs from the election); the offices it leaves open are checked as usual.
        issues += _appointment_against_election(previous, appointment)
        leadership = Leadership(chair=None if appointment.chair else leadership.chair,
                                vice_chairs=None if appointment.vice_chairs is not None else leadership.vice_chairs)
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


def _appointment_against_election(previous: ClusterYear, appointment: Appointment) -> list[Issue]:
    election = previous.year.election
    if election is None:
        return []
    issues = []
    params = {"decision": appointment.decision, "prev": previous.number}
    if election.chair and appointment.chair and election.chair != appointment.chair:
        issues.append(Issue("TD335", ("appointment", "chair"), {**params, "role": Message("word.chair"), "unit": appointment.chair, "elected": election.chair}))
    if election.vice_chairs is not None and appointment.vice_chairs is not None and sorted(election.vice_chairs) != sorted(appointment.vice_chairs):
        issues.append(Issue("TD335", ("appointment", "vice_chairs"), {**params, "role": Message("word.vice_chair"),
                                                                      "unit": ", ".join(appointment.vice_chairs), "elected": ", ".join(election.vice_chairs)}))
    return issues

