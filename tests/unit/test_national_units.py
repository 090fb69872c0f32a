"""The national lists of districts and communes (thidua.repository.units): counts, invariants, search, metadata.

The exact counts are those of the source, ``vietnamadminunits`` 1.0.4: 696 districts and 10,035
communes on 30/06/2025 (5 island districts have no commune), 3,321 communes from 01/07/2025; plus
the hand-kept overrides (scripts/units_overrides.yaml): Mỹ Lộc, a district until 31/12/2024.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from support import ROOT
from thidua.domain.models import ID_PATTERN, RegistryFile, Unit
from thidua.repository import units as national

DAYS = [dt.date(2023, 12, 31), dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2025, 1, 1),
        dt.date(2025, 6, 30), dt.date(2025, 7, 1), dt.date(2026, 1, 1)]


@pytest.fixture(scope="module")
def provinces() -> dict[str, Unit]:
    data = RegistryFile.model_validate(yaml.safe_load((ROOT / "data" / "provinces.yaml").read_text(encoding="utf-8")))
    return {u.id: u for u in data.units}


@pytest.fixture(scope="module")
def units() -> list[national.NationalUnit]:
    return national.national_units()


def province_on(province_id: str, day: dt.date, provinces: dict[str, Unit]) -> Unit | None:
    """The province a unit stored under ``province_id`` belonged to on ``day``.

    Rows carry the province of 30/06/2025 (old map); ``hue`` began on 01/01/2025 as the successor of
    ``thua-thien-hue``, same territory, so earlier days follow a sole predecessor back.
    """
    unit = provinces.get(province_id)
    while unit is not None and unit.valid_from is not None and day < unit.valid_from and len(unit.predecessors) == 1:
        unit = provinces.get(unit.predecessors[0])
    return unit


def on(day: dt.date, level: str, units: list[national.NationalUnit]) -> list[national.NationalUnit]:
    return [u for u in units if u.level == level and u.valid_on(day)]


# --------------------------------------------------------------------------- counts


def test_counts_after_the_merger(units: list[national.NationalUnit], provinces: dict[str, Unit]) -> None:
    day = dt.date(2026, 1, 1)
    assert len(on(day, "commune", units)) == 3321
    assert on(day, "district", units) == []  # districts were abolished on 01/07/2025
    assert sum(p.valid_on(day) for p in provinces.values()) == 34
    kinds = Counter(u.type for u in on(day, "commune", units))
    assert kinds == {"xa": 2621, "phuong": 687, "dac_khu": 13}


def test_counts_before_the_merger(units: list[national.NationalUnit]) -> None:
    last = dt.date(2025, 6, 30)
    assert len(on(last, "district", units)) == 696
    assert len(on(last, "commune", units)) == 10035
    # By the names: the source's type column says 7,695 / 1,724 / 616, but it files Thị trấn Ngọc Lặc
    # and Phường 5, Phường 15 (Phú Nhuận) under "Xã"; the official names are kept (docs/units.md).
    assert Counter(u.type for u in on(last, "commune", units)) == {"xa": 7692, "phuong": 1726, "thi_tran": 617}
    assert Counter(u.type for u in on(last, "district", units)) == {"huyen": 508, "thanh_pho": 87, "quan": 49, "thi_xa": 52}
    # 2024: the snapshot plus Mỹ Lộc. Only the changes in the overrides file are dated; the real
    # count on that day differs by the other 2024 changes (see docs/units.md, "Limits").
    assert len(on(dt.date(2024, 1, 1), "district", units)) == 697
    assert len(units) == 697 + 10035 + 3321


def test_metadata_names_the_source_and_licence(units: list[national.NationalUnit]) -> None:
    meta = national.metadata()
    assert meta["source"]["name"] == "vietnamadminunits"
    assert meta["source"]["version"] == "1.0.4"
    assert meta["source"]["licence"] == "MIT"
    assert "Tran Ngoc Minh Hieu" in meta["source"]["copyright"]
    dt.date.fromisoformat(meta["generated"])
    assert sum(f["rows"] for f in meta["files"].values()) == len(units)
    licence = Path(national.__file__).with_name(meta["source"]["licence_file"])
    assert "MIT License" in licence.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- invariants


def test_ids_unique_readable_and_short(units: list[national.NationalUnit]) -> None:
    ids = [u.id for u in units]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    pattern = re.compile(ID_PATTERN)
    assert [i for i in ids if not pattern.match(i) or len(i) > 64] == []


def test_ids_do_not_reuse_province_ids(units: list[national.NationalUnit], provinces: dict[str, Unit]) -> None:
    assert {u.id for u in units} & set(provinces) == set()


def test_names_nfc_with_their_type(units: list[national.NationalUnit]) -> None:
    for u in units:
        assert unicodedata.normalize("NFC", u.name) == u.name, u.id
        assert u.type, f"{u.id}: name without a known type prefix: {u.name!r}"
        assert u.name == u.name.strip() and "  " not in u.name


def test_codes_are_strings_of_the_right_width(units: list[national.NationalUnit]) -> None:
    for u in units:
        assert isinstance(u.code, str) and u.code.isdigit(), u.id
        assert len(u.code) == (3 if u.level == "district" else 5), u.id


def test_no_code_means_two_units_on_one_day(units: list[national.NationalUnit]) -> None:
    # Codes were reused on 01/07/2025 (00004: Phường Trúc Bạch, then Phường Ba Đình), so the check is
    # per day, per level (district and commune codes are separate lists).
    for day in DAYS:
        for level in ("district", "commune"):
            codes = Counter(u.code for u in on(day, level, units))
            assert [c for c, n in codes.items() if n > 1] == [], (day, level)


def test_every_unit_lies_in_a_province_valid_that_day(units: list[national.NationalUnit], provinces: dict[str, Unit]) -> None:
    for day in DAYS:
        for u in units:
            if u.valid_on(day):
                province = province_on(u.province, day, provinces)
                assert province is not None and province.valid_on(day), (u.id, day)


def test_every_district_has_a_registry_province(units: list[national.NationalUnit], provinces: dict[str, Unit]) -> None:
    for u in units:
        if u.level == "district":
            assert u.province in provinces, u.id
            assert u.valid_to is not None and provinces[u.province].valid_on(u.valid_to), u.id
            assert provinces[u.province].valid_on(dt.date(2025, 6, 30)) or u.valid_to < dt.date(2025, 1, 1)


def test_old_communes_sit_in_a_district_of_their_province(units: list[national.NationalUnit]) -> None:
    by_id = {u.id: u for u in units}
    for u in units:
        if u.level == "commune" and u.valid_to == dt.date(2025, 6, 30):
            district = by_id[u.district or ""]
            assert district.level == "district" and district.province == u.province, u.id
            assert district.valid_on(dt.date(2025, 6, 30))


def test_new_communes_sit_in_a_new_map_province(units: list[national.NationalUnit], provinces: dict[str, Unit]) -> None:
    new = [u for u in units if u.valid_from == dt.date(2025, 7, 1)]
    assert len(new) == 3321
    assert all(u.district is None and provinces[u.province].valid_on(dt.date(2025, 7, 1)) for u in new)
    assert {u.province for u in new} == {p.id for p in provinces.values() if p.valid_on(dt.date(2025, 7, 1))}
    assert "ninh-binh-2025" in {u.province for u in new} and "ninh-binh" not in {u.province for u in new}


def test_my_loc_merged_into_nam_dinh_city(units: list[national.NationalUnit]) -> None:
    by_id = {u.id: u for u in units}
    my_loc = by_id["huyen-my-loc-nam-dinh"]
    assert (my_loc.code, my_loc.name, my_loc.valid_to) == ("358", "Huyện Mỹ Lộc", dt.date(2024, 12, 31))
    city = by_id[my_loc.successor or ""]
    assert city.name == "Thành phố Nam Định" and city.valid_on(dt.date(2025, 1, 1)) and city.valid_on(dt.date(2024, 1, 1))


@pytest.mark.parametrize("cluster", ["nam-dinh-cap-huyen", "hai-duong-cap-huyen"])
def test_cluster_districts_exist_nationally_in_every_year_of_record(cluster: str, units: list[national.NationalUnit]) -> None:
    """The district clusters name their members by national district ids (no units of their own)."""
    folder = ROOT / "data" / "clusters" / cluster
    declared = yaml.safe_load((folder / "cluster.yaml").read_text(encoding="utf-8"))
    assert "units" not in declared
    province = declared["organiser"]["unit"]
    for year_file in sorted(folder.glob("[0-9]*.yaml")):
        year = yaml.safe_load(year_file.read_text(encoding="utf-8"))
        day = dt.date(year["year"], 12, 31)
        here = {u.id for u in on(day, "district", units) if u.province == province}
        for member in year["members"]:
            assert member in here, (year_file.name, member)


# --------------------------------------------------------------------------- search


def test_search_without_diacritics_on_a_day() -> None:
    found = national.search("phuc xa", on=dt.date(2024, 1, 1))
    assert [u.id for u in found] == ["phuong-phuc-xa-ba-dinh-ha-noi"]
    assert (found[0].name, found[0].district, found[0].province) == ("Phường Phúc Xá", "quan-ba-dinh-ha-noi", "ha-noi")
    assert national.search("phuc xa", on=dt.date(2026, 1, 1)) == []  # merged into Phường Ba Đình


def test_search_with_diacritics_and_either_tone_convention() -> None:
    assert [u.id for u in national.search("Phúc Xá")] == ["phuong-phuc-xa-ba-dinh-ha-noi"]
    assert national.search("Phục Xá") == []  # a diacritic typed is a diacritic meant
    old_style = national.search("hoà bình", level="district")
    new_style = national.search("hòa bình", level="district")
    assert old_style == new_style and {u.name for u in old_style} == {"Thành phố Hòa Bình", "Huyện Hòa Bình"}
    assert national.search("Thuỵ Anh", on=dt.date(2026, 1, 1)) == national.search("Thụy Anh", on=dt.date(2026, 1, 1)) != []
    assert national.tone_key("Khoẻ") == national.tone_key("Khỏe")
    assert national.tone_key("Hòa") != national.tone_key("Hóa")
    assert national.tone_key("Hoàng") == unicodedata.normalize("NFD", "hoàng")


def test_search_by_code_is_by_string_and_by_day() -> None:
    assert [u.name for u in national.search("00004", on=dt.date(2024, 1, 1))] == ["Phường Trúc Bạch"]
    assert [u.name for u in national.search("00004", on=dt.date(2026, 1, 1))] == ["Phường Ba Đình"]
    assert national.search("4") == []
    assert [u.id for u in national.search("358")] == ["huyen-my-loc-nam-dinh"]


def test_search_within_and_level_and_ranking() -> None:
    found = national.search("ba dinh", level="district")
    assert [u.id for u in found] == ["quan-ba-dinh-ha-noi"]
    inside = national.search("truc", within="quan-ba-dinh-ha-noi")
    assert inside and all(u.district == "quan-ba-dinh-ha-noi" for u in inside)
    my_loc = national.search("my loc", within="nam-dinh")
    assert my_loc[0].id == "huyen-my-loc-nam-dinh"  # exact short name first (Xã Mỹ Lộc is exact too, later in file)
    assert all(u.province == "nam-dinh" for u in my_loc)
    new = national.search("Ba Đình", on=dt.date(2025, 7, 1), within="ha-noi")
    assert [u.id for u in new] == ["phuong-ba-dinh-ha-noi"]
    assert national.search("  ") == []


# --------------------------------------------------------------------------- laziness and regeneration


def test_nothing_is_read_at_import() -> None:
    probe = (
        "import sys, json, thidua, thidua.repository.units as u\n"
        "print(json.dumps([u._units.cache_info().currsize, 'yaml' in sys.modules, 'pydantic' in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout) == [0, False, False]


def test_shipped_files_match_the_generator() -> None:
    try:
        importlib.metadata.distribution("vietnamadminunits")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("vietnamadminunits==1.0.4 is a generation-time tool, not installed here")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_units.py"), "--check"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
