"""Leadership rotation: each policy by hand, the 2025 merger, the contract the checks rely on."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import DATA, rotation_cluster
from thidua.domain.models import Election, RotationPolicy, RotationRules
from thidua.domain.rotation import (
    CHAIR,
    VICE,
    Term,
    expected_leadership,
    label,
    propose,
    schedule,
    terms_of,
)
from thidua.output.i18n import say, set_language
from thidua.repository.loader import load_repository
from thidua.services.validate import validate_paths

# Provinces the 2025 merger left alone: their ids mean the same unit before and after.
STABLE = ["ha-noi", "cao-bang", "dien-bien", "lai-chau", "son-la", "lang-son", "quang-ninh", "thanh-hoa", "nghe-an", "ha-tinh"]


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def shipped():
    return load_repository(DATA)


@pytest.fixture(scope="module")
def units(shipped):
    return shipped.registry


def term(year: int, members: list[str], chair: str | None = None, vices: list[str] | None = None, policy: str = "list_order",
         vice_chairs: int = 1, cooldown: int = 0, order: list[str] | None = None, election: Election | None = None) -> Term:
    rules = RotationRules(policy=RotationPolicy(policy), vice_chairs=vice_chairs, cooldown=cooldown, order=order)
    return Term(year, members, chair, vices or [], election, rules)


def texts(proposal) -> list[str]:
    return [say(n) for n in proposal.notes]


def steps(proposal) -> list[tuple[str, str, bool, str]]:
    return [(s.role, s.unit, s.chosen, say(s.why)) for s in proposal.steps]


# --------------------------------------------------------------------------- vice_promotes


def test_vice_promotes_the_vice_and_the_next_members_become_vices(units) -> None:
    t = term(2023, ["ha-noi", "cao-bang", "dien-bien", "lai-chau", "son-la"], "ha-noi", ["cao-bang"], "vice_promotes", vice_chairs=2)
    p = propose([t], units)
    assert (p.to_year, p.chair, p.vice_chairs) == (2024, "cao-bang", ["dien-bien", "lai-chau"])
    assert p.basis == "policy" and not p.proposal_only
    assert steps(p)[0] == (CHAIR, "cao-bang", True, "vice-chair in 2023: promoted to chair")
    assert (p.outgoing_chair, p.chair) == ("ha-noi", "cao-bang")  # the flag's hand-over


def test_vice_promotes_wraps_round_and_skips_the_outgoing_chair(units) -> None:
    # chair son-la, vice ha-noi: after ha-noi come cao-bang, dien-bien; with 4 vices wanted the
    # cycle reaches son-la, the outgoing chair, who is skipped and only taken as a last resort.
    t = term(2023, ["ha-noi", "cao-bang", "dien-bien", "son-la"], "son-la", ["ha-noi"], "vice_promotes", vice_chairs=3)
    p = propose([t], units)
    assert p.chair == "ha-noi"
    assert p.vice_chairs == ["cao-bang", "dien-bien", "son-la"]
    assert (VICE, "son-la", False, "outgoing chair: skipped") in steps(p)
    assert (VICE, "son-la", True, "too few other members: chosen despite the rule above") in steps(p)


def test_a_merged_vice_is_skipped_and_its_successor_does_not_inherit(units) -> None:
    t = term(2024, ["ha-noi", "hai-duong", "cao-bang", "dien-bien"], "ha-noi", ["hai-duong", "cao-bang"], "vice_promotes", vice_chairs=2)
    p = propose([t], units)
    assert p.members == ["ha-noi", "hai-phong-2025", "cao-bang", "dien-bien"]
    assert steps(p)[0] == (CHAIR, "hai-duong", False,
                           "Hải Dương merged into Hải Phòng (2025) on 01/07/2025: skipped (the successor does not inherit the office)")
    assert p.chair == "cao-bang"  # the next vice, not hai-phong-2025
    # after cao-bang: dien-bien, then ha-noi (outgoing chair: skipped), then hai-phong-2025
    assert p.vice_chairs == ["dien-bien", "hai-phong-2025"]


def test_no_vice_can_serve_falls_back_to_list_order_after_the_chairs_successor(units) -> None:
    t = term(2024, ["quang-ninh", "nam-dinh", "ninh-binh", "ha-noi"], "nam-dinh", ["ninh-binh"], "vice_promotes")
    p = propose([t], units)
    assert p.members == ["quang-ninh", "ninh-binh-2025", "ha-noi"]
    # nam-dinh sits at ninh-binh-2025's place: the order resumes after it
    assert (p.chair, p.vice_chairs) == ("ha-noi", ["quang-ninh"])
    assert "no vice-chair of 2024 can serve: the chair follows list order instead" in texts(p)
    assert "the outgoing chair Nam Định is now part of Ninh Bình (2025): the order resumes after Ninh Bình (2025)" in texts(p)


# --------------------------------------------------------------------------- list_order


def test_list_order_takes_the_next_member_after_the_outgoing_chair(units) -> None:
    p = propose([term(2023, STABLE[:5], "dien-bien")], units)
    assert (p.chair, p.vice_chairs) == ("lai-chau", ["son-la"])
    assert steps(p)[0] == (CHAIR, "lai-chau", True, "next in rotation order after Điện Biên")


def test_list_order_skips_who_chaired_within_the_cooldown(units) -> None:
    members = STABLE[:5]  # ha-noi, cao-bang, dien-bien, lai-chau, son-la
    history = [term(2022, members, "ha-noi", cooldown=2), term(2023, members, "son-la", cooldown=2)]
    p = propose(history, units)
    assert steps(p)[0] == (CHAIR, "ha-noi", False, "chaired in 2022, within the 2-year cooldown: skipped")
    assert (p.chair, p.vice_chairs) == ("cao-bang", ["dien-bien"])
    shorter = [term(2022, members, "ha-noi", cooldown=1), term(2023, members, "son-la", cooldown=1)]
    assert propose(shorter, units).chair == "ha-noi"  # 2022 is outside a one-year cooldown


def test_list_order_follows_the_rules_order_not_the_member_list(units) -> None:
    members = ["ha-noi", "cao-bang", "dien-bien"]
    p = propose([term(2023, members, "ha-noi", order=["dien-bien", "ha-noi", "cao-bang"])], units)
    assert (p.chair, p.vice_chairs) == ("cao-bang", ["dien-bien"])


def test_cooldown_over_everyone_is_waived(units) -> None:
    members = ["ha-noi", "cao-bang"]
    history = [term(2022, members, "cao-bang", cooldown=5), term(2023, members, "ha-noi", cooldown=5)]
    p = propose(history, units)
    assert (p.chair, p.vice_chairs) == ("cao-bang", ["ha-noi"])
    assert steps(p) == [
        (CHAIR, "cao-bang", False, "chaired in 2022, within the 5-year cooldown: skipped"),
        (CHAIR, "ha-noi", False, "chaired in 2023, within the 5-year cooldown: skipped"),
        (CHAIR, "cao-bang", True, "every member chaired within the cooldown: next in rotation order, cooldown waived"),
        (VICE, "ha-noi", False, "outgoing chair: skipped"),
        (VICE, "ha-noi", True, "too few other members: chosen despite the rule above"),
    ]


@functools.cache
def registry():
    return load_repository(DATA).registry


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(STABLE), min_size=1, max_size=10, unique=True), st.data())
def test_list_order_gives_everyone_one_turn(members: list[str], data) -> None:
    """Round robin: over len(members) years with no cooldown, each member chairs exactly once."""
    start = data.draw(st.sampled_from(members))
    vice_chairs = data.draw(st.integers(0, 3))
    terms = [term(2030, members, start, vice_chairs=vice_chairs)]
    chairs = []
    for _ in members:
        p = propose(terms, registry())
        assert p.chair in p.members and p.chair not in p.vice_chairs
        assert len(set(p.vice_chairs)) == len(p.vice_chairs) == min(vice_chairs, len(members) - 1)
        chairs.append(p.chair)
        terms.append(Term(p.to_year, p.members, p.chair, p.vice_chairs, None, terms[-1].rules, simulated=True))
    assert sorted(chairs) == sorted(members)
    assert chairs[-1] == start


# --------------------------------------------------------------------------- elected and appointed


def test_elected_with_a_recorded_election_is_the_election(units) -> None:
    election = Election(date=dt.date(2024, 3, 13), chair="son-la", vice_chairs=["ha-noi"])
    p = propose([term(2023, STABLE[:5], "cao-bang", policy="elected", election=election)], units)
    assert (p.chair, p.vice_chairs, p.basis, p.proposal_only) == ("son-la", ["ha-noi"], "election", False)
    assert steps(p)[0] == (CHAIR, "son-la", True, "recorded election of 13/03/2024")


def test_elected_without_election_only_suggests_by_list_order(units) -> None:
    p = propose([term(2023, STABLE[:5], "cao-bang", policy="elected")], units)
    assert (p.chair, p.vice_chairs, p.basis, p.proposal_only) == ("dien-bien", ["lai-chau"], "suggestion", True)
    assert any("this is only a suggestion" in n for n in texts(p))


def test_a_recorded_elected_chair_who_merged_away_is_flagged_and_replaced(units) -> None:
    election = Election(date=dt.date(2025, 3, 1), chair="hung-yen", vice_chairs=["ha-noi"])
    p = propose([term(2024, ["ha-noi", "hung-yen", "cao-bang"], "ha-noi", policy="elected", election=election)], units)
    assert steps(p)[0] == (CHAIR, "hung-yen", False,
                           "Hưng Yên merged into Hưng Yên (2025) on 01/07/2025: skipped (the successor does not inherit the office)")
    assert "the recorded election named Hưng Yên, who cannot serve: the policy's next candidate is proposed instead" in texts(p)
    # list order resumes after ha-noi: hung-yen-2025 is a member in its own right
    assert p.chair == "hung-yen-2025" and p.vice_chairs == ["ha-noi"]
    assert p.proposal_only


@pytest.mark.parametrize("policy", ["elected", "list_order", "vice_promotes"])
def test_an_election_recording_no_vice_chairs_means_none(units, policy: str) -> None:
    """``vice_chairs: []`` was decided: filling a place by rotation would contradict it (TD307)."""
    election = Election(date=dt.date(2024, 3, 13), chair="son-la", vice_chairs=[])
    p = propose([term(2023, STABLE[:5], "cao-bang", policy=policy, vice_chairs=1, election=election)], units)
    assert (p.chair, p.vice_chairs, p.basis, p.proposal_only) == ("son-la", [], "election", False)
    assert [s for s in steps(p) if s[0] == VICE] == []
    assert not any("vice-chair" in n and "too few" in n for n in texts(p))


def test_an_elected_vice_who_cannot_serve_leaves_one_place_to_fill(units) -> None:
    """The election fixed one vice-chair; that one merged away: one place, not the rules' two."""
    election = Election(date=dt.date(2025, 3, 1), chair="ha-noi", vice_chairs=["hung-yen"])
    p = propose([term(2024, ["ha-noi", "hung-yen", "cao-bang", "dien-bien"], "cao-bang", policy="list_order", vice_chairs=2, election=election)], units)
    assert p.chair == "ha-noi" and len(p.vice_chairs) == 1 and "hung-yen" not in p.vice_chairs


