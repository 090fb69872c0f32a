"""Validate's "did you mean" for an unknown unit id searches the national registry by name
(issue 12, item 2 as used by validate): a clerk who types a commune's name without diacritics
gets its id, the one valid on the year's day."""

from __future__ import annotations

import shutil
from pathlib import Path

from thidua.output.i18n import say_hint
from thidua.services.validate import validate_paths

REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
CLUSTER = """\
id: cum-phuong-ha-noi
name: "Cụm thi đua các phường"
kind: cum
organiser: {level: province, name: "UBND thành phố Hà Nội", unit: ha-noi}
"""


def hints(tmp_path: Path, year: int, members: str) -> list[tuple[str, str]]:
    root = tmp_path / "data"
    here = root / "clusters" / "cum-phuong-ha-noi"
    here.mkdir(parents=True)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    (here / "cluster.yaml").write_text(CLUSTER, encoding="utf-8")
    (here / f"{year}.yaml").write_text(f"cluster: cum-phuong-ha-noi\nyear: {year}\nmembers: [{members}]\n", encoding="utf-8")
    return [(d.code, say_hint(d.message, "en")) for d in validate_paths([root]).diagnostics if d.severity != "info"]


def test_a_ward_typed_by_name_gets_its_id_on_the_old_map(tmp_path: Path) -> None:
    assert hints(tmp_path, 2024, "phuc-xa") == [("TD201", "did you mean 'phuong-phuc-xa-ba-dinh-ha-noi'?")]


def test_a_ward_typed_by_name_gets_its_id_on_the_new_map(tmp_path: Path) -> None:
    # Phường Ba Đình of the 2-level map, not Quận Ba Đình (gone on 01/07/2025)
    assert hints(tmp_path, 2026, "phuong-ba-dinh") == [("TD201", "did you mean 'phuong-ba-dinh-ha-noi'?")]


def test_a_misspelt_province_still_gets_the_province(tmp_path: Path) -> None:
    (found,) = hints(tmp_path, 2024, "ha-noii, phuong-phuc-xa-ba-dinh-ha-noi")
    assert found[0] == "TD201" and found[1].startswith("did you mean 'ha-noi'")  # not a commune "Hà Nội…"
