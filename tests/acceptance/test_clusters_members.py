"""First-class kinds of member (issue 12, item 4): schools, enterprises, cooperatives, Party and
mass-organisation committees, declared by the data repository, and a renamed school kept as one
history (THPT Bác Ái → THCS&THPT Bác Ái, Ninh Thuận). The rename's date is illustrative."""

from __future__ import annotations

import shutil
from pathlib import Path

from thidua.domain.history import unit_history
from thidua.domain.models import Unit, UnitType
from thidua.domain.units import LEVEL_OF_TYPE
from thidua.output.i18n import say, say_hint
from thidua.repository.loader import load_repository
from thidua.services.validate import validate_paths

REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
CLUSTER = """\
id: khoi-thpt-ninh-thuan
name: "Khối thi đua các trường THPT, THCS&THPT tỉnh Ninh Thuận"
kind: khoi
organiser:
  level: province
  body: department
  name: "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận"
  unit: ninh-thuan
units:
  - id: truong-thpt-bac-ai
    name: "Trường THPT Bác Ái"
    type: truong
    parent: huyen-bac-ai-ninh-thuan
    valid_to: 2023-07-31
    successor: truong-thcs-thpt-bac-ai
    change: rename
  - id: truong-thcs-thpt-bac-ai
    name: "Trường THCS&THPT Bác Ái"
    type: truong
    parent: huyen-bac-ai-ninh-thuan
    valid_from: 2023-08-01
    predecessors: [truong-thpt-bac-ai]
  - {id: truong-thpt-ninh-hai, name: "Trường THPT Ninh Hải", type: truong, parent: huyen-ninh-hai-ninh-thuan}
  - {id: dang-uy-so-gd-dt, name: "Đảng ủy Sở Giáo dục và Đào tạo", type: dang_uy, parent: ninh-thuan}
  - {id: cong-doan-nganh-gd, name: "Công đoàn ngành Giáo dục tỉnh Ninh Thuận", type: doan_the}
"""
YEAR = "cluster: khoi-thpt-ninh-thuan\nyear: {year}\nmembers: [{members}]\n"


def make_repo(tmp_path: Path, cluster: str = CLUSTER, years: dict[int, str] | None = None) -> Path:
    root = tmp_path / "data"
    (root / "clusters" / "khoi-thpt-ninh-thuan").mkdir(parents=True)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    here = root / "clusters" / "khoi-thpt-ninh-thuan"
    (here / "cluster.yaml").write_text(cluster, encoding="utf-8")
    years = years or {2022: "truong-thpt-bac-ai, truong-thpt-ninh-hai", 2024: "truong-thcs-thpt-bac-ai, truong-thpt-ninh-hai"}
    for year, members in years.items():
        (here / f"{year}.yaml").write_text(YEAR.format(year=year, members=members), encoding="utf-8")
    return root


def problems(root: Path) -> list:
    return [d for d in validate_paths([root]).diagnostics if d.severity != "info"]


def test_schools_committees_and_a_rename_validate(tmp_path: Path) -> None:
    assert problems(make_repo(tmp_path)) == []


def test_a_renamed_school_is_one_history(tmp_path: Path) -> None:
    repo = load_repository(make_repo(tmp_path))
    years = [cy for c in repo.clusters.values() for cy in c.years.values()]
    history = unit_history("truong-thcs-thpt-bac-ai", years, repo.registry)
    assert history is not None
    assert [(r.year, r.member, r.own) for r in history.records] == [(2022, "truong-thpt-bac-ai", False), (2024, "truong-thcs-thpt-bac-ai", True)]
    assert [p.id for p in history.predecessors] == ["truong-thpt-bac-ai"]


def test_the_old_name_after_the_rename_says_renamed_not_merged(tmp_path: Path) -> None:
    root = make_repo(tmp_path, years={2024: "truong-thpt-bac-ai, truong-thpt-ninh-hai"})
    (found,) = problems(root)
    assert found.code == "TD202"
    text = say(found.message, "en")
    assert "renamed Trường THCS&THPT Bác Ái (truong-thcs-thpt-bac-ai) on 01/08/2023" in text
    assert "merged" not in text


def test_a_rename_is_one_into_one_and_a_parent_must_exist(tmp_path: Path) -> None:
    two = CLUSTER.replace("predecessors: [truong-thpt-bac-ai]", "predecessors: [truong-thpt-bac-ai, truong-thcs-phuoc-dai]").replace(
        "  - {id: truong-thpt-ninh-hai",
        "  - {id: truong-thcs-phuoc-dai, name: \"Trường THCS Phước Đại\", type: truong, valid_to: 2023-07-31, successor: truong-thcs-thpt-bac-ai}\n  - {id: truong-thpt-ninh-hai",
    ).replace("parent: huyen-ninh-hai-ninh-thuan", "parent: ninh-hai")
    found = problems(make_repo(tmp_path, two, {2024: "truong-thcs-thpt-bac-ai, truong-thpt-ninh-hai"}))
    assert sorted((d.code, d.line, d.column) for d in found) == [("TD207", 16, 13), ("TD208", 24, 84)]
    parent = next(d for d in found if d.code == "TD208")
    assert "'huyen-ninh-hai-ninh-thuan'" in say_hint(parent.message, "en")


def test_every_kind_of_member_has_a_level_and_no_prefix_of_its_own() -> None:
    for kind in UnitType:
        assert kind.value in LEVEL_OF_TYPE
    school = Unit(id="truong-thpt-bac-ai", name="Trường THPT Bác Ái", type="truong")
    assert school.full_name == "Trường THPT Bác Ái" and not school.type.territorial
    assert Unit(id="x", name="Phúc Xá", type="phuong").full_name == "Phường Phúc Xá"
    assert LEVEL_OF_TYPE["doanh_nghiep"] == LEVEL_OF_TYPE["dang_uy"] == "agency"
