"""``sheet import``/``export`` carry the scoring stages: self (tự chấm), appraised (thẩm định),
explanation (giải trình), final (điểm cuối) and the reason (ghi chú), each in its column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from support import EXAMPLES, ROOT, runner
from thidua.cli.app import app
from thidua.services.sheet import sheet_score

HEADINGS = ["TT", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Giải trình", "Điểm cuối", "Ghi chú"]


def cli(*args: str):
    return runner.invoke(app, ["--lang", "en", *args])


@pytest.fixture
def root(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", data)
    shutil.copy(ROOT / "data" / "provinces.yaml", data / "provinces.yaml")
    return data


def year_file(root: Path, year: int = 2023) -> Path:
    return root / "clusters" / "demo" / f"{year}.yaml"


def hand_sheet(path: Path, headings: list[str], rows: list[list[object]]) -> None:
    """A per-member sheet a clerk made: a title row, the headings, then one row per criterion."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nam Định"
    sheet.append(["PHIẾU CHẤM ĐIỂM THI ĐUA NĂM 2023"])
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    book.save(path)


def totals(root: Path, year: int = 2023) -> dict[str, float]:
    done = cli("rank", str(year), "--cluster", "demo", "--data", str(root), "--format", "json")
    assert done.exit_code == 0, done.output
    return {e["member"]: e["total"] for e in json.loads(done.stdout)[0]["ranking"]}


def test_a_hand_made_sheet_with_every_stage_imports_into_staged_scores(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    hand_sheet(path, HEADINGS, [
        [1, "Tăng trưởng GRDP", 50, 48, 44, None, None, "Thiếu minh chứng"],
        [2, "An sinh xã hội", 50, "46,5", 44, "Bổ sung số liệu", 45, "Số liệu chưa khớp"],
        [3, "Điểm thưởng", 5, 1, 1, None, None, None],
        [4, "Điểm trừ", 5, None, None, None, 0, None],
    ])
    done = cli("sheet", "import", str(path), "--cluster", "demo", "--year", "2023", "--data", str(root))
    assert done.exit_code == 0, done.output
    written = yaml.safe_load(year_file(root).read_text(encoding="utf-8"))["scores"]["nam-dinh"]
    assert written == {
        "grdp": {"self": 48, "appraised": 44, "reason": "Thiếu minh chứng"},
        "an-sinh": {"self": 46.5, "appraised": 44, "reason": "Số liệu chưa khớp", "explanation": "Bổ sung số liệu", "final": 45},
        "thuong": {"self": 1, "appraised": 1},
        "tru": 0,  # only a final score: a plain number, as before
    }
    assert totals(root)["nam-dinh"] == pytest.approx(44 + 45 + 1 - 0)  # appraised, final, appraised
    assert cli("validate", str(root)).exit_code == 0


def test_a_self_only_sheet_is_not_taken_as_final_td412_at_the_cell(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    hand_sheet(path, HEADINGS[:4], [[1, "Tăng trưởng GRDP", 50, 47], [2, "An sinh xã hội", 50, 45]])
    before = year_file(root).read_text(encoding="utf-8")
    done = cli("sheet", "import", str(path), "--cluster", "demo", "--year", "2023", "--data", str(root))
    assert done.exit_code == 1
    found = [line for line in done.stdout.splitlines() if " TD4" in line or " TD721 " in line]
    assert found == [
        f"{path}:Nam Định!D3: error TD412 Nam Định: 'grdp' has no appraised or final score",
        f"{path}:Nam Định!D4: error TD412 Nam Định: 'an-sinh' has no appraised or final score",
    ]
    assert year_file(root).read_text(encoding="utf-8") == before


def test_an_appraisal_without_a_reason_is_td411_at_the_appraised_cell(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    hand_sheet(path, HEADINGS[:5], [[1, "Tăng trưởng GRDP", 50, 48, 44], [2, "An sinh xã hội", 50, 45, 45]])
    before = year_file(root).read_text(encoding="utf-8")
    done = cli("sheet", "import", str(path), "--cluster", "demo", "--year", "2023", "--data", str(root))
    assert done.exit_code == 1
    assert [line for line in done.stdout.splitlines() if " TD4" in line] == [
        f"{path}:Nam Định!E3: error TD411 Nam Định: the appraised score 44 of 'grdp' differs from the self-score 48 without a reason",
    ]
    assert year_file(root).read_text(encoding="utf-8") == before


def staged_year(root: Path) -> Path:
    path = year_file(root, 2024)
    shutil.copy(EXAMPLES / "valid" / "scores-2024.yaml", path)
    return path


@pytest.mark.parametrize("layout", ["per-member", "matrix"])
def test_export_then_import_of_a_staged_year_is_a_no_op(root: Path, tmp_path: Path, layout: str) -> None:
    path = staged_year(root)
    before = path.read_text(encoding="utf-8")
    book = tmp_path / "s.xlsx"
    assert cli("sheet", "export", "demo", "2024", "--layout", layout, "--data", str(root), "-o", str(book)).exit_code == 0
    done = cli("sheet", "import", str(book), "--data", str(root))
    assert done.exit_code == 0, done.output
    assert path.read_text(encoding="utf-8") == before


def test_the_export_fills_each_stage_in_its_column(root: Path, tmp_path: Path) -> None:
    staged_year(root)
    book = tmp_path / "s.xlsx"
    assert cli("sheet", "export", "demo", "2024", "--data", str(root), "-o", str(book)).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Thái Bình"]
    rows = {r[8]: r[3:8] for r in sheet.iter_rows(values_only=True) if len(r) > 8 and r[8]}
    assert rows["giam-ngheo"] == (15, 14, "Số liệu hộ nghèo cập nhật sau rà soát cuối năm", 14.5,
                                  "Chưa đạt chỉ tiêu giảm nghèo đa chiều theo Nghị quyết HĐND tỉnh")
    assert rows["y-te"] == (14, None, None, 14, None)
    matrix = tmp_path / "m.xlsx"
    assert cli("sheet", "export", "demo", "2024", "--layout", "matrix", "--data", str(root), "-o", str(matrix)).exit_code == 0
    cells = openpyxl.load_workbook(matrix)["Tổng hợp"]
    by_id = {r[-1]: r for r in cells.iter_rows(values_only=True) if r[-1]}
    assert by_id["giam-ngheo"][9:11] == (14, 12)  # Ninh Bình: tự chấm, thẩm định


@pytest.mark.parametrize(("read", "exported", "expected"), [
    ({"final": 9.5}, False, 9.5),
    ({"appraised": 9.5, "final": 9.5}, True, 9.5),  # thidua's own sheet: Điểm cuối is the formula
    ({"self": 9.0, "final": 9.0}, True, {"self": 9.0}),  # ... so a self-score alone stays one
    ({"self": 9.0, "final": 9.0}, False, {"self": 9.0, "final": 9.0}),  # a clerk's final is final
    ({"self": 9.0, "appraised": 8.0, "note": "thiếu"}, False, {"self": 9.0, "appraised": 8.0, "reason": "thiếu"}),
    ({"self": 9.0, "appraised": 9.0, "note": "đủ"}, False, {"self": 9.0, "appraised": 9.0, "note": "đủ"}),
    ({"note": "không chấm"}, False, None),
])
def test_sheet_score_forms(read: dict[str, float | str], exported: bool, expected: object) -> None:
    assert sheet_score(read, exported) == expected
