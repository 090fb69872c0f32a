"""Rotation that respects the record (issue 12, item 8): the target year's file wins, a partial
election keeps its elected units, ``vice_chairs: []`` means none, an appointment is a leadership
source of its own, every path to a year gives one answer, and a one-member list says so."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.domain.models import (
    Appointment,
    ClusterFile,
    ClusterYear,
    ClusterYearFile,
    Election,
    Leadership,
    RotationPolicy,
    RotationRules,
    Rules,
    Unit,
)
from thidua.domain.rotation import CHAIR, VICE, Term, propose, schedule
from thidua.output.i18n import say, set_language
from thidua.repository.loader import load_repository

DATA = Path(__file__).parents[2] / "data"
STABLE = ["ha-noi", "cao-bang", "dien-bien", "lai-chau", "son-la", "lang-son", "quang-ninh", "thanh-hoa"]


@pytest.fixture(autouse=True)
def english() -> Any:
    set_language("en")
    yield
    set_language(None)


@functools.cache
def shipped() -> Any:
    return load_repository(DATA)


@functools.cache
def registry() -> Any:
    return shipped().registry


def texts(proposal: Any) -> list[str]:
    return [say(n) for n in proposal.notes]


def steps(proposal: Any) -> list[tuple[str, str, bool, str]]:
    return [(s.role, s.unit, s.chosen, say(s.why)) for s in proposal.steps]


def term(year: int, members: list[str], chair: str | None = None, vices: list[str] | None = None, policy: str = "list_order",
         vice_chairs: int = 1, election: Election | None = None, vices_recorded: bool = False) -> Term:
    rules = RotationRules(policy=RotationPolicy(policy), vice_chairs=vice_chairs)
    return Term(year, members, chair, vices or [], election, rules, vices_recorded=vices_recorded)


def cluster_year(units: Any, year: int, members: list[str], policy: str = "list_order", vice_chairs: int = 1, cooldown: int = 0,
                 **year_keys: Any) -> ClusterYear:
    rules = Rules(rotation=RotationRules(policy=RotationPolicy(policy), vice_chairs=vice_chairs, cooldown=cooldown))
    cluster = ClusterFile.model_validate({"id": "c", "name": "Cụm thử", "kind": "cum",
                                          "organiser": {"level": "central", "name": "Ban Thi đua - Khen thưởng Trung ương"}}, strict=False)
    year_file = ClusterYearFile.model_validate({"cluster": "c", "year": year, "members": members, **year_keys}, strict=False)
    return ClusterYear(cluster, year_file, rules, units)


# --------------------------------------------------------------------------- 1. the target year's file wins


def test_the_recorded_2025_file_gives_the_members_huế_included() -> None:
    """tp-truc-thuoc-tw: 2025's file adds Huế; the proposal must not rebuild 2025 from 2024."""
    p = schedule(shipped().history("tp-truc-thuoc-tw"), 2024)[0]
    assert p.members == ["ha-noi", "ho-chi-minh", "hai-phong", "da-nang", "can-tho", "hue"]
    assert p.record is not None and p.record.year == 2025
    # Offices are filled only among members who exist all of 2025 (the four cities merged on 01/07/2025).
    assert (p.chair, p.vice_chairs) == ("ha-noi", ["hue"])
    assert ("Đà Nẵng, listed in the 2025 file, merges into Đà Nẵng (2025) on 01/07/2025: it cannot hold an office all year, "
            "so it is not a candidate") in texts(p)
    assert "the 2025 file exists but records no leadership" in texts(p)


def test_recorded_offices_are_kept_and_only_the_open_one_is_filled() -> None:
    units = registry()
    members = STABLE[:5]
    history = [
        cluster_year(units, 2023, members, leadership={"chair": "ha-noi", "vice_chairs": ["cao-bang"]}),
        # 2024 records its vice-chair only: dien-bien, whom list order would make chair after ha-noi… cao-bang.
        cluster_year(units, 2024, members, leadership={"vice_chairs": ["cao-bang"]}),
    ]
    p = schedule(history, 2023)[0]
    assert p.vice_chairs == ["cao-bang"]  # recorded: kept, not moved to the chair
    assert p.chair == "dien-bien"
    assert (VICE, "cao-bang", True, "recorded in the 2024 file: kept") in steps(p)
    assert (CHAIR, "cao-bang", False, "holds a vice-chair already (elected, recorded or appointed): kept there, not moved") in steps(p)


def test_a_fully_recorded_year_is_reported_as_recorded_and_compared() -> None:
    units = registry()
    members = STABLE[:4]
    history = [
        cluster_year(units, 2023, members, leadership={"chair": "ha-noi", "vice_chairs": ["cao-bang"]}),
        cluster_year(units, 2024, members, leadership={"chair": "lai-chau", "vice_chairs": ["ha-noi"]}),
    ]
    p = schedule(history, 2023)[0]
    assert (p.chair, p.vice_chairs, p.basis, p.proposal_only) == ("lai-chau", ["ha-noi"], "recorded", False)
    assert p.recorded_agrees is False
    assert ("the leadership recorded in the 2024 file is kept; without it the rotation would give chair Cao Bằng, "
            "vice-chairs Điện Biên") in texts(p)


