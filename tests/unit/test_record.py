"""The loaded Repository names its files as they were shown when loaded, whatever the cwd is later."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import copy_data
from thidua.domain.standings import Status, standing
from thidua.domain.usable import unusable
from thidua.repository.loader import load_repository


def test_is_clean_does_not_depend_on_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "data"
    copy_data(root)
    cluster = root / "clusters" / "dbsh" / "cluster.yaml"
    # an organiser unit the registry lacks: TD312 on cluster.yaml, which still loads with its years
    cluster.write_text(cluster.read_text(encoding="utf-8").replace("  level: central\n", "  level: central\n  unit: khong-co\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # files shown relative to here: data/clusters/dbsh/…
    repo = load_repository(root)  # an absolute path, shown relative to the cwd of the load
    assert any(d.code == "TD312" for d in repo.diagnostics)
    cy = repo.clusters["dbsh"].years[2023]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for cwd in (tmp_path, elsewhere, Path("/")):
        monkeypatch.chdir(cwd)
        assert not repo.is_clean(cy), cwd
        refused = unusable(repo, "dbsh", 2023)
        assert refused is not None and refused.files == ["data/clusters/dbsh/cluster.yaml"], cwd
        assert standing(repo, cy).status is Status.invalid, cwd
    assert repo.is_clean(repo.clusters["tp-truc-thuoc-tw"].years[2024])
