"""The scalable site and history (issue 14 item 6, issue 16 item 2) give what a whole load gives.

``thidua site`` loads, ranks and writes each cluster in its own (forked) process and assembles the
rest from small parts; ``thidua history`` reads only the clusters that name the unit. Both must give
exactly what they gave over the whole repository loaded at once: the same bytes, the same history.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
from pathlib import Path

import pytest

from support import DATA, copy_data, generate_repository
from thidua.domain.history import successor
from thidua.output.site import builder
from thidua.repository import loader
from thidua.repository.loader import load_repository
from thidua.services import site as site_service
from thidua.services.history import history, known_units, naming, unit_record
from thidua.services.site import build_site, build_site_from

DAY = dt.date(2026, 1, 2)
FORK = "fork" in multiprocessing.get_all_start_methods()


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated repository with broken files and a unit sitting in two clusters of one
    organiser in 2003 (TD306: a year made unclean only by another cluster)."""
    root = generate_repository(tmp_path_factory.mktemp("site-scale") / "data", 90, seed=5, broken=0.15)
    clusters = sorted(p for p in (root / "clusters").iterdir())
    first, second = clusters[0] / "2003.yaml", clusters[1] / "2003.yaml"
    text = first.read_text(encoding="utf-8")
    member = text.split("members: [", 1)[1].split(",", 1)[0]
    other = second.read_text(encoding="utf-8")
    second.write_text(other.replace("members: [", f"members: [{member}, ", 1), encoding="utf-8")
    return root


@pytest.fixture(params=["shipped", "generated"])
def root(request: pytest.FixtureRequest, generated: Path, tmp_path: Path) -> Path:
    if request.param == "shipped":
        return copy_data(tmp_path / "data")
    shutil.copytree(generated, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_site_built_cluster_by_cluster_equals_one_built_from_the_whole_repository(root: Path, jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "PARALLEL_MIN_PAGES", 1)  # workers even on small repositories
    monkeypatch.setenv("THIDUA_JOBS", jobs)
    whole = build_site(load_repository(root), tmp_path / "whole", today=DAY)
    parts = build_site_from(root, tmp_path / "parts", today=DAY)
    assert parts == whole == len(list((tmp_path / "whole").rglob("*.html")))
    assert files(tmp_path / "parts") == files(tmp_path / "whole")


def test_a_year_made_unclean_by_another_cluster_is_shown_unranked(generated: Path, tmp_path: Path) -> None:
    repo = load_repository(generated)
    across = [d for d in repo.diagnostics if d.code == "TD306"]
    assert across, "the fixture must exercise the cross-cluster check"
    first = sorted(p.name for p in (generated / "clusters").iterdir())[0]
    assert any(d.file.endswith(f"{first}/2003.yaml") for d in across)
    alone = site_service._OnDisk(generated).repository(first)  # what the cluster's own process sees
    assert alone.is_clean(alone.clusters[first].years[2003]), "clean but for the other cluster"
    assert not repo.is_clean(repo.clusters[first].years[2003])
    build_site_from(generated, tmp_path / "out", today=DAY)
    whole = build_site(repo, tmp_path / "whole", today=DAY)
    assert whole and files(tmp_path / "out") == files(tmp_path / "whole")


@pytest.mark.skipif(not FORK, reason="workers are forked where the system can fork")
def test_pages_made_on_a_wrong_guess_are_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a cluster's process guesses which units have a page; every guess wrong must still give the same site
    monkeypatch.setattr(builder, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setenv("THIDUA_JOBS", "2")
    whole = build_site(load_repository(DATA), tmp_path / "whole", today=DAY)
    asked: list[str] = []

    def wrong(self: site_service._Guess, unit_id: object) -> bool:
        answer = self.asked.setdefault(str(unit_id), self.units.get(str(unit_id)) is None)
        asked.append(str(unit_id))
        return answer

    monkeypatch.setattr(site_service._Guess, "__contains__", wrong)
    assert build_site_from(DATA, tmp_path / "parts", today=DAY) == whole
    assert files(tmp_path / "parts") == files(tmp_path / "whole")


def _units(repo: loader.Repository) -> list[str]:
    units = known_units(repo)
    return list(dict.fromkeys([*units, *(s for u in units if (s := successor(u, repo.registry))), "no-such-unit"]))


def test_history_reads_only_the_clusters_that_name_the_unit_and_gives_the_same_record(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(root.parent / "cache"))
    repo = load_repository(root)
    kept: list[set[str]] = []
    load = loader.load_repository

    def spy(*args: object, **kwargs: object) -> loader.Repository:
        kept.append(set(kwargs["keep"]))  # type: ignore[call-overload]
        return load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_repository", spy)
    for unit in _units(repo):
        found, _ = unit_record(root, unit)
        assert found == history(repo, unit), unit
    assert kept and all(keep <= set(repo.clusters) for keep in kept)
    assert any(keep < set(repo.clusters) for keep in kept), "some unit's history must read fewer clusters than all"


def test_the_scan_finds_every_cluster_that_names_a_unit(root: Path) -> None:
    repo = load_repository(root)
    for unit in known_units(repo)[:20]:
        naming_it = {cy.id for data in repo.clusters.values() for cy in data.years.values()
                     if unit in {*cy.members, cy.year.leadership.chair, *(cy.year.leadership.vice_chairs or []), *(d.member for d in cy.year.awards)}}
        dirs = {cid for cid, data in repo.clusters.items() if any(cy.id in naming_it for cy in data.years.values())}
        assert dirs <= naming(root, {unit})


def test_a_file_spelling_an_id_with_an_escape_is_read(tmp_path: Path) -> None:
    root = copy_data(tmp_path / "data")
    target = root / "clusters" / "dbsh" / "2023.yaml"
    text = target.read_text(encoding="utf-8")
    assert "nam-dinh" in text
    assert "dbsh" in naming(root, {"nam-dinh"})
    target.write_text(text.replace("nam-dinh", '"nam-\\x64inh"'), encoding="utf-8")
    assert "dbsh" in naming(root, {"nam-dinh"})  # a backslash: read, whatever it spells


def test_without_fork_one_process_builds_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # where processes cannot be forked (Windows), every cluster is made in this process
    monkeypatch.setattr(builder, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setenv("THIDUA_JOBS", "2")
    whole = build_site(load_repository(DATA), tmp_path / "whole", today=DAY)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    made: list[str] = []
    part = site_service.cluster_part

    def here(*args: object, **kwargs: object) -> site_service.ClusterPart:
        made.append(str(args[1]))
        return part(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(site_service, "cluster_part", here)
    assert build_site_from(DATA, tmp_path / "parts", today=DAY) == whole
    assert sorted(made) == sorted(p.name for p in (DATA / "clusters").iterdir() if p.is_dir())  # all here, none in a worker
    assert files(tmp_path / "parts") == files(tmp_path / "whole")