def test_appointed_proposes_nothing_without_a_record(units) -> None:
    p = propose([term(2023, STABLE[:3], "ha-noi", policy="appointed")], units)
    assert (p.chair, p.vice_chairs, p.basis, p.proposal_only) == (None, [], "none", True)
    assert any("appointed" in n for n in texts(p))
    recorded = propose([term(2023, STABLE[:3], "ha-noi", policy="appointed", election=Election(chair="dien-bien", vice_chairs=["ha-noi"]))], units)
    assert (recorded.chair, recorded.vice_chairs, recorded.proposal_only) == ("dien-bien", ["ha-noi"], False)
    assert steps(recorded)[0][3] == "election recorded in the 2023 file"


def test_an_election_that_differs_from_the_policy_stands_and_is_reported(units) -> None:
    election = Election(chair="son-la")
    p = propose([term(2023, STABLE[:5], "ha-noi", ["cao-bang"], "vice_promotes", election=election)], units)
    assert p.chair == "son-la" and p.basis == "election" and not p.proposal_only
    assert "the recorded election (Sơn La) differs from the vice_promotes policy, which gives Cao Bằng: the election stands" in texts(p)


# --------------------------------------------------------------------------- the 2025 merger, on the shipped data


def test_dbsh_2024_to_2025_maps_members_and_proposes_only_units_that_exist(shipped) -> None:
    p = schedule(shipped.history("dbsh"), 2024)[0]
    assert p.members == ["bac-ninh-2025", "hung-yen-2025", "ninh-binh-2025", "hai-phong-2025", "phu-tho-2025", "quang-ninh"]
    end = dt.date(2025, 12, 31)
    for leader in [p.chair, *p.vice_chairs]:
        assert shipped.registry.get(leader).valid_on(end), leader
    assert (p.chair, p.vice_chairs) == ("hai-phong-2025", ["phu-tho-2025", "quang-ninh"])
    assert "Nam Định merged into Ninh Bình (2025) on 01/07/2025" in texts(p)
    assert "Hưng Yên merged into Hưng Yên (2025) on 01/07/2025 (already listed: counted once)" in texts(p)
    assert p.proposal_only and p.basis == "suggestion"  # dbsh elects its leadership


