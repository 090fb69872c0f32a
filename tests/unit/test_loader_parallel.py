"""Loading with worker processes gives exactly what loading serially gives; models=False too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import copy_data, generate_repository
from thidua.output.render.diagnostics import diagnostic_data
from thidua.repository import loader
from thidua.repository.loader import load_repository


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="module")
def repo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated repository (7 clusters, 150 files) with one of each kind of error injected."""
    root = generate_repository(tmp_path_factory.mktemp("parallel") / "data", 150, seed=3)
    clusters = sorted((root / "clusters").iterdir())
    a, b, c, d, e, f = clusters[:6]
    # a unit in two clusters of one organiser (cross-cluster, found after the workers are done)
    stranger = re.search(r"members: \[([a-z-]+)", (b / "2005.yaml").read_text(encoding="utf-8")).group(1)
    edit(a / "2005.yaml", "members: [", f"members: [{stranger}, ")
    edit(a / "2006.yaml", "year: 2006", "year: 2006\nyear: 2006")  # duplicate key
    edit(b / "2010.yaml", "scores:\n", "scores: [\n")  # syntax error
    edit(c / "2003.yaml", "    ct-01: ", "    ct-01: 99")  # score over its maximum
    (d / "cluster.yaml").unlink()  # a cluster without its cluster file
    (e / "notes.yaml").write_text("a: 1\n", encoding="utf-8")  # unexpected file name
    edit(e / "2004.yaml", "year: 2004", "year: 2040")  # the path says otherwise
    edit(f / "2008.yaml", "leadership:\n  chair: ", "leadership:\n  chair: ha-noi\n  #")  # not the elected chair
    return root


def diagnostics(root: Path, jobs: int, models: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list[dict], int, int]:
    """The report, the file count, and how many clusters this process loaded itself."""
    monkeypatch.setenv(loader.JOBS_ENV, str(jobs))
    in_parent: list[str] = []
    real = loader.load_cluster

    def spy(directory: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        in_parent.append(directory.name)  # forked workers append to their own copy
        return real(directory, *args, **kwargs)

    monkeypatch.setattr(loader, "load_cluster", spy)
    repo = load_repository(root, models=models)
    return [diagnostic_data(d) for d in repo.diagnostics], repo.files, len(in_parent)


def test_two_jobs_give_the_serial_diagnostics(repo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial, files, loaded_here = diagnostics(repo_dir, 1, True, monkeypatch)
    assert loaded_here == 7
    codes = {d["code"] for d in serial}
    assert {"TD306", "TD012", "TD006", "TD407", "TD301", "TD022", "TD302", "TD307"} <= codes, codes
    for jobs, models in ((2, False), (2, True), (1, False)):
        found, count, here = diagnostics(repo_dir, jobs, models, monkeypatch)
        assert found == serial, (jobs, models)
        assert count == files
        assert here == (0 if jobs > 1 else 7), "the workers, not this process, loaded the clusters"


def test_the_cross_cluster_finding_keeps_its_position_after_release(repo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found, _, _ = diagnostics(repo_dir, 2, False, monkeypatch)
    cross = [d for d in found if d["code"] == "TD306"]
    assert len(cross) == 2, "on both files"
    for finding in cross:
        path = Path(finding["file"])
        text = (path if path.is_absolute() else Path.cwd() / path).read_text(encoding="utf-8")
        member = re.search(r"'([a-z-]+)'", finding["message"]).group(1)
        line = next(n for n, row in enumerate(text.split("\n"), 1) if row.startswith("members:"))
        assert finding["line"] == line
        assert finding["column"] == text.split("\n")[line - 1].index(member) + 1


def test_models_false_keeps_no_years_but_memberships(repo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(loader.JOBS_ENV, "1")
    light = load_repository(repo_dir, models=False)
    full = load_repository(repo_dir)
    assert all(not data.years for data in light.clusters.values())
    assert sum(len(data.years) for data in full.clusters.values()) > 100
    assert sum(len(d.memberships) for d in light.clusters.values()) == sum(len(d.memberships) for d in full.clusters.values())
    some = next(data for data in full.clusters.values() if data.years)
    year = min(some.years)
    assert some.years[year].members == some.memberships[0].members
    assert all(doc.parsed is None or doc.parsed.root is None for doc in some.documents.values()), "node trees released"


def test_jobs_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(loader.JOBS_ENV, "3")
    assert loader.jobs_for(10) == 3
    monkeypatch.setenv(loader.JOBS_ENV, "1")
    assert loader.jobs_for(10_000) == 1
    monkeypatch.delenv(loader.JOBS_ENV)
    assert loader.jobs_for(loader.PARALLEL_MIN_FILES) == 1, "small repositories load serially"
    assert loader.jobs_for(10_000, models=True) == 1, "unpickling models costs more than it saves"
    assert loader.jobs_for(10_000) >= 1


def test_a_released_document_places_issues_from_kept_positions(tmp_path: Path) -> None:
    path = tmp_path / "2024.yaml"
    path.write_text("cluster: x\nmembers:\n  - a\n  - b\n", encoding="utf-8")
    doc = loader.read_document(path, tmp_path)
    doc.keep_positions(("members",))
    before = doc.where(("members", 1)), doc.where(("members", 7)), doc.where(("scores", "a"))
    doc.release()
    assert doc.parsed is not None and doc.parsed.root is None and doc.data is None
    assert (doc.where(("members", 1)), doc.where(("members", 7)), doc.where(("scores", "a"))) == before
    assert before == ((4, 5), (3, 3), (1, 1)), "an item, the nearest ancestor, the root"


def test_shipped_data_loads_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    copy_data(root)
    serial, files, _ = diagnostics(root, 1, True, monkeypatch)
    parallel, count, _ = diagnostics(root, 2, False, monkeypatch)
    assert parallel == serial and count == files
