"""The shipped data under the national registry (issue 12, item 11): the two district clusters
name their members by national district ids and declare none by hand; a ward cluster of the new
map (TP Hồ Chí Minh's Cụm Thi đua số 10, 2025) and a block of provincial departments (Khánh Hòa,
2018) are recorded from published sources; the whole repository validates with --strict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.domain.history import unit_history
from thidua.domain.units import LEVEL_OF_TYPE
from thidua.repository import units as national
from thidua.repository.loader import load_repository

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture(scope="module")
def repo():  # type: ignore[no-untyped-def]
    return load_repository(DATA)


@pytest.mark.parametrize("cluster", ["hai-duong-cap-huyen", "nam-dinh-cap-huyen"])
def test_district_clusters_use_national_district_ids(repo, cluster: str) -> None:  # type: ignore[no-untyped-def]
    data = repo.clusters[cluster]
    assert data.file.units == []
    for cy in data.years.values():
        for member in cy.members:
            shipped = national.get(member)
            assert shipped is not None and shipped.level == "district", member
            assert shipped.valid_on(cy.year.reference_date)


def test_my_loc_history_runs_into_the_city_of_nam_dinh(repo) -> None:  # type: ignore[no-untyped-def]
    years = [cy for c in repo.clusters.values() for cy in c.years.values()]
    history = unit_history("thanh-pho-nam-dinh-nam-dinh", years, repo.registry)
    assert [p.id for p in history.predecessors] == ["huyen-my-loc-nam-dinh"]
    assert {(r.year, r.member) for r in history.records} >= {(2022, "huyen-my-loc-nam-dinh"), (2022, "thanh-pho-nam-dinh-nam-dinh")}


def test_the_ward_cluster_of_2025_is_twelve_wards_of_the_new_map(repo) -> None:  # type: ignore[no-untyped-def]
    cy = repo.clusters["tphcm-cum-10-phuong"].years[2025]
    review = cy.year.review.date
    assert review == dt.date(2025, 12, 26) and len(cy.members) == 12
    for member in cy.members:
        unit = repo.registry.get(member)
        assert unit is not None and LEVEL_OF_TYPE[unit.type.value] == "commune" and unit.valid_on(review)
        assert national.get(member).province == "ho-chi-minh-2025"
    assert cy.year.leadership.chair == "phuong-ben-cat-ho-chi-minh-2025"


def test_the_block_of_departments_declares_its_agencies(repo) -> None:  # type: ignore[no-untyped-def]
    data = repo.clusters["khanh-hoa-khoi-so-qlnn-1"]
    assert data.file.kind.value == "khoi" and len(data.file.units) == 7
    assert {u.parent for u in data.file.units} == {"khanh-hoa"}
    assert [(a.member, a.award) for a in data.years[2018].year.awards][:1] == [("so-ldtbxh-khanh-hoa", "co-thi-dua-ubnd-tinh")]


def test_every_cluster_names_its_sources(repo) -> None:  # type: ignore[no-untyped-def]
    for data in repo.clusters.values():
        assert data.file.sources, data.id
        for cy in data.years.values():
            assert cy.year.sources, (data.id, cy.number)


def test_the_shipped_data_validates_strictly() -> None:
    result = CliRunner().invoke(app, ["validate", str(DATA), "--strict"])
    assert result.exit_code == 0, result.stdout