def test_dbsh_schedule_respects_the_cooldown_across_the_merger(shipped) -> None:
    chairs = [p.chair for p in schedule(shipped.history("dbsh"), 2024, 4)]
    # 2023 Thái Bình (→ Hưng Yên 2025) and 2024 Nam Định (→ Ninh Bình 2025) count for their successors
    assert chairs == ["hai-phong-2025", "phu-tho-2025", "quang-ninh", "bac-ninh-2025"]


def test_northern_border_cluster_gives_cao_bang_as_it_happened(shipped) -> None:
    p = schedule(shipped.history("mien-nui-bien-gioi-phia-bac"), 2024)[0]
    assert (p.chair, p.vice_chairs, p.basis) == ("cao-bang", ["dien-bien"], "election")
    assert "the recorded election (Cao Bằng) and the vice_promotes policy agree" in texts(p)
    assert p.members[0] == "lao-cai-2025" and "tuyen-quang-2025" in p.members


def test_a_year_listed_before_the_merger_rotates_into_the_merged_units(shipped) -> None:
    """tp-truc-thuoc-tw 2025 lists its members as of 22/03/2025; 2026 needs the new cities."""
    p = schedule(shipped.history("tp-truc-thuoc-tw"), 2025)[0]
    assert p.members == ["ha-noi", "ho-chi-minh-2025", "hai-phong-2025", "da-nang-2025", "can-tho-2025", "hue"]
    assert "Đà Nẵng merged into Đà Nẵng (2025) on 01/07/2025" in texts(p)


