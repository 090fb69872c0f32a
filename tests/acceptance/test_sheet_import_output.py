"""``thidua sheet import --output``: the findings report saved like every other report."""

from __future__ import annotations

import json
from pathlib import Path

from support import DATA, copy_data, runner
from thidua.cli.app import app


def test_import_writes_its_report_to_output_and_never_replaces_it_unasked(tmp_path: Path) -> None:
    data = copy_data(tmp_path / "data", DATA)
    book = tmp_path / "dbsh-2023.xlsx"
    exported = runner.invoke(app, ["sheet", "export", "dbsh", "2023", "-o", str(book), "--data", str(data)])
    assert exported.exit_code == 0, exported.stderr
    report = tmp_path / "report.json"
    args = ["sheet", "import", str(book), "--dry-run", "--data", str(data), "--format", "json", "--output", str(report)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""  # the report went to the file, not the screen
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["errors"] == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "--force" in again.stderr  # an existing report is refused
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
