"""Rankings by votes or by the meeting's decided order, vote thresholds, award kinds (issue 12, 5–7).

Real-shaped cases: the 7 northern border provinces' 2024 result (the meeting placed Điện Biên
first and Lào Cai second; no points published), a ministry's "> 50 % of all members" flag rule,
a ministry's and a province's flag in one block, a thematic award beside the ladder.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain.awards import compare, recommend
from thidua.domain.models import ClusterFile, ClusterYear, ClusterYearFile, RankingBasis, effective_rules
from thidua.domain.ranking import basis, can_rank, rank_record
from thidua.domain.registry import Registry

DATA = Path(__file__).parents[2] / "data"


def load_registry() -> Registry:
    """The shipped registry of provinces (no repository, no file positions needed)."""
    import yaml

    from thidua.domain.models import RegistryFile

    data = RegistryFile.model_validate(yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8")), strict=False)
    return Registry(data.units)

BORDER = ["lao-cai", "cao-bang", "dien-bien", "lang-son", "ha-giang", "son-la", "lai-chau"]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def make(registry: Registry, year: dict[str, Any], rules: dict[str, Any] | None = None, **cluster: Any) -> ClusterYear:
    file = ClusterFile.model_validate(
        {"id": "demo", "name": "Cụm mẫu", "kind": "cum", "organiser": {"level": "central", "name": "Ban Thi đua - Khen thưởng Trung ương"}, "rules": rules or {}, **cluster},
        strict=False,
    )
    data = ClusterYearFile.model_validate({"cluster": "demo", "year": 2024, **year}, strict=False)
    return ClusterYear(file, data, effective_rules(file.rules, data.rules), registry)


LADDER = {"awards": [{"award": "co-thi-dua-chinh-phu", "count": 1}, {"award": "bang-khen-thu-tuong", "count": 1}]}


# --------------------------------------------------------------------------- ranking basis


def test_the_meetings_partial_order_ranks_without_points(registry: Registry) -> None:
    cy = make(registry, {"members": BORDER, "ranking": {"order": ["dien-bien", "lao-cai"]}}, LADDER)
    assert basis(cy) is RankingBasis.decided and can_rank(cy)
    ranking = rank_record(cy)
    assert ranking.basis is RankingBasis.decided and ranking.also == []
    assert [(e.member, e.rank, e.placed, e.has_points) for e in ranking.entries[:3]] == [
        ("dien-bien", 1, True, False),
        ("lao-cai", 2, True, False),
        ("cao-bang", 3, False, False),
    ]
    assert all(not e.placed for e in ranking.entries[2:])
    result = recommend(cy)
    assert [(r.member, r.award) for r in result.recommendations] == [("dien-bien", "co-thi-dua-chinh-phu"), ("lao-cai", "bang-khen-thu-tuong")]
    assert result.recommendations[0].reason.code == "votes.reason.decided"
    assert result.notes[0].code == "votes.note.basis"


def test_a_place_the_meeting_shared_is_a_tie_at_the_line(registry: Registry) -> None:
    # dbsh 2023 as published: Nam Định first; Hưng Yên and Quảng Ninh next, unordered.
    members = ["bac-ninh", "thai-binh", "hung-yen", "nam-dinh", "ninh-binh", "ha-nam", "hai-duong", "vinh-phuc", "quang-ninh"]
    cy = make(registry, {"members": members, "ranking": {"order": ["nam-dinh", ["hung-yen", "quang-ninh"]]}}, LADDER)
    ranking = rank_record(cy)
    assert [(e.member, e.rank, e.tied_with) for e in ranking.entries[:3]] == [("nam-dinh", 1, []), ("hung-yen", 2, ["quang-ninh"]), ("quang-ninh", 2, ["hung-yen"])]
    result = recommend(cy)
    assert [(t.members, t.slots) for t in result.ties_at_line] == [(["hung-yen", "quang-ninh"], 1)]


def test_votes_rank_only_when_the_basis_says_so(registry: Registry) -> None:
    counts = {"dien-bien": 7, "lao-cai": 5, "son-la": 5, "cao-bang": 2}
    plain = make(registry, {"members": BORDER, "votes": {"voters": 7, "counts": counts}}, {"tie_break": ["votes"]})
    assert basis(plain) is None and not can_rank(plain)  # counts beside the scoring: not a ranking by themselves
    cy = make(registry, {"members": BORDER, "ranking": {"basis": "votes"}, "votes": {"voters": 7, "counts": counts}}, {"tie_break": ["votes", "bonus"]})
    ranking = rank_record(cy)
    assert ranking.basis is RankingBasis.votes and ranking.tie_break == []  # no points: bonus cannot separate
    assert [(e.member, e.rank, e.votes) for e in ranking.entries[:4]] == [("dien-bien", 1, 7), ("lao-cai", 2, 5), ("son-la", 2, 5), ("cao-bang", 4, 2)]
    assert ranking.entries[1].tied_with == ["son-la"]


def _scores(total: dict[str, float]) -> dict[str, Any]:
    return {
        "indicators": [{"id": "tong", "name": "Tổng hợp", "max": 100}],
        "scores": {m: {"tong": v} for m, v in total.items()},
    }


def test_points_and_the_meetings_order_mixed_the_order_wins_and_says_so(registry: Registry) -> None:
    from thidua.domain.checks import Refs
    from thidua.domain.votes import check_ranking_and_votes

    totals = {m: 80.0 for m in BORDER} | {"lao-cai": 95.0, "dien-bien": 93.5}
    cy = make(registry, {"members": BORDER, **_scores(totals), "ranking": {"order": ["dien-bien", "lao-cai"]}}, LADDER)
    ranking = rank_record(cy)
    assert ranking.basis is RankingBasis.decided and ranking.also == ["points"]
    assert ranking.entries[0].member == "dien-bien" and ranking.entries[0].total == 93.5  # points for reference
    issues = check_ranking_and_votes(cy, Refs(cy))
    assert [(i.code, i.path) for i in issues] == [("TD436", ("ranking", "order", 0))]
    assert issues[0].params["computed"].n == 2 and issues[0].params["decided"].n == 1
    result = recommend(cy)
    assert result.notes[0].code == "votes.note.basis_mixed"
    assert result.recommendations[0].member == "dien-bien"


def test_a_points_year_is_ranked_as_before(registry: Registry) -> None:
    cy = make(registry, {"members": ["nam-dinh", "ha-nam"], **_scores({"nam-dinh": 90, "ha-nam": 91})}, LADDER)
    ranking = rank_record(cy)
    assert ranking.basis is RankingBasis.points and [e.member for e in ranking.entries] == ["ha-nam", "nam-dinh"]
    assert all(e.has_points and e.placed for e in ranking.entries)


# --------------------------------------------------------------------------- thresholds


FLAG = {"award": "co-thi-dua-bo", "count": 1}


@pytest.mark.parametrize(
    ("threshold", "votes", "eligible"),
    [
        ({"share": 0.5, "of": "members", "strict": True}, {"members": 8, "present": 8, "voters": 8, "counts": {"nam-dinh": 4}}, False),  # 4/8 is not > 50 %
        ({"share": 0.5, "of": "members", "strict": True}, {"members": 8, "present": 8, "voters": 8, "counts": {"nam-dinh": 5}}, True),
        ({"share": 0.5, "of": "members", "strict": True}, {"members": 12, "present": 8, "voters": 8, "counts": {"nam-dinh": 6}}, False),  # 6/12 of all members
        ({"share": 0.5, "of": "present"}, {"members": 12, "present": 8, "voters": 7, "counts": {"nam-dinh": 4}}, True),  # ≥ 50 % of present
        ({"share": 0.5, "of": "voters", "strict": True}, {"voters": 8, "counts": {"nam-dinh": 4}}, False),
        (0.5, {"voters": 8, "counts": {"nam-dinh": 4}}, True),  # a bare number: at least half the voters, as before
    ],
)
def test_thresholds_count_against_their_denominator(registry: Registry, threshold: Any, votes: dict[str, Any], eligible: bool) -> None:
    cy = make(registry, {"members": ["nam-dinh", "ha-nam"], "ranking": {"basis": "votes"}, "votes": votes}, {"awards": [{**FLAG, "min_vote_share": threshold}]})
    result = recommend(cy)
    assert bool(result.recommendations) is eligible
    if not eligible:
        reason = result.near_misses[0].reason.params["failures"][0]
        assert reason.code == ("votes.fail" if isinstance(threshold, dict) else "awards.fail.votes")


def test_per_award_counts_win_over_the_general_counts(registry: Registry) -> None:
    votes = {"voters": 8, "counts": {"nam-dinh": 8, "ha-nam": 1}, "awards": {"co-thi-dua-bo": {"nam-dinh": 3, "ha-nam": 6}}}
    cy = make(registry, {"members": ["nam-dinh", "ha-nam"], "ranking": {"basis": "votes"}, "votes": votes}, {"awards": [{**FLAG, "min_vote_share": 0.5}]})
    assert [r.member for r in recommend(cy).recommendations] == ["ha-nam"]


# --------------------------------------------------------------------------- awards of every kind


TWO_ISSUERS = {
    "awards": [
        {"award": "co-thi-dua-bo", "count": 1, "issuer": "Bộ Công Thương"},
        {"award": "bang-khen-chu-tich-ubnd-tinh", "count": 1},
        {"award": "co-thi-dua-ubnd-tinh", "count": 1, "issuer": "UBND tỉnh Hải Dương", "independent": True},
    ]
}
BLOCK = ["hai-duong", "bac-ninh", "hung-yen"]


def _block(registry: Registry, awards: list[dict[str, Any]]) -> ClusterYear:
    return make(registry, {"members": BLOCK, "ranking": {"order": BLOCK}, "awards": awards}, TWO_ISSUERS)


DECIDED = [
    {"member": "hai-duong", "award": "co-thi-dua-bo", "issuer": "Bộ Công Thương"},
    {"member": "hai-duong", "award": "co-thi-dua-ubnd-tinh"},
    {"member": "bac-ninh", "award": "bang-khen-chu-tich-ubnd-tinh"},
    {"member": "hung-yen", "award": "bang-khen-chu-tich-ubnd-tinh", "kind": "thematic"},
    {"member": "bac-ninh", "award": "co-thi-dua-ubnd-tinh", "kind": "during_year"},
]


def test_a_ministrys_and_a_provinces_flag_go_to_one_member(registry: Registry) -> None:
    result = recommend(_block(registry, DECIDED))
    assert sorted((r.member, r.award, r.issuer) for r in result.recommendations) == [
        ("bac-ninh", "bang-khen-chu-tich-ubnd-tinh", None),
        ("hai-duong", "co-thi-dua-bo", "Bộ Công Thương"),
        ("hai-duong", "co-thi-dua-ubnd-tinh", "UBND tỉnh Hải Dương"),
    ]
    assert not any(n.code == "awards.note.unfilled" for n in result.notes)
    assert result.comparison is not None and result.comparison.agrees, result.comparison


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(range(len(DECIDED)))))
def test_the_comparison_does_not_depend_on_the_order_of_decided_awards(order: list[int]) -> None:
    registry = load_registry()
    agreed = recommend(_block(registry, [DECIDED[i] for i in order])).comparison
    assert agreed is not None and agreed.agrees
    # drop the province's flag: exactly one difference, whatever the order
    kept = [DECIDED[i] for i in order if DECIDED[i] != DECIDED[1]]
    result = recommend(_block(registry, kept))
    assert result.comparison is not None
    assert [(d.kind, d.member, d.recommended) for d in result.comparison.differences] == [("extra", "hai-duong", "co-thi-dua-ubnd-tinh")]


def test_two_decided_awards_of_one_member_were_misread_by_the_first_one_only(registry: Registry) -> None:
    """The old comparison kept the first decided award per member: listing the province's flag
    first made it report the ministry's flag as "different" and miss nothing else."""
    flipped = [DECIDED[1], DECIDED[0], DECIDED[2]]
    result = recommend(_block(registry, flipped))
    assert result.comparison is not None and result.comparison.agrees
    wrong = [*flipped[:2], {"member": "bac-ninh", "award": "co-thi-dua-bo", "issuer": "Bộ Công Thương"}]
    differences = compare(recommend(_block(registry, wrong)))
    assert sorted((d.kind, d.member, d.recommended, d.decided) for d in differences.differences) == [
        ("different", "bac-ninh", "bang-khen-chu-tich-ubnd-tinh", "co-thi-dua-bo"),
    ]


def test_awards_outside_the_ladder_are_never_disagreements_nor_td505(registry: Registry) -> None:
    from thidua.domain.checks import Refs, _check_awards

    cy = _block(registry, DECIDED)
    assert [i.code for i in _check_awards(cy, Refs(cy))] == []
    two = _block(registry, [*DECIDED, {"member": "hung-yen", "award": "co-thi-dua-bo", "issuer": "Bộ Công Thương"}, {"member": "hung-yen", "award": "bang-khen-chu-tich-ubnd-tinh"}])
    assert sorted(i.code for i in _check_awards(two, Refs(two))) == ["TD504", "TD504", "TD505"]


def test_every_member_pair_of_exclusive_ladder_awards_is_td505(registry: Registry) -> None:
    from thidua.domain.checks import Refs, _check_awards

    for first, second in itertools.permutations(["co-thi-dua-bo", "bang-khen-chu-tich-ubnd-tinh"]):
        cy = _block(registry, [{"member": "hung-yen", "award": first}, {"member": "hung-yen", "award": second}])
        assert [i.code for i in _check_awards(cy, Refs(cy))] == ["TD505"]
