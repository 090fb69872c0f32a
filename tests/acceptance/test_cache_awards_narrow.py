"""``awards YEAR --cluster ID`` on a warm cache reads only the clusters that share ID's flag cap.

The Government-flag cap counts the proposals of every cluster of one organiser (``flag_caps``):
those clusters' year files are read with their models, the others' never, and the report is the
one every cluster read would give.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import files_read, generate_repository
from thidua.cli.app import app
from thidua.repository import cache as store


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_repository(tmp_path_factory.mktemp("awards-narrow") / "data", 60, seed=5)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_awards_of_one_cluster_reads_only_the_clusters_of_its_organiser(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_JOBS", "1")
    monkeypatch.delenv(store.CACHE_ENV, raising=False)
    root = tmp_path / "data"
    shutil.copytree(generated, root)
    first, one, apart = sorted(p.name for p in (root / "clusters").iterdir())  # one organiser's three clusters
    cluster_file = root / "clusters" / apart / "cluster.yaml"
    text = cluster_file.read_text(encoding="utf-8")
    assert "(khối 1)" in text
    cluster_file.write_text(text.replace("(khối 1)", "(khối 9)"), encoding="utf-8")  # another organiser now
    args = ["awards", "2004", "-c", one, "--data", str(root), "-f", "json"]
    expected = run(*args, "--no-cache")
    assert expected[0] == 0 and '"year": 2004' in expected[1]
    assert run("validate", str(root))[0] == 0  # warms the cache
    read = files_read(monkeypatch)
    assert run(*args) == expected
    assert sorted(read) == sorted(["data/provinces.yaml", *(f"{c}/{name}" for c in (first, one) for name in ("cluster.yaml", "2004.yaml"))])