# --------------------------------------------------------------------------- 2. partial elections, vice_chairs: []


def lang_son_districts() -> Any:
    """Lạng Sơn's districts before 01/07/2025 (national-registry ids), over the shipped registry."""
    names = [("thanh-pho-lang-son-lang-son", "Lạng Sơn", "thanh_pho"), ("huyen-trang-dinh-lang-son", "Tràng Định", "huyen"),
             ("huyen-van-lang-lang-son", "Văn Lãng", "huyen"), ("huyen-van-quan-lang-son", "Văn Quan", "huyen"),
             ("huyen-binh-gia-lang-son", "Bình Gia", "huyen"), ("huyen-bac-son-lang-son", "Bắc Sơn", "huyen")]
    return registry().overlay([Unit.model_validate({"id": i, "name": n, "type": k, "valid_to": "2025-06-30"}, strict=False) for i, n, k in names])


@pytest.mark.parametrize("policy", ["elected", "list_order"])
def test_an_election_of_the_vice_alone_keeps_it_and_gives_the_chair_to_another(policy: str) -> None:
    """Elected vice Văn Quan used to become chair (and vanish from the vice list, Bình Gia taking it)."""
    units = lang_son_districts()
    members = ["thanh-pho-lang-son-lang-son", "huyen-trang-dinh-lang-son", "huyen-van-lang-lang-son", "huyen-van-quan-lang-son",
               "huyen-binh-gia-lang-son", "huyen-bac-son-lang-son"]
    election = Election(date=dt.date(2024, 1, 18), vice_chairs=["huyen-van-quan-lang-son"])
    p = propose([term(2023, members, "huyen-van-lang-lang-son", policy=policy, election=election)], units)
    assert p.vice_chairs == ["huyen-van-quan-lang-son"]
    assert p.chair == "huyen-binh-gia-lang-son"
    assert (CHAIR, "huyen-van-quan-lang-son", False,
            "holds a vice-chair already (elected, recorded or appointed): kept there, not moved") in steps(p)
    assert (VICE, "huyen-van-quan-lang-son", True, "recorded election of 18/01/2024") in steps(p)
    assert p.basis == "election" and p.proposal_only is (policy == "elected")


def test_a_recorded_empty_vice_list_is_none_and_stays_none() -> None:
    units = registry()
    members = STABLE[:4]
    history = [
        cluster_year(units, 2023, members, leadership={"chair": "ha-noi", "vice_chairs": ["cao-bang"]}),
        cluster_year(units, 2024, members, leadership={"vice_chairs": []}),
    ]
    p = schedule(history, 2023)[0]
    assert p.vice_chairs == [] and p.chair == "cao-bang"
    assert not any("vice-chair(s) can be chosen" in n for n in texts(p))


def test_vice_chairs_empty_means_none_absent_means_not_recorded() -> None:
    units = registry()
    none = propose([term(2023, STABLE[:4], "ha-noi", [], "vice_promotes", vices_recorded=True)], units)
    absent = propose([term(2023, STABLE[:4], "ha-noi", None, "vice_promotes")], units)
    assert "2023 had no vice-chair (`vice_chairs: []`): the chair follows list order instead" in texts(none)
    assert "no vice-chair recorded for 2023: the chair follows list order instead" in texts(absent)
    assert none.chair == absent.chair == "cao-bang"


# --------------------------------------------------------------------------- 3. appointments


def test_an_appointment_in_the_target_year_gives_the_chair_with_its_decision() -> None:
    units = registry()
    members = STABLE[:4]
    appointment = {"decision": "125/QĐ-BTĐKT", "date": "2024-01-15", "issuer": "Ban Thi đua - Khen thưởng Trung ương",
                   "signer": "Phó Trưởng ban Nguyễn Văn A", "chair": "lai-chau"}
    history = [
        cluster_year(units, 2023, members, policy="appointed", leadership={"chair": "ha-noi"}),
        cluster_year(units, 2024, members, policy="appointed", appointment=appointment),
    ]
    p = schedule(history, 2023)[0]
    assert p.chair == "lai-chau" and p.basis == "appointment"
    assert isinstance(p.appointment, Appointment) and p.appointment.decision == "125/QĐ-BTĐKT"
    assert steps(p)[0] == (CHAIR, "lai-chau", True, "appointed by decision 125/QĐ-BTĐKT of 15/01/2024 "
                           "(Ban Thi đua - Khen thưởng Trung ương; signed: Phó Trưởng ban Nguyễn Văn A)")
    # the next year rotates from the appointed chair
    assert schedule(history, 2024)[0].outgoing_chair == "lai-chau"


def test_without_an_appointment_an_appointed_cluster_gets_nothing() -> None:
    p = propose([term(2023, STABLE[:3], "ha-noi", policy="appointed")], registry())
    assert (p.chair, p.vice_chairs, p.basis) == (None, [], "none")
    assert any("`appointment:`" in n for n in texts(p))


