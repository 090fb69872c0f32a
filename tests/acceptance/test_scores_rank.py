"""``rank`` and ``awards`` over a real-shaped scoring year: stages, computations, groups, bands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import flat
from thidua.cli.app import app
from thidua.services.validate import validate_paths

EXAMPLES = Path(__file__).parents[1] / "examples"
REGISTRY = Path(__file__).parents[2] / "data" / "provinces.yaml"
runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(REGISTRY, root / "provinces.yaml")
    shutil.copy(EXAMPLES / "valid" / "scores-2024.yaml", root / "clusters" / "demo" / "2024.yaml")
    return root


def run(data: Path, *args: str) -> dict | list | str:
    result = runner.invoke(app, ["--lang", "en", *args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "json" in args else result.stdout


def test_every_valid_example_is_clean(tmp_path: Path) -> None:
    for example in sorted((EXAMPLES / "valid").glob("*.yaml")):
        root = tmp_path / example.stem
        shutil.copytree(EXAMPLES / "base", root)
        shutil.copy(REGISTRY, root / "provinces.yaml")
        shutil.copy(example, root / "clusters" / "demo" / "2024.yaml")
        assert [d.code for d in validate_paths([root]).diagnostics] == [], example.name


def test_ranking_counts_final_else_appraised_and_computed_points(data: Path) -> None:
    (standing,) = run(data, "rank", "2024", "--cluster", "demo", "--format", "json")
    totals = {e["member"]: e["total"] for e in standing["ranking"]}
    # nam-dinh: 20 + 20 + 20 + 15 (appraised) + 14.5 + 10 + 2.5 bonus
    assert totals["nam-dinh"] == 102
    # thai-binh: 13⅓ (leader-relative) + 20 (ratio capped) + 17 7/9 (best) + 14.5 (final) + 14 + 10
    assert totals["thai-binh"] == pytest.approx(40 / 3 + 20 + 160 / 9 + 14.5 + 14 + 10, abs=1e-6)
    # ninh-binh: 120/13 + 18 + 16 + 12 (appraised) + 13 + 0 (not passed) − 2 (2 × 1 deducted)
    assert totals["ninh-binh"] == pytest.approx(120 / 13 + 18 + 16 + 12 + 13 - 2, abs=1e-6)
    assert [e["member"] for e in standing["ranking"]] == ["nam-dinh", "thai-binh", "ha-nam", "ninh-binh"]
    assert {e["member"]: e["band"] for e in standing["ranking"]} == {"nam-dinh": "xuat-sac", "thai-binh": "hoan-thanh", "ha-nam": "hoan-thanh", "ninh-binh": "hoan-thanh"}
    assert standing["ranking"][0]["groups"] == {"kinh-te": 60.0, "xa-hoi": 29.5, "thi-dua": 10.0}
    assert [g["number"] for g in standing["groups_declared"]] == ["I", "II", "III"]
    assert [(d["member"], d["indicator"], d["self"], d["appraised"], d["final"]) for d in standing["differences"]] == [
        ("thai-binh", "giam-ngheo", 15, 14, 14.5),
        ("ninh-binh", "giam-ngheo", 14, 12, None),
    ]


def test_explain_shows_the_stages_the_reason_and_the_computation(data: Path) -> None:
    text = flat(run(data, "rank", "2024", "--cluster", "demo", "--explain", "thai-binh"))
    assert "Marked down on Giảm tỷ lệ hộ nghèo: self-score 15 → appraised 14; reason: Chưa đạt chỉ tiêu giảm nghèo đa chiều" in text
    assert "final score 14.5 after the explanation: Số liệu hộ nghèo cập nhật sau rà soát cuối năm" in text
    assert "Tốc độ tăng trưởng GRDP: above target: ½ × 20 + (excess 7.69% ÷ the leader's 23.08%) × ½ × 20 = 13.33" in text
    assert "Thu ngân sách nhà nước so với dự toán: 20 × 21,000 / 20,000 tỷ đồng = 20 (capped)" in text
    assert "missed Hoàn thành tốt: Tốc độ tăng trưởng GRDP at 66.67% of its maximum, under the floor 80%" in text
    (standing,) = run(data, "rank", "2024", "--cluster", "demo", "--explain", "thai-binh", "--format", "json")
    rows = {i["indicator"]: i for i in standing["explain"]["indicators"]}
    assert (rows["giam-ngheo"]["stage"], rows["giam-ngheo"]["self"], rows["giam-ngheo"]["appraised"]) == ("final", 15, 14)
    assert rows["grdp"]["stage"] == "computed"
    assert rows["grdp"]["computation"]["leader"] == "nam-dinh" and rows["grdp"]["computation"]["unit"] == "%"
    assert standing["explain"]["band"] == "hoan-thanh"


def test_explain_in_vietnamese(data: Path) -> None:
    result = runner.invoke(app, ["--lang", "vi", "rank", "2024", "--cluster", "demo", "--explain", "ninh-binh", "--data", str(data)])
    assert flat("Bị trừ điểm ở Giảm tỷ lệ hộ nghèo: tự chấm 14 → thẩm định 12; lý do: Tỷ lệ hộ nghèo giảm 0,8 %, chỉ tiêu 1 %") in flat(result.stdout)
    assert flat("Tốc độ tăng trưởng GRDP: dưới hoặc bằng chỉ tiêu: ½ × 20 × 6 / 6,5 % = 9,23") in flat(result.stdout)
    assert flat("Điểm trừ: vi phạm bị kiểm điểm: 2 × 1 = 2") in flat(result.stdout)


def test_differences_view_in_text_and_csv(data: Path) -> None:
    text = flat(run(data, "rank", "2024", "--cluster", "demo", "--differences"))
    assert "Self-scores changed by the appraisal (2):" in text
    assert "- Ninh Bình, Giảm tỷ lệ hộ nghèo: self 14 → appraised 12, final — (-2); reason: Tỷ lệ hộ nghèo giảm 0,8 %, chỉ tiêu 1 %" in text
    csv = run(data, "rank", "2024", "--cluster", "demo", "--differences", "--format", "csv")
    lines = str(csv).splitlines()
    assert lines[0] == "\ufeffcluster,year,member,name,indicator,indicator_name,self,appraised,final,change,reason,explanation"
    assert len(lines) == 3 and lines[2].startswith("demo,2024,ninh-binh,Ninh Bình,giam-ngheo,")


def test_ranking_text_and_csv_show_groups_and_bands(data: Path) -> None:
    text = str(run(data, "rank", "2024", "--cluster", "demo"))
    assert "Criteria groups: I. Phát triển kinh tế (max 60); II. Văn hóa - xã hội (max 30)" in text
    assert "Hoàn thành xuất sắc" in text
    csv = str(run(data, "rank", "2024", "--cluster", "demo", "--format", "csv")).splitlines()
    head = csv[0].split(",")  # the table's order: the groups as declared, then the band
    assert ",total,group:kinh-te,group:xa-hoi,group:thi-dua,band,scored," in csv[0]
    assert csv[1].split(",")[head.index("band")] == "xuat-sac"


def test_an_award_step_requiring_a_band_passes_over_members_without_it(data: Path) -> None:
    (result,) = run(data, "awards", "2024", "--cluster", "demo", "--format", "json")
    assert [(r["member"], r["award"], r["band"]) for r in result["recommendations"]] == [("nam-dinh", "co-thi-dua-chinh-phu", "xuat-sac")]
    missed = {m["member"]: m for m in result["near_misses"]}
    assert missed["thai-binh"]["kind"] == "ineligible"
    assert missed["thai-binh"]["reason"]["params"]["failures"][0]["code"] == "awards.fail.band"
    assert [b["id"] for b in result["bands"]] == ["xuat-sac", "tot", "kha", "hoan-thanh"]


def test_ranking_workbook_has_the_band_column(data: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "rank.xlsx"
    run(data, "rank", "2024", "--cluster", "demo", "--format", "xlsx", "--output", str(out))
    sheet = load_workbook(out).worksheets[0]
    heads = [c.value for c in sheet[3]]
    assert heads[3:6] == ["I. Phát triển kinh tế", "II. Văn hóa - xã hội", "III. Công tác thi đua, khen thưởng"]
    assert heads[-1] == "Xếp loại" and sheet.cell(4, len(heads)).value == "Hoàn thành xuất sắc"


def _documents(data: Path, year: int = 2024):
    from thidua.domain.awards import recommend
    from thidua.output.dossier.build import bao_cao, bien_ban, to_trinh
    from thidua.repository.loader import load_repository

    result = recommend(load_repository(data).clusters["demo"].years[year])
    return to_trinh(result), bien_ban(result), bao_cao(result, "nam-dinh", "co-thi-dua-chinh-phu")


def _ranking_table(document):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "TT" and t.rows[0].cells[1].text == "Đơn vị" and "Xếp hạng" in [c.text for c in t.rows[0].cells])


def test_the_proposal_shows_each_members_band(data: Path) -> None:
    proposal, minutes, report = _documents(data)
    for document in (proposal, minutes):
        table = _ranking_table(document)
        assert [c.text for c in table.rows[0].cells] == ["TT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Đề nghị khen thưởng"]
        assert [r.cells[4].text for r in table.rows[1:]] == ["Hoàn thành xuất sắc", "Hoàn thành", "Hoàn thành", "Hoàn thành"]
        assert [r.cells[5].text for r in table.rows[1:2]] == ["Cờ thi đua của Chính phủ"]
        widths = [round(c.width.mm) for c in table.rows[0].cells]
        assert sum(widths) == 165 and max(widths) == widths[5] and min(widths[1], widths[4], widths[5]) >= 25, widths
    sentence = next(p.text for p in report.paragraphs if "xếp thứ" in p.text)
    assert "xếp thứ 1/4 đơn vị thành viên, xếp loại Hoàn thành xuất sắc; được" in sentence, sentence


def test_a_cluster_without_bands_has_no_band_column(data: Path) -> None:
    year = data / "clusters" / "demo" / "2024.yaml"
    text = year.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith(("  bands:", "    - {id: "))]
    year.write_text("\n".join(kept).replace(", band: xuat-sac", "").replace(", band: tot", "") + "\n", encoding="utf-8")
    proposal, minutes, report = _documents(data)
    for document in (proposal, minutes):
        table = _ranking_table(document)
        assert [c.text for c in table.rows[0].cells] == ["TT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"]
        assert len(table.rows[1].cells) == 5
        assert "Xếp loại" not in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    sentence = next(p.text for p in report.paragraphs if "xếp thứ" in p.text)
    assert "xếp loại" not in sentence and "đơn vị thành viên; được" in sentence, sentence