def test_the_existing_target_file_is_compared(shipped) -> None:
    p = schedule(shipped.history("tp-truc-thuoc-tw"), 2024)[0]
    assert "the 2025 file exists but records no leadership" in texts(p)


def test_districts_abolished_in_2025_leave_nothing_to_propose(shipped) -> None:
    p2024, p2025 = schedule(shipped.history("nam-dinh-cap-huyen"), 2023, 2)
    assert p2024.chair == "thanh-pho-nam-dinh-nam-dinh"
    assert p2025.members == [] and p2025.chair is None and p2025.basis == "none"
    assert any(n.startswith("Vụ Bản ceases to exist on 01/07/2025") for n in texts(p2025))


def test_label_marks_the_unit_formed_in_2025(units) -> None:
    assert label(units, "ninh-binh") == "Ninh Bình"
    assert label(units, "ninh-binh-2025") == "Ninh Bình (2025)"
    assert label(units, "cao-bang") == "Cao Bằng"


# --------------------------------------------------------------------------- history and the checks' contract




def test_terms_take_a_missing_chair_from_the_previous_election(tmp_path: Path) -> None:
    root = rotation_cluster(tmp_path, "list_order", {
        2023: "members: [ha-noi, cao-bang, dien-bien]\nleadership: {chair: ha-noi}\nelection: {chair: dien-bien}\n"
              "sources: [{title: x, url: 'https://example.org'}]\n",
        2024: "members: [ha-noi, cao-bang, dien-bien]\n",
    })
    terms = terms_of(load_repository(root).history("c"))
    assert [t.chair for t in terms] == ["ha-noi", "dien-bien"]


