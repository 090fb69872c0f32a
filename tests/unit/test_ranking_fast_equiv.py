"""The ranking core's cheaper paths against the obvious definitions, on generated cluster-years.

``missing_scores`` tests one set per member, ``breakdown`` reads each indicator once per
cluster-year (``terms``), ``resolve`` takes a repeated plain score's shared ``Resolved`` without a
call, and the award walk skips ``failures`` on a rung without conditions. Each is compared here
with the plain members × indicators definition it replaced: same values, same order, same
exceptions, whatever the kinds, groups, weights, dropped indicators, repeated ids and members.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.domain.awards import conditional, failures
from thidua.domain.models import (
    AwardStep,
    ClusterFile,
    ClusterYear,
    ClusterYearFile,
    IndicatorKind,
    Organiser,
    Rules,
    Unit,
)
from thidua.domain.ranking import (
    Contribution,
    Entry,
    MissingScores,
    breakdown,
    missing_scores,
    order,
    rank,
    rank_record,
)
from thidua.domain.registry import Registry
from thidua.domain.scoring import Resolved, _computed, counted, points_of, resolve

POOL = ["a", "b", "c", "d", "e", "f"]  # member ids
IDS = ["i0", "i1", "i2", "i3", "i4"]  # indicator ids, drawn with repeats: a repeated id is kept as written

halves = st.integers(0, 20).map(lambda n: n / 2)  # half points: equal totals and shared Resolveds are common
staged = st.fixed_dictionaries({}, optional={"self": halves, "appraised": halves, "final": halves, "passed": st.booleans(), "count": st.integers(0, 4)})
score = st.one_of(halves, halves, staged)
indicator = st.fixed_dictionaries(
    {"id": st.sampled_from(IDS), "name": st.just("Chỉ tiêu"), "max": st.just(10.0)},
    optional={
        "kind": st.sampled_from(["scored", "bonus", "deduction"]),
        "group": st.sampled_from(["g0", "g1"]),
        "weight": st.sampled_from([0.5, 1.0, 1.5, 3.0]),
        # computed: a repeated id may be computed in one of its indicators only
        "formula": st.sampled_from([{"kind": "pass_fail"}, {"kind": "count", "points": 1.5}]),
    },
)


@st.composite
def cluster_years(draw: Any, basis: str | None = None) -> ClusterYear:
    members = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))  # repeats kept, as a file may write them
    indicators = [dict(i) for i in draw(st.lists(indicator, min_size=1, max_size=6))]
    for i in indicators:  # a formula in one indicator of four: members lacking its data are not ranked
        if "formula" in i and draw(st.integers(0, 1)):
            del i["formula"]
    # Most members score every indicator (else nothing is ranked); some lack scores or a whole row.
    scored_members = [m for m in dict.fromkeys([*members, *draw(st.lists(st.sampled_from(POOL), max_size=2))]) if draw(st.integers(0, 9))]
    full = st.fixed_dictionaries({i: score for i in IDS})
    scores = {m: draw(full if draw(st.integers(0, 5)) else st.dictionaries(st.sampled_from(IDS), score, max_size=5)) for m in scored_members}
    year: dict[str, Any] = {"cluster": "x", "year": 2024, "members": members, "indicators": indicators, "scores": scores}
    if draw(st.booleans()):
        year["votes"] = {"voters": 20, "counts": {m: draw(st.integers(0, 5)) for m in dict.fromkeys(members)}}
    if basis is not None:
        year["ranking"] = {"basis": basis}
    units = Registry([Unit(id=m, name=m.upper(), type="co_quan") for m in POOL])
    cluster = ClusterFile(id="x", name="X", kind="khoi", organiser=Organiser(level="central", name="Ban"))
    chain = draw(st.lists(st.sampled_from(["group:g0", "group:g1", "votes", "bonus", "deductions", "indicator:i1"]), max_size=3, unique=True))
    return ClusterYear(cluster, ClusterYearFile.model_validate(year), Rules(tie_break=chain), units)


# --------------------------------------------------------------------------- the obvious definitions


def plain_resolve(cy: ClusterYear) -> dict[str, dict[str, Resolved]]:
    """Each score as the last indicator of its id says: computed by its formula, else points."""
    last = {i.id: i for i in cy.year.indicators}
    out: dict[str, dict[str, Resolved]] = {}
    for member, row in cy.year.scores.items():
        out[member] = {}
        for key, value in row.items():
            ind = last.get(key)
            out[member][key] = _computed(ind, cy.year.scores)[member] if ind is not None and ind.formula is not None else points_of(value)
    return out


def plain_missing(cy: ClusterYear, scores: Mapping[str, Mapping[str, float]]) -> list[tuple[str, str]]:
    return [(m, i.id) for m in cy.members for i in cy.year.indicators if i.kind is IndicatorKind.scored and i.id not in scores.get(m, {})]


def plain_breakdown(
    cy: ClusterYear, member: str, scores: Mapping[str, float], weights: Mapping[str, float] | None, dropped: frozenset[str], resolved: Mapping[str, Resolved] | None
) -> Entry:
    scored = bonus = deductions = 0.0
    groups: dict[str, float] = {}
    contributions = []
    for ind in cy.year.indicators:
        if ind.id in dropped:
            continue
        value = float(scores.get(ind.id, 0.0))
        if ind.kind is IndicatorKind.scored:
            points = value * (weights.get(ind.id, ind.weight) if weights else ind.weight)
            scored += points
            if ind.group:
                groups[ind.group] = groups.get(ind.group, 0.0) + points
        elif ind.kind is IndicatorKind.bonus:
            points = value
            bonus += value
        else:
            points = -value
            deductions += value
        contributions.append(Contribution(ind, value, points, resolved.get(ind.id) if resolved else None))
    votes = cy.year.votes.counts.get(member, 0) if cy.year.votes else None
    return Entry(member, cy.name(member), scored + bonus - deductions, scored, bonus, deductions, groups, contributions, votes)


def parts(entry: Entry) -> tuple[Any, ...]:
    """What an entry says before it is ordered: totals exactly (bit for bit), contributions by value."""
    return (entry.member, entry.name, entry.total.hex(), entry.scored.hex(), entry.bonus.hex(), entry.deductions.hex(),
            sorted((k, v.hex()) for k, v in entry.groups.items()), entry.contributions, entry.votes)


# --------------------------------------------------------------------------- the properties

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cluster_years(), st.dictionaries(st.sampled_from(IDS), st.sampled_from([0.25, 2.0, 7.0]), max_size=3), st.frozensets(st.sampled_from(IDS), max_size=2))
def test_rank_is_the_plain_members_by_indicators_definition(cy: ClusterYear, weights: dict[str, float], dropped: frozenset[str]) -> None:
    resolved = resolve(cy.year)
    assert resolved == plain_resolve(cy)
    assert list(resolved) == list(cy.year.scores) and all(list(resolved[m]) == list(cy.year.scores[m]) for m in resolved)
    scores = counted(resolved)
    expected_missing = plain_missing(cy, scores)
    assert missing_scores(cy) == missing_scores(cy, scores) == expected_missing
    if expected_missing:
        with pytest.raises(MissingScores) as raised:
            rank(cy, weights=weights, dropped=dropped)
        assert raised.value.missing == expected_missing
        return
    ranking = rank(cy, weights=weights, dropped=dropped)
    members = list(dict.fromkeys(cy.members))
    expected = [plain_breakdown(cy, m, scores.get(m, {}), weights, dropped, resolved.get(m)) for m in members]
    assert sorted(parts(e) for e in ranking.entries) == sorted(parts(e) for e in expected)
    ordered = order(expected, list(cy.rules.tie_break))
    assert [(e.member, e.rank, e.decided_by, e.tied_with) for e in ranking.entries] == [(e.member, e.rank, e.decided_by, e.tied_with) for e in ordered]
    # one member alone, without the terms read beforehand: the same entry
    for member in members:
        alone = breakdown(cy, member, scores.get(member, {}), weights, dropped, resolved.get(member))
        assert parts(alone) == parts(plain_breakdown(cy, member, scores.get(member, {}), weights, dropped, resolved.get(member)))


@SETTINGS
@given(st.sampled_from(["votes", "decided"]).flatmap(lambda basis: cluster_years(basis)))
def test_a_vote_or_decided_year_gives_each_member_the_plain_breakdown_for_reference(cy: ClusterYear) -> None:
    resolved = plain_resolve(cy)
    scores = {m: {i: r.value for i, r in row.items() if r.value is not None} for m, row in resolved.items()}
    points = bool(cy.year.scores) and not plain_missing(cy, scores)
    ranking = rank_record(cy)
    assert ("points" in ranking.also) == points
    for entry in ranking.entries:
        assert entry.has_points == points
        if points:
            expected = plain_breakdown(cy, entry.member, scores.get(entry.member, {}), None, frozenset(), resolved.get(entry.member))
            assert parts(entry)[:-1] == parts(expected)[:-1]  # votes: a vote ranking counts a missing one as 0
            assert entry.contributions == expected.contributions


steps = st.fixed_dictionaries(
    {"award": st.just("bang-khen"), "count": st.integers(0, 3)},
    optional={
        "min_total": halves,
        "max_deductions": halves,
        "min_scores": st.dictionaries(st.sampled_from([*IDS, "unknown"]), halves, max_size=2),
        "min_vote_share": st.sampled_from([0.5, 0.8]),
    },
)


@SETTINGS
@given(cluster_years(), steps, st.one_of(st.none(), st.sampled_from([0.5, 0.9])))
def test_a_rung_the_walk_does_not_check_fails_no_one(cy: ClusterYear, step: dict[str, Any], threshold: float | None) -> None:
    rung = AwardStep.model_validate(step)
    cy = ClusterYear(cy.cluster, cy.year, Rules(tie_break=cy.rules.tie_break, vote_threshold=threshold, awards=[rung]), cy.units)
    try:
        ranking = rank_record(cy)
    except MissingScores:
        return
    if not conditional(cy, rung):
        assert all(failures(cy, rung, e) == [] for e in ranking.entries)
    elif step.get("min_total") is not None and ranking.entries and ranking.entries[-1].has_points and ranking.entries[-1].total < step["min_total"] - 1e-6:
        assert failures(cy, rung, ranking.entries[-1])  # a condition that fails is found, the shortcut taken or not