# --------------------------------------------------------------------------- 4. one answer whatever the path


def test_from_2025_and_from_2024_over_three_years_give_the_same_2026() -> None:
    history = shipped().history("tp-truc-thuoc-tw")
    direct = schedule(history, 2025)[0]
    chained = schedule(history, 2024, 3)[1]
    assert chained.to_year == direct.to_year == 2026
    assert (chained.chair, chained.vice_chairs) == (direct.chair, direct.vice_chairs) == ("ha-noi", ["ho-chi-minh-2025"])


def test_nam_dinh_districts_2024_is_the_same_from_2022_and_from_2023() -> None:
    history = shipped().history("nam-dinh-cap-huyen")
    assert schedule(history, 2022, 2)[1].chair == schedule(history, 2023)[0].chair == "thanh-pho-nam-dinh-nam-dinh"


def _leadership(draw: Any, members: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    chair = draw(st.one_of(st.none(), st.sampled_from(members)))
    if chair is not None:
        out["chair"] = chair
    if draw(st.booleans()):
        out["vice_chairs"] = draw(st.lists(st.sampled_from([m for m in members if m != chair] or members), max_size=1, unique=True))
        if chair in out["vice_chairs"]:
            out["vice_chairs"] = []
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_path_to_a_year_gives_the_same_answer(data: Any) -> None:
    """Generated histories: proposing year Y from the last recorded year equals chaining to Y from
    any earlier recorded year through the intermediate proposals (and files)."""
    units = registry()
    members = data.draw(st.lists(st.sampled_from(STABLE), min_size=1, max_size=6, unique=True))
    policy = data.draw(st.sampled_from(["list_order", "vice_promotes", "elected"]))
    cooldown = data.draw(st.integers(0, 2))
    first = 2020
    recorded = sorted({first, *data.draw(st.lists(st.integers(first + 1, first + 5), max_size=4))})
    history = []
    for year in recorded:
        keys: dict[str, Any] = {"leadership": _leadership(data.draw, members)}
        if data.draw(st.booleans()):
            keys["election"] = {k: v for k, v in _leadership(data.draw, members).items()}
        history.append(cluster_year(units, year, members, policy, 1, cooldown, **keys))
    last = recorded[-1]
    target = last + data.draw(st.integers(1, 3))
    start = data.draw(st.sampled_from(recorded))
    direct = schedule(history, last, target - last)[-1]
    chained = schedule(history, start, target - start)[-1]
    assert direct.to_year == chained.to_year == target
    assert (chained.chair, chained.vice_chairs, chained.basis) == (direct.chair, direct.vice_chairs, direct.basis)
    # and a recorded year on the way is answered as its file says, whichever year the chain started from
    for year in recorded[1:]:
        if year > start:
            via = schedule(history, start, year - start)[-1]
            assert via.record is not None and via.record.year == year
            assert via.members == members


# --------------------------------------------------------------------------- 5. one member


def test_a_one_member_list_says_so_and_does_not_rotate() -> None:
    p = propose([term(2023, ["ha-noi"], "ha-noi")], registry())
    assert (p.chair, p.vice_chairs, p.basis) == ("ha-noi", [], "only_member")
    assert steps(p) == [(CHAIR, "ha-noi", True, "the only member who can hold office")]
    assert texts(p) == ["the 2024 list has one member, Hà Nội, the outgoing chair: it stays chair; this is not a rotation, "
                        "and there is no vice-chair"]


def test_a_one_member_list_after_a_merger_names_the_member() -> None:
    # Hải Dương merged into Hải Phòng (2025): the 2025 list is one member, not the outgoing chair.
    p = propose([term(2024, ["hai-duong", "hai-phong"], "hai-duong")], registry())
    assert p.members == ["hai-phong-2025"] and p.chair == "hai-phong-2025"
    assert "the 2025 list has one member, Hải Phòng (2025): it holds the chair; there is no rotation and no vice-chair" in texts(p)


def test_shipped_rotations_that_the_issue_did_not_touch_are_unchanged() -> None:
    history = shipped().history("dbsh")
    assert [(p.chair, p.vice_chairs) for p in schedule(history, 2024, 3)] == [
        ("hai-phong-2025", ["phu-tho-2025", "quang-ninh"]), ("phu-tho-2025", ["quang-ninh", "bac-ninh-2025"]),
        ("quang-ninh", ["bac-ninh-2025", "hung-yen-2025"])]
    border = schedule(shipped().history("mien-nui-bien-gioi-phia-bac"), 2024, 3)
    assert [(p.chair, p.vice_chairs) for p in border] == [("cao-bang", ["dien-bien"]), ("dien-bien", ["lang-son"]),
                                                          ("lang-son", ["tuyen-quang-2025"])]


def test_leadership_vice_chairs_absent_and_empty_are_distinct_in_the_model() -> None:
    assert Leadership().vice_chairs is None
    assert Leadership(vice_chairs=[]).vice_chairs == []
