"""thidua history: a unit's record across the years, following the 2025 mergers."""

from __future__ import annotations

import json

import pytest

from support import DATA, runner
from thidua.cli.app import app
from thidua.domain.history import Outcome, predecessors, successor, unit_history
from thidua.domain.registry import Registry
from thidua.repository.loader import load_repository
from thidua.services.history import every_cluster_year, history


@pytest.fixture(scope="module")
def repo():
    return load_repository(DATA)


def test_successor_and_predecessors_follow_the_registry(repo) -> None:
    registry: Registry = repo.registry
    assert successor("nam-dinh", registry) == "ninh-binh-2025"
    assert successor("ninh-binh-2025", registry) is None
    assert set(predecessors("ninh-binh-2025", registry)) == {"ha-nam", "nam-dinh", "ninh-binh"}
    assert predecessors("nam-dinh", registry) == []


def test_a_predecessor_points_to_its_successor_and_keeps_its_own_records(repo) -> None:
    found = history(repo, "nam-dinh")
    assert found is not None
    assert found.successor is not None and found.successor.id == "ninh-binh-2025"
    first = found.records[0]
    assert (first.year, first.cluster, first.own, first.rank) == (2023, "dbsh", True, 1)
    assert [a.award for a in first.decided] == ["co-thi-dua-chinh-phu"]
    assert [a.award for a in first.recommended] == ["co-thi-dua-chinh-phu"]
    assert any("chair" in r.roles for r in found.records if r.year == 2024)


def test_a_merged_unit_carries_its_predecessors_records_marked_as_theirs(repo) -> None:
    found = history(repo, "ninh-binh-2025")
    assert found is not None and found.successor is None
    assert {p.id for p in found.predecessors} == {"ha-nam", "nam-dinh", "ninh-binh"}
    assert found.records and all(not r.own for r in found.records)
    assert ("nam-dinh", 2023) in {(r.member, r.year) for r in found.records}


def test_unranked_years_say_why(repo) -> None:
    found = history(repo, "nam-dinh")
    assert found is not None
    later = next(r for r in found.records if r.year == 2024)
    assert later.rank is None and later.status == "no_scores"


def test_without_outcomes_the_domain_still_lists_memberships_and_roles(repo) -> None:
    found = unit_history("nam-dinh", every_cluster_year(repo), repo.registry, {("dbsh", 2023): Outcome("ranked", {"nam-dinh": (3, 80.0)})})
    assert found is not None
    assert [(r.year, r.rank) for r in found.records] == [(2023, 3), (2024, None)]


def test_an_unknown_unit_is_none(repo) -> None:
    assert history(repo, "atlantis") is None


def test_cli_json_lists_the_2023_flag_and_the_successor() -> None:
    result = runner.invoke(app, ["history", "nam-dinh", "--format", "json", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["successor"]["id"] == "ninh-binh-2025"
    flags = [a for r in data["records"] if r["year"] == 2023 for a in r["decided"]]
    assert {"award": "co-thi-dua-chinh-phu", "title": "Cờ thi đua của Chính phủ"}.items() <= flags[0].items()


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_text_and_markdown(fmt: str) -> None:
    result = runner.invoke(app, ["--lang", "vi", "history", "ninh-binh-2025", "--format", fmt, "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "khi là Nam Định" in result.stdout
    assert "Cờ thi đua của Chính phủ" in result.stdout


def test_cli_unknown_unit_is_a_usage_error_with_suggestions() -> None:
    result = runner.invoke(app, ["history", "nam-dnh", "--data", str(DATA)])
    assert result.exit_code == 2
    assert "nam-dinh" in result.stderr
