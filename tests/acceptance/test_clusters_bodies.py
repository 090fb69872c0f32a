"""Organisers are bodies (issue 12, item 3): the one-cluster-per-organiser rule (TD306) and the
20 % Government-flag cap key on the organising body, not on its province.

Real shape: Đồng Nai's districts sit both in the province's "Cụm thi đua số 2" (run by the
people's committee) and in the provincial Fatherland Front's "Cụm thi đua II". The six member
districts below are illustrative (which six the sources do not say here); the pairing is real.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from thidua.domain.awards import flag_caps, recommend
from thidua.domain.models import Body, ClusterFile
from thidua.output.i18n import say, say_hint
from thidua.repository.loader import load_repository
from thidua.services.validate import validate_paths

REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
SIX = [
    "huyen-vinh-cuu-dong-nai", "huyen-tan-phu-dong-nai", "huyen-dinh-quan-dong-nai",
    "huyen-trang-bom-dong-nai", "huyen-thong-nhat-dong-nai", "huyen-xuan-loc-dong-nai",
]
PROVINCE_CLUSTER = """\
id: {id}
name: "Cụm thi đua số 2 các huyện, thành phố tỉnh Đồng Nai"
kind: cum
organiser:
  level: province
  name: "UBND tỉnh Đồng Nai"
  unit: dong-nai
rules:
  awards:
    - {{award: co-thi-dua-chinh-phu, count: 1}}
"""
FRONT_CLUSTER = """\
id: cum-ii-mttq
name: "Cụm thi đua II, Ủy ban MTTQ Việt Nam tỉnh Đồng Nai"
kind: cum
organiser:
  level: province
  body: fatherland_front
  name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai"
  unit: dong-nai
rules:
  awards:
    - {award: co-thi-dua-chinh-phu, count: 1}
"""


def year_file(cluster: str) -> str:
    scores = "\n".join(f"  {m}: {{tong-hop: {90 - i}}}" for i, m in enumerate(SIX))
    return (
        f"cluster: {cluster}\nyear: 2024\nmembers: [{', '.join(SIX)}]\n"
        "indicators:\n  - {id: tong-hop, name: \"Tổng hợp\", max: 100}\n"
        f"scores:\n{scores}\nscores_illustrative: true\n"
        "sources:\n  - title: \"Biên bản\"\n"
    )


def make_repo(tmp_path: Path, clusters: dict[str, str]) -> Path:
    root = tmp_path / "data"
    (root / "clusters").mkdir(parents=True)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    for cid, text in clusters.items():
        (root / "clusters" / cid).mkdir()
        (root / "clusters" / cid / "cluster.yaml").write_text(text, encoding="utf-8")
        (root / "clusters" / cid / "2024.yaml").write_text(year_file(cid), encoding="utf-8")
    return root


def codes(root: Path) -> list[str]:
    return sorted(d.code for d in validate_paths([root]).diagnostics if d.severity != "info")


def test_province_and_front_clusters_of_one_province_may_share_members(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"cum-2-dong-nai": PROVINCE_CLUSTER.format(id="cum-2-dong-nai"), "cum-ii-mttq": FRONT_CLUSTER})
    assert codes(root) == []


def test_two_clusters_of_one_body_still_may_not(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"cum-2-dong-nai": PROVINCE_CLUSTER.format(id="cum-2-dong-nai"), "cum-3-dong-nai": PROVINCE_CLUSTER.format(id="cum-3-dong-nai")})
    found = [d for d in validate_paths([root]).diagnostics if d.code == "TD306"]
    assert len(found) == 12  # six members, reported on both files
    assert "cum-3-dong-nai" in say(found[0].message, "en") or "cum-2-dong-nai" in say(found[0].message, "en")


def test_the_flag_cap_counts_each_body_apart(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"cum-2-dong-nai": PROVINCE_CLUSTER.format(id="cum-2-dong-nai"), "cum-ii-mttq": FRONT_CLUSTER})
    repo = load_repository(root)
    results = [recommend(c.years[2024]) for c in repo.clusters.values()]
    caps = flag_caps(results)
    assert sorted(cap.clusters for cap in caps.values()) == [["cum-2-dong-nai"], ["cum-ii-mttq"]]
    assert all(cap.leading_units == 1 for cap in caps.values())


def test_a_file_without_body_is_the_people_committee_of_its_unit() -> None:
    old = ClusterFile.model_validate({"id": "x", "name": "Cụm", "kind": "cum", "organiser": {"level": "province", "name": "UBND tỉnh Hải Dương", "unit": "hai-duong"}})
    spelled = ClusterFile.model_validate({"id": "y", "name": "Cụm", "kind": "khoi", "organiser": {"level": "province", "body": "people_committee", "name": "Ủy ban nhân dân tỉnh Hải Dương", "unit": "hai-duong"}})
    assert old.organiser.body_kind is Body.people_committee
    assert old.organiser.key == spelled.organiser.key == ("people_committee", "hai-duong", "")
    central = ClusterFile.model_validate({"id": "z", "name": "Cụm", "kind": "cum", "organiser": {"level": "central", "name": "Ban Thi đua - Khen thưởng Trung ương"}})
    assert central.organiser.key == ("central_board", "", "")
    one = {"level": "province", "body": "department", "unit": "dong-nai"}
    home = ClusterFile.model_validate({"id": "a", "name": "Khối", "kind": "khoi", "organiser": {**one, "name": "Sở Nội vụ tỉnh Đồng Nai"}})
    health = ClusterFile.model_validate({"id": "b", "name": "Khối", "kind": "khoi", "organiser": {**one, "name": "Sở Y tế tỉnh Đồng Nai"}})
    assert home.organiser.key != health.organiser.key  # two departments of one province


DISTRICT_RUN = """\
id: cum-xa-vinh-cuu
name: "Cụm thi đua các xã huyện Vĩnh Cửu"
kind: cum
organiser:
  level: district
  name: "UBND huyện Vĩnh Cửu"
  unit: {unit}
units:
  - {{id: truong-thpt-vinh-cuu, name: "Trường THPT Vĩnh Cửu", type: truong, parent: huyen-vinh-cuu-dong-nai}}
"""


def test_a_district_or_its_own_unit_may_organise(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"cum-xa-vinh-cuu": DISTRICT_RUN.format(unit="huyen-vinh-cuu-dong-nai")})
    assert codes(root) == []


def test_organiser_unit_typed_by_name_gets_the_registry_id(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"cum-xa-vinh-cuu": DISTRICT_RUN.format(unit="vinh-cuu")})
    (found,) = [d for d in validate_paths([root]).diagnostics if d.code == "TD312"]
    assert "'huyen-vinh-cuu-dong-nai'" in say_hint(found.message, "en")


def test_body_and_level_must_fit(tmp_path: Path) -> None:
    wrong = PROVINCE_CLUSTER.format(id="cum-2-dong-nai").replace("  level: province\n", "  level: province\n  body: central_board\n")
    root = make_repo(tmp_path, {"cum-2-dong-nai": wrong})
    (found,) = [d for d in validate_paths([root]).diagnostics if d.code == "TD314"]
    assert (found.line, found.column) == (6, 9)
    assert say(found.message, "en") == "organiser body 'central_board' cannot organise at level 'province' (only central)"
    district_as_province = DISTRICT_RUN.format(unit="huyen-vinh-cuu-dong-nai").replace("level: district", "level: province")
    root = make_repo(tmp_path / "b", {"cum-xa-vinh-cuu": district_as_province})
    assert codes(root) == ["TD315"]
