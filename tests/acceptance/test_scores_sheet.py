"""``sheet import`` over staged scores and computed indicators: stages kept, results untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.services.sheet import set_scores

EXAMPLES = Path(__file__).parents[1] / "examples"
REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
runner = CliRunner()

YEAR = """cluster: demo
year: 2024
scores:
  nam-dinh:
    # thẩm định 12/2024
    grdp: {self: 15, appraised: 14, reason: "Thiếu minh chứng"}
    thu: {actual: 100, target: 90}
    y-te: 14
"""


def test_a_new_number_for_a_staged_score_becomes_its_final_score() -> None:
    after = set_scores(YEAR, {"nam-dinh": {"grdp": 14.5, "y-te": 13}})
    assert 'grdp: {self: 15, appraised: 14, reason: "Thiếu minh chứng", final: 14.5}' in after
    assert "y-te: 13.0" in after
    assert "# thẩm định 12/2024" in after and "thu: {actual: 100, target: 90}" in after


def test_numbers_the_file_already_counts_are_left_as_written() -> None:
    assert set_scores(YEAR, {"nam-dinh": {"grdp": 14, "y-te": 14}}) == YEAR


def test_export_then_import_of_a_scoring_year_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    year = root / "clusters" / "demo" / "2024.yaml"
    shutil.copy(EXAMPLES / "valid" / "scores-2024.yaml", year)
    before = year.read_text(encoding="utf-8")
    book = tmp_path / "s.xlsx"
    exported = runner.invoke(app, ["sheet", "export", "demo", "2024", "--data", str(root), "-o", str(book)])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(app, ["sheet", "import", str(book), "--data", str(root)])
    assert imported.exit_code == 0, imported.output
    assert year.read_text(encoding="utf-8") == before, "computed results and stages survive the round trip"
