"""Computed indicators (domain/scoring.py): each formula on hand-computed numbers and properties."""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain.models import ClusterYearFile, StagedScore
from thidua.domain.scoring import (
    Stage,
    best_relative,
    count_points,
    exact,
    leader_relative,
    points_of,
    ratio,
    resolve,
    self_differences,
)

F = Fraction


def year(indicators: list[dict], scores: dict) -> ClusterYearFile:
    members = list(scores) or ["nam-dinh"]
    return ClusterYearFile.model_validate({"cluster": "demo", "year": 2024, "members": members, "indicators": indicators, "scores": scores})


# --------------------------------------------------------------------------- stages


def test_a_plain_number_is_the_final_score() -> None:
    assert points_of(9.5) == points_of(9.5)
    found = points_of(9.5)
    assert (found.value, found.stage) == (9.5, Stage.final)


def test_final_wins_over_appraised_and_appraised_over_self() -> None:
    assert points_of(StagedScore.model_validate({"self": 10, "appraised": 9, "reason": "r", "final": 9.5})).value == 9.5
    found = points_of(StagedScore.model_validate({"self": 10, "appraised": 9, "reason": "r"}))
    assert (found.value, found.stage) == (9.0, Stage.appraised)


def test_a_self_score_alone_is_not_counted() -> None:
    found = points_of(StagedScore.model_validate({"self": 10}))
    assert found.value is None and found.stage == Stage.self_score


def test_self_differences_list_only_changed_scores_with_their_reason() -> None:
    y = year(
        [{"id": "a", "name": "A", "max": 10}, {"id": "b", "name": "B", "max": 10}],
        {"nam-dinh": {"a": {"self": 10, "appraised": 8.5, "reason": "thiếu hồ sơ"}, "b": {"self": 9, "appraised": 9}}},
    )
    (only,) = self_differences(y)
    assert (only.member, only.indicator, only.self_score, only.appraised, only.reason) == ("nam-dinh", "a", 10, 8.5, "thiếu hồ sơ")
    assert only.change == -1.5


# --------------------------------------------------------------------------- formulas, by hand


def test_ratio_is_capped_at_the_maximum() -> None:
    assert ratio(F(20), F(14000), F(15000)) == (F(56, 3), False)
    assert ratio(F(20), F(21000), F(20000)) == (F(20), True)


def test_leader_relative_rule_by_hand() -> None:
    # MS 20, target 6.5: the leader 8.0 gets 20; 7.0 gets 10 + (0.5/6.5)/(1.5/6.5)·10 = 13⅓.
    assert leader_relative(F(20), F(6), F(13, 2), None) == F(120, 13)  # 0.5·20·6/6.5
    assert leader_relative(F(20), F(13, 2), F(13, 2), F(3, 13)) == 10
    assert leader_relative(F(20), F(8), F(13, 2), F(3, 13)) == 20
    assert leader_relative(F(20), F(7), F(13, 2), F(3, 13)) == F(40, 3)


def test_best_relative_and_count() -> None:
    assert best_relative(F(20), F(72000), F(90000)) == 16
    assert best_relative(F(20), F(5), F(0)) == 0
    assert count_points(3, F(5, 2), F(5)) == (F(5), True)
    assert count_points(1, F(5, 2), F(5)) == (F(5, 2), False)


def test_exact_reads_the_decimal_as_written() -> None:
    assert exact(0.1) == F(1, 10)
    assert exact(7) == 7


def test_resolve_computes_every_formula_from_the_year_file() -> None:
    y = year(
        [
            {"id": "grdp", "name": "GRDP", "max": 20, "formula": {"kind": "leader_relative", "target": 6.5, "unit": "%"}},
            {"id": "thu", "name": "Thu", "max": 20, "formula": {"kind": "ratio"}},
            {"id": "von", "name": "Vốn", "max": 20, "formula": {"kind": "best"}},
            {"id": "tdkt", "name": "TĐKT", "max": 10, "formula": {"kind": "pass_fail"}},
            {"id": "tru", "name": "Trừ", "max": 5, "kind": "deduction", "formula": {"kind": "count", "points": 1}},
        ],
        {
            "thai-binh": {"grdp": {"actual": 7.0}, "thu": {"actual": 21000, "target": 20000}, "von": {"actual": 80000}, "tdkt": {"passed": True}},
            "nam-dinh": {"grdp": {"actual": 8.0}, "thu": {"actual": 19500, "target": 19000}, "von": {"actual": 90000}, "tdkt": {"passed": True}},
            "ninh-binh": {"grdp": {"actual": 6.0}, "thu": {"actual": 13500, "target": 15000}, "von": {"actual": 72000}, "tdkt": {"passed": False}, "tru": {"count": 2}},
        },
    )
    r = resolve(y)
    assert r["nam-dinh"]["grdp"].value == 20
    assert r["nam-dinh"]["grdp"].computation.leader == "nam-dinh"
    assert r["thai-binh"]["grdp"].computation.points == F(40, 3)
    assert r["ninh-binh"]["grdp"].value == pytest.approx(120 / 13)
    assert r["thai-binh"]["thu"].value == 20 and r["thai-binh"]["thu"].computation.capped
    assert r["ninh-binh"]["thu"].value == 18
    assert r["ninh-binh"]["von"].value == 16 and r["ninh-binh"]["von"].computation.best == 90000
    assert (r["ninh-binh"]["tdkt"].value, r["nam-dinh"]["tdkt"].value) == (0, 10)
    assert r["ninh-binh"]["tru"].value == 2
    assert all(row[i].stage == Stage.computed for row in r.values() for i in row)


