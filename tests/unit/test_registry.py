"""The shipped registry and the time-aware lookups built on it."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from support import DATA
from thidua.domain.models import RegistryFile, Unit
from thidua.domain.registry import Registry, check_units, slugify

BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    data = RegistryFile.model_validate(yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8")))
    assert check_units(data.units) == []
    return Registry(data.units)


def test_63_units_before_and_34_after_the_merger(registry: Registry) -> None:
    before = [u for u in registry if u.valid_on(BEFORE)]
    after = [u for u in registry if u.valid_on(AFTER)]
    assert len(before) == 63
    assert len(after) == 34
    assert len({u.code for u in after}) == 34, "codes are unique on any one day"


def test_a_reused_code_means_different_units_in_each_era(registry: Registry) -> None:
    assert [u.id for u in registry.by_code("24", BEFORE)] == ["bac-giang"]
    assert [u.id for u in registry.by_code("24", AFTER)] == ["bac-ninh-2025"]
    assert [u.id for u in registry.by_code("15", BEFORE)] == ["yen-bai"]
    assert registry.get("lao-cai-2025").code == "15"
    assert registry.get("lao-cai").code == "10"


@pytest.mark.parametrize(
    ("old", "new"),
    [("nam-dinh", "ninh-binh-2025"), ("hai-duong", "hai-phong-2025"), ("ha-giang", "tuyen-quang-2025"),
     ("cao-bang", "cao-bang"), ("thua-thien-hue", "hue"), ("bac-giang", "bac-ninh-2025")],
)
def test_units_follow_their_successors(registry: Registry, old: str, new: str) -> None:
    assert registry.on(old, dt.date(2026, 1, 1)).id == new


def test_huế_is_a_city_from_2025(registry: Registry) -> None:
    assert registry.on("thua-thien-hue", dt.date(2024, 12, 31)).id == "thua-thien-hue"
    assert registry.on("thua-thien-hue", dt.date(2025, 1, 1)).full_name == "Thành phố Huế"


def test_names_are_nfc_and_full_names_carry_the_type(registry: Registry) -> None:
    assert registry.full_name("nam-dinh") == "Tỉnh Nam Định"
    assert registry.full_name("ho-chi-minh-2025") == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(("written", "expected"), [("Nam Định", "nam-dinh"), ("nam dinh", "nam-dinh"), ("Hòa Bình", "hoa-binh"), ("Hoà Bình", "hoa-binh"), ("namdinh", "nam-dinh")])
def test_suggestions_accept_names_with_either_tone_convention(registry: Registry, written: str, expected: str) -> None:
    assert registry.suggest(written)[0] == expected


def test_slugify() -> None:
    assert slugify("Thừa Thiên Huế") == "thua-thien-hue"
    assert slugify("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert slugify("Đắk Lắk") == "dak-lak"


def _unit(**fields: object) -> Unit:
    return Unit.model_validate({"name": "X", "type": "tinh", **fields})


def test_registry_inconsistencies_are_found() -> None:
    units = [
        _unit(id="a", code="01", valid_to="2025-06-30", successor="c"),
        _unit(id="b", code="02", valid_to="2025-06-30", successor="missing"),
        _unit(id="c", code="01", valid_from="2025-06-01", predecessors=["a"]),
        _unit(id="a", code="03"),
    ]
    codes = sorted((i.code, i.path) for i in check_units(units))
    assert ("TD206", ("units", 3, "id")) in codes  # id declared twice
    assert ("TD204", ("units", 1, "successor")) in codes  # successor not found
    assert ("TD204", ("units", 0, "valid_to")) in codes  # successor should start the day after
    assert ("TD205", ("units", 2, "code")) in codes  # code 01 means a and c in June 2025
