"""A look-up of one national unit reads its row without parsing all 14,000, and gives the same unit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from thidua.repository import units


@pytest.fixture
def fresh() -> Iterator[None]:
    for cached in (units.get, units._units, units._by_id, units._predecessors, units._line_by_id):
        cached.cache_clear()
    yield
    units.get.cache_clear()


def test_a_look_up_parses_no_other_row(fresh: None) -> None:
    found = units.get("phuong-phuc-xa-ba-dinh-ha-noi")
    assert found is not None and found.name == "Phường Phúc Xá" and found.level == "commune"
    assert units.get("quan-ba-dinh-ha-noi") is not None
    assert units.get("no-such-unit") is None
    assert units.NationalRegistry().get("phuong-phuc-xa-ba-dinh-ha-noi") is not None  # predecessors too
    assert units._units.cache_info().currsize == 0


def test_every_row_looked_up_equals_the_parsed_one(fresh: None) -> None:
    looked_up = {row.partition("\t")[0]: units.get(row.partition("\t")[0]) for _, rows in units._lines() for row in rows}
    units.get.cache_clear()
    parsed = {unit.id: unit for unit in units.national_units()}
    assert looked_up == parsed
    assert all(units.get(i) == u for i, u in list(parsed.items())[::500])  # after the full parse: the index
    successors: dict[str, list[str]] = {}
    for unit in parsed.values():
        if unit.successor:
            successors.setdefault(unit.successor, []).append(unit.id)
    assert units._predecessors() == successors and successors