def test_a_result_lacking_its_target_is_not_counted() -> None:
    y = year([{"id": "thu", "name": "Thu", "max": 20, "formula": {"kind": "ratio"}}], {"nam-dinh": {"thu": {"actual": 100}}})
    found = resolve(y)["nam-dinh"]["thu"]
    assert found.value is None and found.missing == ("target",)


# --------------------------------------------------------------------------- properties

MS = st.fractions(min_value=1, max_value=1000, max_denominator=100)
POSITIVE = st.fractions(min_value=F(1, 100), max_value=10_000, max_denominator=100)
RESULT = st.fractions(min_value=0, max_value=10_000, max_denominator=100)


@settings(max_examples=200, deadline=None)
@given(ms=MS, target=POSITIVE, results=st.lists(RESULT, min_size=1, max_size=12))
def test_leader_relative_never_exceeds_the_maximum_and_the_leader_gets_it(ms: F, target: F, results: list[F]) -> None:
    excesses = [a / target - 1 for a in results if a > target]
    leader = max(excesses) if excesses else None
    points = [leader_relative(ms, a, target, leader) for a in results]
    assert all(0 <= p <= ms for p in points)
    if leader is not None:
        assert points[results.index(max(results))] == ms
    for a, p in zip(results, points, strict=True):
        if a == target:
            assert p == ms / 2
        if a < target:
            assert p < ms / 2 or (a == 0 and p == 0)


@settings(max_examples=200, deadline=None)
@given(ms=MS, target=POSITIVE, a=RESULT, b=RESULT, leader_actual=RESULT)
def test_leader_relative_is_monotonic_in_the_result(ms: F, target: F, a: F, b: F, leader_actual: F) -> None:
    low, high = sorted((a, b))
    top = max(high, leader_actual)
    leader = top / target - 1 if top > target else None
    assert leader_relative(ms, low, target, leader) <= leader_relative(ms, high, target, leader)


@settings(max_examples=200, deadline=None)
@given(ms=MS, target=POSITIVE, a=RESULT, b=RESULT)
def test_ratio_is_monotonic_and_bounded(ms: F, target: F, a: F, b: F) -> None:
    low, high = sorted((a, b))
    p_low, _ = ratio(ms, low, target)
    p_high, capped = ratio(ms, high, target)
    assert 0 <= p_low <= p_high <= ms
    assert capped == (ms * high / target > ms)


@settings(max_examples=200, deadline=None)
@given(ms=MS, results=st.lists(RESULT, min_size=1, max_size=12))
def test_best_relative_gives_the_best_the_maximum(ms: F, results: list[F]) -> None:
    best = max(results)
    points = [best_relative(ms, a, best) for a in results]
    assert all(0 <= p <= ms for p in points)
    if best > 0:
        assert points[results.index(best)] == ms


@settings(max_examples=200, deadline=None)
@given(count=st.integers(0, 1000), per=st.fractions(min_value=0, max_value=100, max_denominator=100), cap=MS)
def test_count_points_never_pass_the_cap(count: int, per: F, cap: F) -> None:
    points, capped = count_points(count, per, cap)
    assert points == min(count * per, cap)
    assert capped == (count * per > cap)


MEMBERS = ["thai-binh", "nam-dinh", "ha-nam", "ninh-binh", "hai-duong", "hung-yen"]


@settings(max_examples=80, deadline=None)
@given(actuals=st.lists(st.decimals(min_value=0, max_value=20, places=2), min_size=2, max_size=6), target=st.decimals(min_value=1, max_value=10, places=1))
def test_resolved_leader_relative_gives_the_best_member_the_maximum(actuals: list, target) -> None:
    members = MEMBERS[: len(actuals)]
    y = year(
        [{"id": "grdp", "name": "GRDP", "max": 20, "formula": {"kind": "leader_relative", "target": float(target)}}],
        {m: {"grdp": {"actual": float(a)}} for m, a in zip(members, actuals, strict=True)},
    )
    points = {m: r["grdp"].value for m, r in resolve(y).items()}
    assert all(0 <= p <= 20 for p in points.values())
    best = max(actuals)
    for m, a in zip(members, actuals, strict=True):
        if a == best and a > target:
            assert points[m] == 20
        if a == target:
            assert points[m] == 10
    ordered = sorted(zip(actuals, members, strict=True))
    assert all(points[m1] <= points[m2] for (_, m1), (_, m2) in pairwise(ordered))
