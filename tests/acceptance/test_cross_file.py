"""Findings that involve more than one file land on every file involved, and a wrong year in a
file does not leak into what rank reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support import make_repo, runner
from thidua.cli.app import app
from thidua.output.i18n import say
from thidua.services.validate import validate_paths

STRAY = "cluster: demo\nyear: 2024\nmembers: [nam-dinh, ha-nam, quang-ninh]\nleadership:\n  chair: nam-dinh\n  vice_chairs: [ha-nam]\n"


def test_a_unit_in_two_clusters_is_reported_on_both_files_naming_the_other(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "clusters" / "demo" / "2024.yaml").write_text(STRAY, encoding="utf-8")
    found = [d for d in validate_paths([root]).diagnostics if d.code == "TD306"]
    by_file = {Path(d.file).parent.name: d for d in found}
    assert sorted(by_file) == ["demo", "other"]
    assert (by_file["demo"].line, by_file["demo"].column) == (3, 29)  # quang-ninh in demo's list
    assert (by_file["other"].line, by_file["other"].column) == (3, 22)  # quang-ninh in other's list
    assert "other/2024.yaml" in say(by_file["demo"].message)
    assert "demo/2024.yaml" in say(by_file["other"].message)


def test_changed_file_alone_still_sees_the_conflict(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    changed = root / "clusters" / "demo" / "2024.yaml"
    changed.write_text(STRAY, encoding="utf-8")
    found = validate_paths([changed]).diagnostics
    assert [d.code for d in found if d.code == "TD306"] == ["TD306"]


def test_a_year_file_without_cluster_yaml_gets_td301_itself(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    shutil.move(root / "clusters" / "other" / "cluster.yaml", tmp_path / "gone.yaml")
    found = [d for d in validate_paths([root]).diagnostics if d.code == "TD301"]
    assert [(Path(d.file).name, d.line, d.column) for d in found] == [("2024.yaml", 1, 1)]


def test_rank_reports_the_year_of_the_file_name_not_the_wrong_year_inside(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    wrong = (root / "clusters" / "other" / "2024.yaml").read_text(encoding="utf-8").replace("year: 2024", "year: 2022")
    (root / "clusters" / "other" / "2024.yaml").write_text(wrong, encoding="utf-8")
    message = next(d for d in validate_paths([root]).diagnostics if d.code == "TD302").message
    message = say(message)
    assert "2022" in message and "2024.yaml" in message
    result = runner.invoke(app, ["rank", "2024", "--data", str(root), "--format", "json"])
    years = {entry["cluster"]: entry["year"] for entry in json.loads(result.stdout)}
    assert years["other"] == 2024