def test_expected_leadership_contract(tmp_path: Path) -> None:
    root = rotation_cluster(tmp_path, "vice_promotes", {
        2023: "members: [ha-noi, cao-bang, dien-bien]\nleadership: {chair: ha-noi, vice_chairs: [cao-bang]}\n",
    })
    history = load_repository(root).history("c")
    expected = expected_leadership(history, 2024)
    assert expected.chair == "cao-bang" and expected.vice_chairs == ["dien-bien"]
    assert expected_leadership(history, 2023) is None  # nothing before 2023
    root = rotation_cluster(tmp_path / "e", "elected", {2023: "members: [ha-noi, cao-bang]\nleadership: {chair: ha-noi}\n"})
    assert expected_leadership(load_repository(root).history("c"), 2024) is None  # the cluster elects


def test_validate_warns_when_a_year_departs_from_the_policy(tmp_path: Path) -> None:
    body = "members: [ha-noi, cao-bang, dien-bien]\nleadership: {{chair: {chair}, vice_chairs: [{vice}]}}\n"
    root = rotation_cluster(tmp_path, "vice_promotes", {
        2023: body.format(chair="ha-noi", vice="cao-bang"),
        2024: body.format(chair="dien-bien", vice="ha-noi"),
    })
    codes = [d.code for d in validate_paths([root]).diagnostics]
    assert "TD311" in codes
    good = rotation_cluster(tmp_path / "g", "vice_promotes", {
        2023: body.format(chair="ha-noi", vice="cao-bang"),
        2024: body.format(chair="cao-bang", vice="dien-bien"),
    })
    assert "TD311" not in [d.code for d in validate_paths([good]).diagnostics]


@functools.cache
def provinces_2024() -> list[str]:
    day = dt.date(2024, 12, 31)
    return sorted(u.id for u in registry() if u.code and u.valid_on(day))


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_across_the_merger_every_proposed_leader_exists_all_year(data) -> None:
    """Whatever the 2024 leadership and policy, 2025's leaders exist on 31/12/2025 and are members."""
    members = data.draw(st.lists(st.sampled_from(provinces_2024()), min_size=1, max_size=12, unique=True))
    chair = data.draw(st.sampled_from(members))
    vices = data.draw(st.lists(st.sampled_from(members), max_size=2, unique=True))
    policy = data.draw(st.sampled_from(["vice_promotes", "list_order", "elected"]))
    t = term(2024, members, chair, [v for v in vices if v != chair], policy, vice_chairs=data.draw(st.integers(0, 3)),
             cooldown=data.draw(st.integers(0, 3)))
    p = propose([t], registry())
    assert len(set(p.members)) == len(p.members)
    assert all(registry().get(m).valid_on(dt.date(2025, 12, 31)) for m in p.members)
    leaders = [p.chair, *p.vice_chairs]
    assert p.chair is not None and len(set(leaders)) == len(leaders)
    assert all(leader in p.members for leader in leaders)


def test_an_election_of_the_chair_alone_is_complete_when_no_vice_is_wanted(units) -> None:
    p = propose([term(2023, STABLE[:3], "ha-noi", policy="elected", vice_chairs=0, election=Election(chair="dien-bien"))], units)
    assert (p.chair, p.vice_chairs, p.proposal_only) == ("dien-bien", [], False)
    assert not any("vice-chairs" in n for n in texts(p))
    partial = propose([term(2023, STABLE[:3], "ha-noi", policy="elected", vice_chairs=1, election=Election(chair="dien-bien"))], units)
    # after dien-bien comes ha-noi, the outgoing chair (skipped), then cao-bang; a suggestion only
    assert (partial.vice_chairs, partial.proposal_only) == (["cao-bang"], True)
