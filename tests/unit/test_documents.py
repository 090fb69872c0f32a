"""The Tờ trình and Biên bản drafts: reopened with python-docx, checked for text and layout.

No LibreOffice here: what is checked is what Decree 30/2020/NĐ-CP prescribes and python-docx can
read back (page size, margins, font, the national title and motto, the number and date lines, the
proposals, the recipients and signatures).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from support import DATA
from thidua.domain.awards import recommend, recommend_year
from thidua.domain.models import ClusterYear
from thidua.output.docx import to_bytes
from thidua.output.dossier.build import bien_ban, to_trinh
from thidua.output.dossier.context import date_words
from thidua.repository.loader import load_repository


@pytest.fixture(scope="module")
def repo():
    return load_repository(DATA)


@pytest.fixture(scope="module")
def results(repo):
    cys = [cy for year in (2022, 2023, 2024) for cy in repo.cluster_years(year)]
    return {(r.cluster, r.year): r for r in recommend_year(cys, cys)}


def reopen(document, tmp_path: Path, name: str = "doc.docx"):
    path = tmp_path / name
    path.write_bytes(to_bytes(document))
    return docx.Document(str(path))


def all_text(document) -> str:
    """Body paragraphs and every table cell, in order, one paragraph a line."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return "\n".join(lines).replace("\u00a0", " ")  # names are bound by non-breaking spaces


def find_run(document, text: str):
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        if run.text == text:
                            return run
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text == text:
                return run
    raise AssertionError(f"no run {text!r}")


def test_to_trinh_text_dbsh_2023(results, tmp_path: Path) -> None:
    doc = reopen(to_trinh(results[("dbsh", 2023)]), tmp_path)
    text = all_text(doc)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH THÁI BÌNH",
        "CỤM THI ĐUA CÁC TỈNH ĐỒNG BẰNG SÔNG HỒNG",
        "Số: ……/TTr-CTĐ",
        "Thái Bình, ngày 13 tháng 3 năm 2024",
        "TỜ TRÌNH",
        "Kính gửi: Ban Thi đua - Khen thưởng Trung ương\n",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "1. Cờ thi đua của Chính phủ: 01 tập thể",
        "- Tỉnh Nam Định (xếp thứ 1, 96,5 điểm);",
        "2. Bằng khen của Thủ tướng Chính phủ: 02 tập thể",
        "- Tỉnh Hưng Yên (xếp thứ 2, 95 điểm);",
        "- Tỉnh Quảng Ninh (xếp thứ 3, 94 điểm);",
        "Tổng thu ngân sách nhà nước của các tỉnh trong Cụm: 235.028 tỷ đồng;",
        "Tốc độ tăng trưởng GRDP bình quân các tỉnh trong Cụm: 6,3%;",
        "Ghi chú: điểm trong bảng là điểm minh hoạ",
        "Nơi nhận:",
        "- Như trên;",
        "CỤM TRƯỞNG",
        "CHỦ TỊCH UBND TỈNH THÁI BÌNH",
        "(Ký, ghi rõ họ tên, đóng dấu)",
    ):
        assert expected in text, expected
    for name in ("Tỉnh Bắc Ninh", "Tỉnh Vĩnh Phúc", "96,5", "91,5"):
        assert name in text, "the ranking table lists every member with Vietnamese numbers"


