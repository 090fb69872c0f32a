"""The award engine: ladders, quotas, eligibility, ties at a line, near misses, comparison, cap.

Most cases build a small cluster-year in memory (members A, B, C, ... with hand-picked totals),
so each expectation can be checked by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import DATA
from thidua.domain.awards import failures, flag_caps, quota_reason, recommend, recommend_year
from thidua.domain.message import Message, Ordinal
from thidua.domain.models import AwardStep, ClusterFile, ClusterYear, ClusterYearFile, Unit, effective_rules
from thidua.domain.registry import Registry
from thidua.output.i18n import say, show
from thidua.repository.loader import load_repository

FLAG, CERT = "co-thi-dua-chinh-phu", "bang-khen-thu-tuong"
PROV_FLAG, PROV_CERT = "co-thi-dua-ubnd-tinh", "bang-khen-chu-tich-ubnd-tinh"


def make(
    totals: dict[str, float | tuple[float, float, float, float]],
    ladder: list[dict[str, Any]],
    *,
    level: str = "central",
    votes: dict[str, int] | None = None,
    voters: int = 7,
    decided: list[tuple[str, str]] = (),
    threshold: float | None = None,
    tie_break: list[str] | None = None,
    cluster_id: str = "test",
) -> ClusterYear:
    """A cluster-year whose members score ``totals``: main, an-ninh, bonus, deduction.

    A bare number N means (N - 8, 8, 0, 0): total N with 8 points of 'an-ninh'.
    """
    units = [Unit(id=m, name=f"Đơn vị {m.upper()}", type="huyen") for m in totals]
    organiser: dict[str, Any] = {"level": level, "name": "UBND tỉnh Thái Bình" if level == "province" else "Ban Thi đua - Khen thưởng Trung ương"}
    if level == "province":
        organiser["unit"] = "thai-binh"
    rules: dict[str, Any] = {"awards": ladder, "tie_break": tie_break or []}
    if threshold is not None:
        rules["vote_threshold"] = threshold
    cluster = ClusterFile.model_validate({"id": cluster_id, "name": "Cụm thi đua thử", "kind": "cum", "organiser": organiser, "rules": rules})
    scores = {}
    for member, value in totals.items():
        main, security, bonus, deduction = (value - 8, 8.0, 0.0, 0.0) if isinstance(value, (int, float)) else value
        scores[member] = {"chinh": float(main), "an-ninh": float(security), "thuong": float(bonus), "tru": float(deduction)}
    year: dict[str, Any] = {
        "cluster": cluster_id,
        "year": 2023,
        "members": list(totals),
        "indicators": [
            {"id": "chinh", "name": "Chỉ tiêu chính", "max": 1000},
            {"id": "an-ninh", "name": "An ninh", "max": 10},
            {"id": "thuong", "name": "Điểm thưởng", "max": 10, "kind": "bonus"},
            {"id": "tru", "name": "Điểm trừ", "max": 10, "kind": "deduction"},
        ],
        "scores": scores,
        "awards": [{"member": m, "award": a} for m, a in decided],
    }
    if votes is not None:
        year["votes"] = {"voters": voters, "counts": votes}
    year_file = ClusterYearFile.model_validate(year)
    return ClusterYear(cluster, year_file, effective_rules(cluster.rules, year_file.rules), Registry([]).overlay(units))


def given_awards(result) -> dict[str, str]:
    return {r.member: r.award for r in result.recommendations}


# --------------------------------------------------------------------------- the shipped ladders


@pytest.fixture(scope="module")
def repo():
    return load_repository(DATA)


def test_central_ladder_on_the_shipped_dbsh_2023(repo) -> None:
    result = recommend(repo.clusters["dbsh"].years[2023])
    assert given_awards(result) == {"nam-dinh": FLAG, "hung-yen": CERT, "quang-ninh": CERT}
    assert say(result.recommendations[0].reason, "en") == "1st of 9, 96.5 points; quota 1"
    assert say(result.recommendations[0].reason, "vi") == "xếp thứ 1/9, 96,5 điểm; chỉ tiêu 1"
    assert result.comparison is not None and result.comparison.agrees
    last_line = result.near_misses[-1]
    assert (last_line.member, last_line.award, last_line.gap) == ("bac-ninh", CERT, 2.5)
    assert "2.5 points behind Quảng Ninh (94)" in say(last_line.reason, "en")
    assert any(n.code == "awards.note.illustrative" for n in result.notes)


def test_province_ladder_on_the_shipped_hai_duong_block(repo) -> None:
    cys = repo.cluster_years(2023)
    results = {r.cluster: r for r in recommend_year(cys, cys)}
    result = results["hai-duong-cap-huyen"]
    assert given_awards(result) == {"thanh-pho-hai-duong-hai-duong": FLAG, "huyen-cam-giang-hai-duong": PROV_FLAG, "huyen-gia-loc-hai-duong": PROV_CERT, "huyen-kim-thanh-hai-duong": PROV_CERT}
    assert result.comparison.agrees
    assert "a proposal" in say(result.recommendations[0].reason, "en")
    cap = result.flag_cap
    assert cap is not None and (cap.proposals, cap.leading_units, cap.cap, cap.over) == (1, 1, 0.2, True)
    assert "5007/BNV-TĐKT" in say(cap.reason, "en") and "unconfirmed" in say(cap.reason, "en")
    assert results["dbsh"].flag_cap is None, "a central organiser has no 20% cap"
    assert results["nam-dinh-cap-huyen"].flag_cap is None, "its ladder has no Government flag and it proposes none"


def test_mountain_cluster_2024_flag_and_certificate(repo) -> None:
    result = recommend(repo.clusters["mien-nui-bien-gioi-phia-bac"].years[2024])
    assert given_awards(result) == {"dien-bien": FLAG, "lao-cai": CERT}
    assert result.comparison.agrees


# --------------------------------------------------------------------------- quotas


@pytest.mark.parametrize(
    ("share", "rounding", "expected", "text"),
    [
        (0.25, "floor", 2, "quota 25% of 10 = 2.5, rounded down: 2"),
        (0.25, "ceil", 3, "quota 25% of 10 = 2.5, rounded up: 3"),
        (0.25, "nearest", 3, "quota 25% of 10 = 2.5, rounded to the nearest: 3"),
        (0.22, "nearest", 2, "quota 22% of 10 = 2.2, rounded to the nearest: 2"),
        (0.3, "floor", 3, "quota 30% of 10 = 3, rounded down: 3"),
    ],
)
def test_quota_as_a_share_with_each_rounding(share: float, rounding: str, expected: int, text: str) -> None:
    totals = {chr(ord("a") + i): 100.0 - i for i in range(10)}
    cy = make(totals, [{"award": PROV_CERT, "share": share, "rounding": rounding}], level="province")
    result = recommend(cy)
    assert [r.member for r in result.recommendations] == list(totals)[:expected]
    assert say(quota_reason(cy.rules.awards[0], 10), "en") == text
    assert say(result.recommendations[0].reason, "en").endswith(text)


def test_quota_as_a_count_walks_the_ladder_top_down() -> None:
    cy = make({"a": 99, "b": 98, "c": 97, "d": 96, "e": 95}, [{"award": PROV_FLAG, "count": 1}, {"award": PROV_CERT, "count": 3}], level="province")
    assert given_awards(recommend(cy)) == {"a": PROV_FLAG, "b": PROV_CERT, "c": PROV_CERT, "d": PROV_CERT}


def test_a_quota_of_zero_gives_nothing_and_the_next_rung_starts_at_the_top() -> None:
    cy = make({"a": 99, "b": 98}, [{"award": FLAG, "count": 0}, {"award": CERT, "count": 1}])
    assert given_awards(recommend(cy)) == {"a": CERT}


# --------------------------------------------------------------------------- eligibility


def test_below_min_total_is_passed_over_with_the_numbers() -> None:
    cy = make({"a": 80, "b": 70}, [{"award": FLAG, "count": 1, "min_total": 85}, {"award": CERT, "count": 1}])
    result = recommend(cy)
    assert given_awards(result) == {"a": CERT}, "not eligible for the flag, still the best for the certificate"
    miss = result.near_misses[0]
    assert (miss.member, miss.kind, miss.gap) == ("a", "ineligible", None)
    assert say(miss.reason, "en") == "passed over for Cờ thi đua của Chính phủ: total 80 below the minimum 85"
    assert any(n.code == "awards.note.unfilled" for n in result.notes), "the flag stays unawarded, and it says so"


def test_deductions_over_the_maximum() -> None:
    cy = make({"a": (90, 8, 0, 2), "b": 95 - 10}, [{"award": FLAG, "count": 1, "max_deductions": 1}])
    result = recommend(cy)
    assert given_awards(result) == {"b": FLAG}
    assert "2 points deducted, over the maximum 1" in say(result.near_misses[0].reason, "en")


def test_an_indicator_below_its_minimum() -> None:
    cy = make({"a": (90, 6, 0, 0), "b": (85, 9, 0, 0)}, [{"award": FLAG, "count": 1, "min_scores": {"an-ninh": 7}}])
    result = recommend(cy)
    assert given_awards(result) == {"b": FLAG}
    assert "An ninh: 6, below the minimum 7" in say(result.near_misses[0].reason, "en")
    assert "An ninh: 6, thấp hơn mức tối thiểu 7" in say(result.near_misses[0].reason, "vi")


def test_a_minimum_on_an_unknown_indicator_fails_loudly() -> None:
    cy = make({"a": 90}, [{"award": FLAG, "count": 1, "min_scores": {"khong-co": 1}}])
    assert [f.code for f in failures(cy, cy.rules.awards[0], _entry(cy, "a"))] == ["awards.fail.no_indicator"]


def test_vote_share_under_the_rule_wide_threshold() -> None:
    cy = make({"a": 95, "b": 90, "c": 85}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1}], votes={"a": 3, "b": 6, "c": 5}, threshold=2 / 3)
    result = recommend(cy)
    assert given_awards(result) == {"b": FLAG, "c": CERT}
    texts = [say(m.reason, "en") for m in result.near_misses if m.member == "a"]
    assert "3/7 votes (42.86%), under the threshold 66.67%" in texts[0]
    assert len(texts) == 2, "passed over on both rungs it was above the line of"


def test_a_step_threshold_overrides_the_rule_wide_one() -> None:
    ladder = [{"award": FLAG, "count": 1, "min_vote_share": 0.9}, {"award": CERT, "count": 1}]
    cy = make({"a": 95, "b": 90}, ladder, votes={"a": 6, "b": 7}, threshold=0.5)
    assert given_awards(recommend(cy)) == {"b": FLAG, "a": CERT}


def test_a_threshold_without_recorded_votes_is_not_checked_and_says_so() -> None:
    cy = make({"a": 95, "b": 90}, [{"award": FLAG, "count": 1}], threshold=0.5)
    result = recommend(cy)
    assert given_awards(result) == {"a": FLAG}
    assert any(n.code == "awards.note.votes_unchecked" for n in result.notes)


def test_all_failures_are_listed_not_only_the_first() -> None:
    step = AwardStep(award=FLAG, count=1, min_total=99, max_deductions=0, min_scores={"an-ninh": 9})
    cy = make({"a": (90, 8, 0, 1)}, [{"award": FLAG, "count": 1}])
    keys = [f.code for f in failures(cy, step, _entry(cy, "a"))]
    assert keys == ["awards.fail.min_total", "awards.fail.deductions", "awards.fail.indicator"]


def _entry(cy: ClusterYear, member: str):
    from thidua.domain.ranking import rank

    return rank(cy).entry(member)


# --------------------------------------------------------------------------- ties at a line


def test_a_tie_across_the_last_slot_is_flagged_and_neither_is_chosen() -> None:
    cy = make({"a": 95, "b": 90, "c": 90, "d": 85}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1}])
    result = recommend(cy)
    assert given_awards(result) == {"a": FLAG}
    (tie,) = result.ties_at_line
    assert (tie.award, tie.slots, tie.members, tie.rank, tie.carried) == (CERT, 1, ["b", "c"], 2, False)
    assert say(tie.reason, "en").startswith("tie at the line: 2 members share this rank for 1 place(s)")
    assert "d" not in given_awards(result), "the line is not moved down to skip the tie"


def test_a_tie_within_the_quota_is_no_tie_at_the_line() -> None:
    cy = make({"a": 95, "b": 90, "c": 90, "d": 85}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 2}])
    result = recommend(cy)
    assert given_awards(result) == {"a": FLAG, "b": CERT, "c": CERT}
    assert result.ties_at_line == []


def test_a_tie_for_the_top_holds_a_place_on_the_next_rung_for_the_loser() -> None:
    cy = make({"a": 95, "b": 95, "c": 90, "d": 85}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 2}], decided=[("a", FLAG), ("b", CERT), ("c", CERT)])
    result = recommend(cy)
    assert given_awards(result) == {"c": CERT}, "one certificate is held for whoever loses the tie; c gets the other"
    top, carried = result.ties_at_line
    assert (top.award, top.slots, top.members, top.carried) == (FLAG, 1, ["a", "b"], False)
    assert (carried.award, carried.slots, carried.members, carried.carried) == (CERT, 1, ["a", "b"], True)
    kinds = {d.member: d.kind for d in result.comparison.differences}
    assert kinds == {"a": "tie", "b": "tie"}


def test_a_tie_the_chain_breaks_is_not_flagged() -> None:
    cy = make({"a": 95, "b": (82, 8, 1, 1), "c": (81, 8, 1, 0)}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1}], tie_break=["bonus", "deductions"])
    result = recommend(cy)
    assert given_awards(result) == {"a": FLAG, "c": CERT}
    assert result.ties_at_line == []


def test_an_ineligible_member_does_not_make_a_tie() -> None:
    cy = make({"a": 95, "b": (82, 8, 0, 0), "c": (82, 5, 0, 0)}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1, "min_scores": {"an-ninh": 7}}])
    result = recommend(cy)
    assert result.ties_at_line == []
    assert given_awards(result) == {"a": FLAG, "b": CERT}


# --------------------------------------------------------------------------- near misses and comparison


def test_the_member_below_each_line_carries_its_gap() -> None:
    cy = make({"a": 96.5, "b": 95, "c": 91.25}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1}])
    misses = [(m.member, m.award, m.gap) for m in recommend(cy).near_misses]
    assert misses == [("b", FLAG, 1.5), ("c", CERT, 3.75)]


def test_differences_with_the_decided_awards() -> None:
    decided = [("a", CERT), ("c", CERT), ("d", FLAG)]
    cy = make({"a": 95, "b": 90, "c": 85, "d": 80}, [{"award": FLAG, "count": 1}, {"award": CERT, "count": 1}], decided=decided)
    comparison = recommend(cy).comparison
    assert comparison is not None and not comparison.agrees
    found = {(d.kind, d.member, d.recommended, d.decided) for d in comparison.differences}
    assert found == {("different", "a", FLAG, CERT), ("extra", "b", CERT, None), ("missing", "c", None, CERT), ("missing", "d", None, FLAG)}
    texts = {say(d.reason, "en") for d in comparison.differences}
    assert "Đơn vị A: decided Bằng khen của Thủ tướng Chính phủ, recommended Cờ thi đua của Chính phủ" in texts


def test_no_decided_awards_no_comparison() -> None:
    result = recommend(make({"a": 95}, [{"award": FLAG, "count": 1}]))
    assert result.comparison is None


def test_without_scores_there_are_no_recommendations_but_decided_awards_are_listed(repo) -> None:
    cy = repo.clusters["dbsh"].years[2023]
    bare = ClusterYear(cy.cluster, cy.year.model_copy(update={"scores": {}}), cy.rules, cy.units, cy.path)
    result = recommend(bare)
    assert (result.status, result.recommendations, result.comparison) == ("no_scores", [], None)
    assert [d.member for d in result.decided] == ["nam-dinh", "hung-yen", "quang-ninh"]
    assert say(result.notes[0], "en") == "no scores entered for 2023: no recommendations"


def test_without_a_ladder_there_is_nothing_to_recommend() -> None:
    result = recommend(make({"a": 95}, []))
    assert result.status == "no_ladder"


# --------------------------------------------------------------------------- the organiser's cap


def test_cap_counts_across_the_clusters_of_one_organiser() -> None:
    one = recommend(make({"a": 95, "b": 90}, [{"award": FLAG, "count": 1}], level="province", cluster_id="one"))
    two = recommend(make({"c": 95, "d": 90}, [{"award": FLAG, "count": 1}], level="province", cluster_id="two"))
    (cap,) = flag_caps([one, two]).values()
    assert (cap.proposals, cap.leading_units, cap.cap, cap.over, cap.clusters) == (2, 2, 0.4, True, ["one", "two"])
    (loose,) = flag_caps([one, two], share=1.0).values()
    assert not loose.over and "within the cap" in say(loose.reason, "en")


# --------------------------------------------------------------------------- invariants


@settings(max_examples=60, deadline=None)
@given(
    totals=st.lists(st.integers(min_value=60, max_value=100), min_size=1, max_size=9),
    counts=st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=3),
)
def test_walk_invariants(totals: list[int], counts: list[int]) -> None:
    """One award per member; awards follow rank; a tie is never silently broken."""
    ids = [chr(ord("a") + i) for i in range(len(totals))]
    awards = [FLAG, CERT, PROV_CERT][: len(counts)]
    cy = make(dict(zip(ids, map(float, totals), strict=True)), [{"award": a, "count": c} for a, c in zip(awards, counts, strict=True)])
    result = recommend(cy)
    members = [r.member for r in result.recommendations]
    assert len(members) == len(set(members))
    ranks = {e.member: e.rank for e in result.ranking.entries}
    tied = {m for tie in result.ties_at_line for m in tie.members}
    for rec in result.recommendations:
        unawarded_better = [m for m in ids if ranks[m] < rec.rank and m not in members and m not in tied]
        assert not unawarded_better, "nobody better ranked is left out while a lower one is awarded"
    for tie in result.ties_at_line:
        assert not set(tie.members) & set(members), "a member in a tie at the line is not chosen"
        assert len({ranks[m] for m in tie.members}) == 1
    assert sum(1 for r in result.recommendations) + sum(t.slots for t in result.ties_at_line) <= sum(counts)


def test_reason_renders_nested_values() -> None:
    reason = Message("awards.reason.recommended", {"ordinal": Ordinal(12), "members": 12, "total": 1234.5, "quota": Message("awards.quota.count", {"quota": 1})})
    assert say(reason, "en") == "12th of 12, 1,234.5 points; quota 1"
    assert say(reason, "vi") == "xếp thứ 12/12, 1.234,5 điểm; chỉ tiêu 1"
    assert [show(Ordinal(n), "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
