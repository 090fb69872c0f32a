"""rank, awards and rotate name every cluster-year they cannot use, and why; rotate writes only
what validates. Real-shaped data: the shipped data/ copied, one file broken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support import copy_data, runner
from thidua.cli.app import app
from thidua.services.validate import validate_paths

DBSH = "data/clusters/dbsh"
TITLE = "Cụm thi đua các tỉnh đồng bằng sông Hồng (dbsh)"

# name: (file in dbsh/, text replaced, replacement (None: delete the file), where the first error is, why)
BREAKS = {
    "negative-score": ("2023.yaml", "tang-truong-grdp: 9.5\n", "tang-truong-grdp: -9.5\n", f"{DBSH}/2023.yaml:148:23",
                       "TD106 -9.5 at 'scores.nam-dinh.tang-truong-grdp' is out of range (≥ 0.0)"),
    "member-1": ("2023.yaml", "members: [bac-ninh,", "members: [1,", f"{DBSH}/2023.yaml:10:11", "TD103 'members.0' should be text, found 1"),
    "weight-0": ("2023.yaml", "    group: kinh-te\n    max: 10\n", "    group: kinh-te\n    max: 10\n    weight: 0\n", f"{DBSH}/2023.yaml:34:13",
                 "TD106 0 at 'indicators.0.weight' is out of range (> 0.0)"),
    "unknown-policy": ("cluster.yaml", "policy: elected", "policy: lottery", f"{DBSH}/cluster.yaml:25:13",
                       "TD105 'lottery' at 'rules.rotation.policy' is not one of: 'vice_promotes', 'list_order', 'elected' or 'appointed'"),
    "no-cluster-file": ("cluster.yaml", None, None, f"{DBSH}/2023.yaml:5:1", "TD301 cluster directory has no cluster.yaml"),
}


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    copy_data(root)
    monkeypatch.chdir(tmp_path)
    return root


def run(*args: str, lang: str = "en") -> Any:
    return runner.invoke(app, ["--lang", lang, *args])


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_dbsh(data: Path, name: str) -> tuple[str, str]:
    file, old, new, where, why = BREAKS[name]
    path = data / "clusters" / "dbsh" / file
    if old is None:
        path.unlink()
    else:
        replace(path, old, new)
    return where, why


def validate_hint(where: str) -> str:
    return where.split(":")[0]


# --------------------------------------------------------------------------- awards and rank


@pytest.mark.parametrize("name", list(BREAKS))
def test_awards_names_the_cluster_year_it_cannot_use(data: Path, name: str) -> None:
    where, why = break_dbsh(data, name)
    line = f"thidua: skipped dbsh 2023: {where}: {why}; run `thidua validate {validate_hint(where)}`"
    every = run("awards", "2023", "--format", "json")
    assert every.exit_code == 1
    assert every.stderr.splitlines() == [line]
    assert '"cluster": "hai-duong-cap-huyen"' in every.stdout and '"cluster": "dbsh"' not in every.stdout
    only = run("awards", "2023", "--cluster", "dbsh")
    assert only.exit_code == 1
    assert only.stderr.splitlines() == [line], "not 'no cluster has a file for 2023'"


@pytest.mark.parametrize("name", list(BREAKS))
def test_rank_names_the_cluster_year_it_cannot_use(data: Path, name: str) -> None:
    where, why = break_dbsh(data, name)
    title = TITLE if name in ("negative-score", "member-1", "weight-0") else "dbsh (dbsh)"
    result = run("rank", "2023")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"thidua: {title}, 2023: not ranked: {where}: {why}; run `thidua validate {validate_hint(where)}`"]
    assert "(hai-duong-cap-huyen), 2023" in result.stdout


def test_the_reasons_are_in_vietnamese_too(data: Path) -> None:
    where, _why = break_dbsh(data, "member-1")
    result = run("awards", "2023", lang="vi")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"thidua: bỏ qua dbsh 2023: {where}: TD103 ")
    assert result.stderr.splitlines()[0].endswith(f"; chạy `thidua validate {DBSH}/2023.yaml`")


# --------------------------------------------------------------------------- rotate: the years it relies on


@pytest.mark.parametrize("name", ["negative-score", "member-1", "weight-0"])
def test_rotate_refuses_when_a_history_year_is_invalid(data: Path, name: str) -> None:
    """2023's election and chair decide 2025's cooldown and order: left out, the chair would differ."""
    where, why = break_dbsh(data, name)
    result = run("rotate", "--cluster", "dbsh")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"thidua: cannot use dbsh 2023: {where}: {why}; run `thidua validate {DBSH}/2023.yaml`",
        "thidua: the rotation from 2024 relies on the year(s) above (who chaired, who was elected, the cooldown): nothing proposed",
    ]
    assert result.stdout == ""


def test_rotate_refuses_a_latest_year_that_fails_the_schema_rather_than_start_earlier(data: Path) -> None:
    later = data / "clusters" / "dbsh" / "2025.yaml"
    later.write_text("cluster: dbsh\nyear: 2025\nmembers: [1]\n", encoding="utf-8")
    result = run("rotate", "--cluster", "dbsh")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"thidua: cannot use dbsh 2025: {DBSH}/2025.yaml:3:11: TD103 'members.0' should be text, found 1; run `thidua validate {DBSH}/2025.yaml`",
        "thidua: the source year 2025 has errors: nothing proposed",
    ]


# --------------------------------------------------------------------------- rotate --write: only what validates


def test_rotate_write_refuses_a_file_that_would_break_a_cross_file_check(data: Path) -> None:
    """dbsh 2026 (written twice over) and tp-truc-thuoc-tw 2026 would both hold Hải Phòng (2025)."""
    assert run("rotate", "--cluster", "dbsh", "--write").exit_code == 0
    assert run("rotate", "--cluster", "dbsh", "--write").exit_code == 0
    result = run("rotate", "--cluster", "tp-truc-thuoc-tw", "--write")
    assert result.exit_code == 1
    target = "data/clusters/tp-truc-thuoc-tw/2026.yaml"
    # a cross-file conflict is reported on both files it involves
    assert result.stderr.splitlines()[-3:] == [
        f"{DBSH}/2026.yaml:12:57: error TD306 'hai-phong-2025' is also a member of tp-truc-thuoc-tw ({target}) with the same organiser in 2026",
        f"{target}:13:37: error TD306 'hai-phong-2025' is also a member of dbsh ({DBSH}/2026.yaml) with the same organiser in 2026",
        f"thidua: {target} would not validate (2 error(s) above): nothing written",
    ]
    assert not (data / "clusters" / "tp-truc-thuoc-tw" / "2026.yaml").exists()
    dry = run("rotate", "--cluster", "tp-truc-thuoc-tw", "--dry-run")
    assert dry.exit_code == 1
    assert dry.stderr.splitlines()[-1] == f"thidua: {target} would not validate (2 error(s) above): --write would refuse to write it"
    assert [d for d in validate_paths([data]).diagnostics if d.severity == "error"] == []


def test_an_election_of_no_vice_chairs_writes_a_file_that_validates(data: Path) -> None:
    replace(data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2024.yaml", "  chair: cao-bang\n", "  chair: cao-bang\n  vice_chairs: []\n")
    result = run("rotate", "--cluster", "mien-nui-bien-gioi-phia-bac", "--write")
    assert result.exit_code == 0, result.output
    written = (data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2025.yaml").read_text(encoding="utf-8")
    assert "vice_chairs: []" in written
    assert [d for d in validate_paths([data]).diagnostics if d.severity == "error"] == []