def test_layout_follows_decree_30(results, tmp_path: Path) -> None:
    doc = reopen(to_trinh(results[("dbsh", 2023)]), tmp_path)
    section = doc.sections[0]
    mm = {k: round(getattr(section, k).mm, 1) for k in ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210, 297), "A4 (stored in twips: compared to 0.1 mm)"
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14
    runs = [r for p in doc.paragraphs for r in p.runs] + [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.name in (None, "Times New Roman") for r in runs)
    title = find_run(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert title.bold and 12 <= title.font.size.pt <= 13
    motto = find_run(doc, "Độc lập - Tự do - Hạnh phúc")
    assert motto.bold and motto.underline and 13 <= motto.font.size.pt <= 14
    assert find_run(doc, "Thái Bình, ngày 13 tháng 3 năm 2024").italic
    assert find_run(doc, "TỜ TRÌNH").bold
    body = next(p for p in doc.paragraphs if p.text.startswith("Cụm thi đua các tỉnh đồng bằng sông Hồng năm 2023 gồm"))
    assert body.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    assert find_run(doc, "Nơi nhận:").bold


def test_bien_ban_lists_time_place_attendees_and_vote_blanks(results, tmp_path: Path) -> None:
    doc = reopen(bien_ban(results[("dbsh", 2023)]), tmp_path)
    text = all_text(doc)
    for expected in (
        "Số: ……/BB-CTĐ",
        "BIÊN BẢN",
        "Họp bình xét thi đua, khen thưởng năm 2023",
        "- Thời gian: vào hồi …… giờ …… phút, ngày 13 tháng 3 năm 2024.",
        "- Địa điểm: Thái Bình.",
        "1. Chủ trì: đồng chí",
        "đại diện lãnh đạo UBND tỉnh Thái Bình, Cụm trưởng năm 2023.",
        "2. Thư ký: ……",
        "3. Đại diện 9 đơn vị thành viên Cụm:",
        "- Tỉnh Quảng Ninh: đồng chí",
        "Tổng số phiếu phát ra: ……",
        "……/……",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "- Tỉnh Nam Định (xếp thứ 1, 96,5 điểm);",
    ):
        assert expected in text, expected


def test_bien_ban_shows_recorded_votes(results, tmp_path: Path) -> None:
    text = all_text(reopen(bien_ban(results[("mien-nui-bien-gioi-phia-bac", 2024)]), tmp_path))
    assert "Tổng số phiếu phát ra: 7; số phiếu thu về: 7; số phiếu hợp lệ: 7." in text
    assert "7/7" in text and "6/7" in text and "85,71" in text
    assert "Lào Cai, ngày 22 tháng 3 năm 2025" in text


def test_province_block_unknown_chair_and_place_leave_blanks(results, tmp_path: Path) -> None:
    text = all_text(reopen(to_trinh(results[("hai-duong-cap-huyen", 2023)]), tmp_path))
    assert "UBND ……" in text, "the chair is not recorded: the issuing committee is left to fill"
    assert "……, ngày 28 tháng 3 năm 2024" in text
    assert "Số: ……/TTr-KTĐ" in text, "a khối numbers its papers KTĐ"
    assert "Kính gửi: Ủy ban nhân dân tỉnh Hải Dương\n" in text
    assert "KHỐI TRƯỞNG" in text
    assert "- Thành phố Hải Dương (xếp thứ 1, 96 điểm);" in text
    assert "2. Cờ thi đua của UBND tỉnh: 01 tập thể" in text
    assert "3. Bằng khen của Chủ tịch UBND tỉnh: 02 tập thể" in text
    assert "- Ban Thi đua - Khen thưởng Trung ương;" in text, "a province's Government-flag proposal goes on to the Board"


def test_before_2024_the_2022_law_is_not_cited(results, tmp_path: Path) -> None:
    text = all_text(reopen(to_trinh(results[("nam-dinh-cap-huyen", 2022)]), tmp_path))
    assert "06/2022/QH15" not in text and "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;" in text
    assert "ngày …… tháng …… năm ……" in text, "no review date recorded: blanks"
    assert '1. Cờ “Đơn vị dẫn đầu phong trào thi đua”: 02 tập thể' in text


def test_a_tie_at_the_line_is_left_to_the_meeting(repo, tmp_path: Path) -> None:
    cy = repo.clusters["dbsh"].years[2023]
    scores = {m: dict(s) for m, s in cy.year.scores.items()}
    scores["bac-ninh"]["tang-truong-grdp"] = 9.5  # 94 points: level with Quảng Ninh
    year = cy.year.model_copy(update={"scores": scores, "awards": []})
    result = recommend(ClusterYear(cy.cluster, year, cy.rules, cy.units, cy.path))
    text = all_text(reopen(to_trinh(result), tmp_path))
    assert "2. Bằng khen của Thủ tướng Chính phủ: 02 tập thể" in text
    assert "- 01 suất trong số: Tỉnh Bắc Ninh, Tỉnh Quảng Ninh (cùng xếp thứ 3, 94 điểm): Hội nghị bình xét quyết định ……;" in text


def test_date_words_pad_day_and_early_months() -> None:
    assert date_words(dt.date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert date_words(dt.date(2024, 3, 13)) == "ngày 13 tháng 3 năm 2024"
    assert date_words(dt.date(2024, 12, 1)) == "ngày 01 tháng 12 năm 2024"
    assert date_words(None) == "ngày …… tháng …… năm ……"


def test_documents_are_written_atomically_and_never_overwritten_unasked(results, tmp_path: Path) -> None:
    from thidua.services.awards import write_documents

    chosen = [results[("dbsh", 2023)]]
    done = write_documents(chosen, tmp_path / "out")
    names = sorted(d.path.name for d in done if d.path)
    # the Tờ trình, the Biên bản and a Báo cáo thành tích per collective proposed for a state award
    assert {"dbsh-2023-to-trinh.docx", "dbsh-2023-bien-ban.docx"} < set(names)
    assert any("bao-cao" in name for name in names)
    assert {d.status for d in done} == {"wrote"}
    first = {d.path: d.path.read_bytes() for d in done if d.path}
    again = write_documents(chosen, tmp_path / "out")
    assert {d.status for d in again} == {"exists"} and len(again) == len(done)
    assert {p: p.read_bytes() for p in first} == first
    assert {d.status for d in write_documents(chosen, tmp_path / "out", force=True)} == {"wrote"}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names


def test_renderers_return_bytes_and_write_nothing(results, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = to_bytes(bien_ban(results[("dbsh", 2023)]))
    assert content[:2] == b"PK" and list(tmp_path.iterdir()) == []
    assert "BIÊN BẢN" in all_text(docx.Document(io.BytesIO(content)))
