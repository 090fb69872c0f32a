"""``thidua validate`` end to end: exit codes, formats, strictness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import DATA, copy_data, runner
from thidua.cli.app import app


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    copy_data(root)
    return root


def test_shipped_data_is_clean() -> None:
    result = runner.invoke(app, ["validate", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output or "no problems" in result.output


def test_shipped_data_is_clean_even_when_strict() -> None:
    assert runner.invoke(app, ["validate", "--strict", str(DATA)]).exit_code == 0


def test_a_data_error_exits_1_and_names_file_line_column_code(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("chair: nam-dinh", "chair: nam-dihn"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(data)])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "nam-dihn" in text)
    assert f"2024.yaml:{line}:10: error TD201 unknown unit 'nam-dihn'" in result.output
    assert "did you mean 'nam-dinh'" in result.output


def test_json_report_lists_every_diagnostic_with_its_position(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("year: 2023", "year: 2023\nyear: 2023").replace("chair: thai-binh", "chair: thai-binh2"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(data)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    codes = {d["code"] for d in report["diagnostics"]}
    assert {"TD012", "TD201"} <= codes, "both problems are reported, not only the first"
    for d in report["diagnostics"]:
        assert set(d) >= {"file", "line", "column", "code", "severity", "message", "hint"}
    assert report["summary"]["errors"] == sum(d["severity"] == "error" for d in report["diagnostics"])


def test_warnings_fail_only_when_strict(data: Path) -> None:
    path = data / "clusters" / "mien-nui-bien-gioi-phia-bac" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("vice_chairs: [cao-bang]", "vice_chairs: [cao-bang, son-la]"), encoding="utf-8")
    relaxed = runner.invoke(app, ["validate", str(data)])
    assert relaxed.exit_code == 0 and "warning TD308" in relaxed.output
    strict = runner.invoke(app, ["validate", "--strict", str(data)])
    assert strict.exit_code == 1 and "error TD308" in strict.output


def test_a_single_file_reports_only_that_file_but_checks_across_files(data: Path) -> None:
    broken = data / "clusters" / "dbsh" / "2024.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("chair: nam-dinh", "chair: ha-nam"), encoding="utf-8")
    other = data / "clusters" / "dbsh" / "2023.yaml"
    assert runner.invoke(app, ["validate", str(other)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "TD307" in result.output, "the 2023 election is still read when only 2024 is validated"


def test_github_format_is_chosen_on_github_actions(data: Path) -> None:
    path = data / "clusters" / "dbsh" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("chair: nam-dinh", "chair: nam-dihn"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(data)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert "::error file=" in result.output and "title=thidua TD201" in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(app, ["validate", "--format", "xml", str(DATA)]).exit_code == 2


def test_a_directory_that_is_not_data_is_a_data_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "TD023" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("thidua ")
