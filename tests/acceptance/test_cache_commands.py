"""rank, awards, rotate and validate answer the same with a cold cache, a warm one and none; they
read only the files their answer depends on; identities do not depend on the working directory."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import files_read, generate_repository
from thidua.cli.app import app
from thidua.repository import cache as store
from thidua.repository import loader
from thidua.repository.loader import load_repository


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_repository(tmp_path_factory.mktemp("cache-commands") / "data", 60, seed=5, broken=0.2)


@pytest.fixture
def root(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_JOBS", "1")
    monkeypatch.delenv(store.CACHE_ENV, raising=False)
    copy = tmp_path / "data"
    shutil.copytree(generated, copy)
    return copy


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def commands(root: Path) -> list[list[str]]:
    clusters = sorted(p.name for p in (root / "clusters").iterdir())
    one = clusters[1]
    return [
        ["validate", str(root), "-f", "json"],
        ["rank", "2003", "--data", str(root), "-f", "json"],
        ["rank", "2004", "-c", one, "--data", str(root), "-f", "json"],
        ["awards", "2003", "--data", str(root), "-f", "json"],
        ["awards", "2004", "-c", one, "--data", str(root), "-f", "json"],
        ["rotate", "-c", one, "--data", str(root), "-f", "json"],
        ["rotate", "-c", one, "--years", "3", "--data", str(root), "-f", "json"],
        ["rotate", "-c", clusters[0], "--dry-run", "--data", str(root)],  # checks the file to write, with every cross-file check
    ]


def test_every_command_answers_the_same_cold_warm_and_without_cache(root: Path) -> None:
    for args in commands(root):
        uncached = run(*args, "--no-cache")
        cold = run(*args)
        warm = run(*args)
        assert cold == uncached, args
        assert warm == uncached, args
    assert (root / ".thidua-cache" / f"v{store.FORMAT}").is_dir()


def test_no_cache_neither_reads_nor_writes(root: Path) -> None:
    code, _, _ = run("validate", str(root), "--no-cache")
    assert code == 1  # the generated mistakes
    assert not (root / ".thidua-cache").exists()


def test_rank_of_one_cluster_parses_only_its_files_when_warm(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clusters = sorted(p.name for p in (root / "clusters").iterdir())
    one = clusters[1]
    expected = run("rank", "2004", "-c", one, "--data", str(root), "-f", "json", "--no-cache")
    run("validate", str(root))  # warms the cache
    read = files_read(monkeypatch)
    assert run("rank", "2004", "-c", one, "--data", str(root), "-f", "json") == expected
    wanted = [f"{one}/{name}" for name in ("cluster.yaml", "2003.yaml", "2004.yaml") if (root / "clusters" / one / name).exists()]
    assert sorted(read) == sorted(["data/provinces.yaml", *wanted]), "the registry (for the models) and the files ranked"


def test_a_document_is_known_by_its_path_in_the_data_root_whatever_the_cwd(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root.parent)
    repo = load_repository(Path("data"))
    bad = next(d for d in repo.diagnostics if d.severity == "error" and re.search(r"/\d{4}\.yaml$", d.file))
    assert repo.identity(bad.file) == "clusters/" + bad.file.split("clusters/", 1)[1]
    years = {cy.path: cy for data in repo.clusters.values() for cy in data.years.values()}
    clean = next(cy for path, cy in years.items() if not repo.errors_in(path))
    monkeypatch.chdir(root / "clusters")  # a library caller who moves on
    assert repo.is_clean(clean)
    if bad.file in years:
        assert not repo.is_clean(years[bad.file])
    elsewhere = load_repository(root)  # loaded from another directory: other display paths, same identities
    assert {elsewhere.identity(d.file) for d in elsewhere.diagnostics} == {repo.identity(d.file) for d in repo.diagnostics}
    assert os.path.relpath(root / "clusters", Path.cwd()) == "."


def test_the_cache_is_shared_whatever_the_cwd(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua.services.validate import validate

    monkeypatch.chdir(root.parent)
    first = validate(["data"])
    monkeypatch.chdir(root / "clusters")
    loaded: list[str] = []
    real = loader.load_cluster
    monkeypatch.setattr(loader, "load_cluster", lambda d, *a, **k: loaded.append(d.name) or real(d, *a, **k))
    second = validate([root])
    assert loaded == [], "every cluster came from the entries written from the other directory"
    assert [(os.path.normpath(root.parent / d.file), d.line, d.code) for d in first.diagnostics] == [
        (os.path.normpath(root / "clusters" / d.file) if not os.path.isabs(d.file) else d.file, d.line, d.code) for d in second.diagnostics
    ]
