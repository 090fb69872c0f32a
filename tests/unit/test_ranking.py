"""The ranking core, standings and ``--explain``, on hand-computed examples.

The small data directories (``write_data``, ``YEAR_2024``, the merger years) are in tests/support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import DATA, MERGER_2025, MERGER_2026, YEAR_2024, demo_ranking, write_data
from thidua.domain.explain import explain, resolve_member
from thidua.domain.ranking import MissingScores, rank
from thidua.domain.standings import Status, award_at, award_places, standings
from thidua.repository.loader import load_repository

# --------------------------------------------------------------------------- totals and ranks


def test_totals_follow_weights_bonus_and_deductions(tmp_path: Path) -> None:
    ranking = demo_ranking(tmp_path)
    totals = {e.member: e.total for e in ranking.entries}
    assert totals == pytest.approx({"hai-phong": 23, "da-nang": 22.5, "ha-noi": 22.5, "can-tho": 19, "ho-chi-minh": 19})
    hanoi = ranking.entry("ha-noi")
    assert (hanoi.scored, hanoi.bonus, hanoi.deductions) == pytest.approx((22, 1, 0.5))
    assert hanoi.groups == pytest.approx({"kinh-te": 16, "xa-hoi": 6})
    assert [c.points for c in hanoi.contributions] == pytest.approx([16, 6, 1, -0.5])


def test_a_tie_broken_by_the_chain_names_the_key_that_decided(tmp_path: Path) -> None:
    ranking = demo_ranking(tmp_path)
    danang, hanoi = ranking.entry("da-nang"), ranking.entry("ha-noi")
    assert (danang.rank, hanoi.rank) == (2, 3)
    assert danang.decided_by == hanoi.decided_by == "group:kinh-te"
    assert not danang.tied_with and not hanoi.tied_with


def test_a_tie_the_chain_cannot_break_shares_the_rank(tmp_path: Path) -> None:
    ranking = demo_ranking(tmp_path)
    assert [(e.member, e.rank) for e in ranking.entries] == [
        ("hai-phong", 1), ("da-nang", 2), ("ha-noi", 3), ("can-tho", 4), ("ho-chi-minh", 4),
    ]
    assert ranking.entry("can-tho").tied_with == ["ho-chi-minh"]
    assert ranking.entry("can-tho").decided_by is None
    assert ranking.ties == [["can-tho", "ho-chi-minh"]]


def test_without_a_chain_equal_totals_rank_1_2_2_4(tmp_path: Path) -> None:
    text = """\
    cluster: demo
    year: 2024
    members: [ha-noi, hai-phong, da-nang, can-tho]
    indicators:
      - {id: a, name: "Chỉ tiêu A", max: 10}
    scores:
      ha-noi: {a: 10}
      hai-phong: {a: 8}
      da-nang: {a: 8}
      can-tho: {a: 5}
    """
    ranking = demo_ranking(tmp_path, text, tie_break="")
    assert [e.rank for e in ranking.entries] == [1, 2, 2, 4]
    assert ranking.ties == [["da-nang", "hai-phong"]]


def test_votes_break_a_tie_when_the_group_subtotal_is_equal(tmp_path: Path) -> None:
    text = YEAR_2024.replace("can-tho: 1,", "can-tho: 2,")
    ranking = demo_ranking(tmp_path, text)
    cantho, hcm = ranking.entry("can-tho"), ranking.entry("ho-chi-minh")
    assert (cantho.rank, hcm.rank) == (4, 5)
    assert cantho.decided_by == "votes"
    assert ranking.ties == []


def test_a_missing_score_is_refused_not_counted_as_zero(tmp_path: Path) -> None:
    text = YEAR_2024.replace("can-tho: {kinh-te-a: 6, xa-hoi-b: 8,", "can-tho: {kinh-te-a: 6,")
    repo = load_repository(write_data(tmp_path / "data", {2024: text}))
    cy = repo.clusters["demo"].years[2024]
    with pytest.raises(MissingScores) as caught:
        rank(cy)
    assert caught.value.missing == [("can-tho", "xa-hoi-b")]
    [standing] = standings(repo, 2024)
    assert standing.status is Status.invalid and standing.ranking is None
    assert standing.error_files == [cy.path]


# --------------------------------------------------------------------------- standings


def test_a_year_without_scores_is_reported_not_an_error(tmp_path: Path) -> None:
    text = "cluster: demo\nyear: 2025\nmembers: [ha-noi, hue]\n"
    repo = load_repository(write_data(tmp_path / "data", {2024: YEAR_2024, 2025: text}))
    [standing] = standings(repo, 2025)
    assert standing.status is Status.no_scores
    assert standing.ranking is None and standing.error_files == []


def test_a_file_that_does_not_load_is_invalid_with_the_file_to_validate(tmp_path: Path) -> None:
    repo = load_repository(write_data(tmp_path / "data", {2024: YEAR_2024.replace("year: 2024", "year: '2024'")}))
    [standing] = standings(repo, 2024)
    assert standing.status is Status.invalid
    assert standing.error_files and standing.error_files[0].endswith("demo/2024.yaml")


def merger_repo(tmp_path: Path):
    return load_repository(write_data(tmp_path / "data", {2025: MERGER_2025, 2026: MERGER_2026}, tie_break=""))


def test_change_follows_a_merged_province_to_its_successor(tmp_path: Path) -> None:
    [standing] = standings(merger_repo(tmp_path), 2026)
    assert standing.status is Status.ranked and standing.previous_year == 2025
    ranks = {e.member: e.rank for e in standing.ranking.entries}
    assert ranks == {"hung-yen-2025": 1, "ninh-binh-2025": 2, "quang-ninh": 3, "ha-noi": 4}
    # Ninh Bình (new) takes the best of its predecessors' 2025 ranks: Nam Định's 1st.
    move = standing.movement("ninh-binh-2025")
    assert (move.previous_rank, move.previous_member, move.change(2)) == (1, "nam-dinh", -1)
    # Hưng Yên (new) was formed from Hưng Yên (6th) and Thái Bình (3rd): it compares with 3rd.
    move = standing.movement("hung-yen-2025")
    assert (move.previous_rank, move.previous_member, move.change(1)) == (3, "thai-binh", 2)
    assert standing.movement("quang-ninh").change(3) == -1
    assert standing.movement("ha-noi").new and standing.movement("ha-noi").previous_rank is None


def test_no_change_is_shown_when_the_previous_year_was_not_scored(tmp_path: Path) -> None:
    text = "cluster: demo\nyear: 2023\nmembers: [ha-noi, hai-phong, da-nang, can-tho, ho-chi-minh]\n"
    repo = load_repository(write_data(tmp_path / "data", {2023: text, 2024: YEAR_2024}))
    [standing] = standings(repo, 2024)
    assert standing.previous_year is None
    assert standing.movement("ha-noi").change(1) is None and not standing.movement("ha-noi").new


def test_award_places_walk_the_ladder() -> None:
    repo = load_repository(DATA)
    cy = repo.clusters["dbsh"].years[2023]
    places = award_places(cy)
    assert places == ["co-thi-dua-chinh-phu", "bang-khen-thu-tuong", "bang-khen-thu-tuong"]
    assert [award_at(places, r) for r in (1, 3, 4)] == ["co-thi-dua-chinh-phu", "bang-khen-thu-tuong", None]


# --------------------------------------------------------------------------- explain


def test_explain_lists_contributions_strengths_and_weaknesses(tmp_path: Path) -> None:
    x = explain(demo_ranking(tmp_path), "ha-noi")
    assert [(c.indicator.id, c.points) for c in x.contributions] == [("kinh-te-a", 16), ("xa-hoi-b", 6), ("thuong", 1), ("tru", -0.5)]
    assert x.possible == 30  # 10 × 2 + 10 × 1
    assert [c.indicator.id for c in x.strongest] == ["kinh-te-a"]  # 80% of its maximum
    assert [c.indicator.id for c in x.weakest] == ["xa-hoi-b"]  # 60%


def test_explain_an_equal_total_names_the_tie_break_and_both_values(tmp_path: Path) -> None:
    x = explain(demo_ranking(tmp_path), "ha-noi")
    assert x.up is not None and x.up.entry.member == "da-nang"
    assert x.up.gap == pytest.approx(0)
    assert x.up.tie_key == "group:kinh-te"
    assert x.up.tie_values == pytest.approx((18, 16))
    line = x.award_line
    assert (line.line_rank, line.inside, line.other.member, line.gap) == (2, False, "da-nang", pytest.approx(0))


def test_explain_gap_to_the_next_place_and_to_the_award_line(tmp_path: Path) -> None:
    ranking = demo_ranking(tmp_path)
    x = explain(ranking, "can-tho")
    assert x.up.entry.member == "ha-noi" and x.up.gap == pytest.approx(3.5)
    # Hà Nội earned 4 more on kinh-te (16 − 12) and 1 more bonus; Cần Thơ did better on xa-hoi.
    assert [(d.indicator, d.points) for d in x.up.differences] == [("kinh-te-a", pytest.approx(4)), ("thuong", pytest.approx(1)), ("tru", pytest.approx(0.5))]
    assert x.award_line.other.member == "da-nang" and x.award_line.gap == pytest.approx(3.5)
    leader = explain(ranking, "hai-phong")
    assert leader.up is None and leader.down.entry.member == "da-nang" and leader.down.gap == pytest.approx(0.5)
    assert leader.award_line.inside and leader.award_line.award == "co-thi-dua-chinh-phu"
    assert leader.award_line.other.member == "ha-noi" and leader.award_line.gap == pytest.approx(0.5)


def test_explain_flags_a_tie_across_the_award_line(tmp_path: Path) -> None:
    text = """\
    cluster: demo
    year: 2024
    members: [ha-noi, hai-phong, da-nang]
    indicators:
      - {id: a, name: "Chỉ tiêu A", max: 10}
    scores:
      ha-noi: {a: 9}
      hai-phong: {a: 8}
      da-nang: {a: 8}
    """
    x = explain(demo_ranking(tmp_path, text, tie_break=""), "da-nang")
    assert x.award_line.inside and x.award_line.crowded  # two members at rank 2, one award left


def test_members_are_found_by_id_or_by_name_and_ambiguity_is_reported() -> None:
    found = standings(load_repository(DATA), 2023)
    for text in ("nam-dinh", "Tỉnh Nam Định", "tinh nam dinh"):
        matches, _ = resolve_member(text, found)
        assert [(s.cluster, m) for s, m in matches] == [("dbsh", "nam-dinh")], text
    matches, _ = resolve_member("Nam Định", found)  # the province and the district-level city
    assert sorted(m for _, m in matches) == ["nam-dinh", "thanh-pho-nam-dinh-nam-dinh"]
    matches, close = resolve_member("nam-dihn", found)
    assert matches == [] and "nam-dinh" in close


def test_every_rank_message_has_both_languages_with_the_same_placeholders() -> None:
    import string

    from thidua.output.messages_rank import CATALOGUE

    fields = string.Formatter()
    for key, entry in CATALOGUE.items():
        assert set(entry) == {"en", "vi"}, key
        en, vi = ({f for _, f, _, _ in fields.parse(entry[lang]) if f} for lang in ("en", "vi"))
        assert en == vi, key
