"""The award dossier: Decree 30 details of the drafts, the Báo cáo thành tích, templates, PDF.

Every test reads the written .docx back (python-docx, or the XML for what python-docx hides);
the PDF test runs LibreOffice and reads the PDF with poppler (pdfinfo, pdftotext).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from support import DATA, ROOT, copy_data, runner
from thidua.cli.app import app
from thidua.domain.awards import recommend
from thidua.domain.legal_bases import legal_bases
from thidua.domain.models import ClusterYear, DecidedAward, DocumentSettings, Meeting, Organiser, OrganiserLevel, Signer
from thidua.output.dossier.build import bao_cao, bien_ban, dossier, to_trinh
from thidua.output.dossier.context import cluster_context, report_context, reports_needed
from thidua.output.dossier.templates import DEFAULTS, TemplateProblem, render_template
from thidua.repository.loader import load_repository

WRITTEN = dt.datetime(2026, 3, 20, 9, 30)
WRITTEN_UTC = WRITTEN.replace(tzinfo=dt.UTC)  # python-docx reads W3CDTF back as UTC


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """python-docx 1.2 reads the stored time back as UTC-aware, 1.1 as naive UTC: compare either."""
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


@pytest.fixture(scope="module")
def repo():
    return load_repository(DATA)


def variant(repo, cluster_id: str = "dbsh", number: int = 2023, cluster: dict | None = None, **changes) -> ClusterYear:
    cy = repo.clusters[cluster_id].years[number]
    return ClusterYear(cy.cluster.model_copy(update=cluster or {}), cy.year.model_copy(update=changes), cy.rules, cy.units, cy.path)


def reread(document) -> docx.document.Document:
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def lines(document) -> list[str]:
    """Body paragraphs and table cells in document order, non-breaking spaces shown as spaces."""
    out = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for paragraph in child.iter(qn("w:p")):
                out.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return [line.replace("\u00a0", " ") for line in out]


def text(document) -> str:
    return "\n".join(lines(document))


def date_line(document) -> str:
    return next(line for line in lines(document) if re.search(r", ngày .* tháng .* năm ", line))


# --------------------------------------------------------------------------- Decree 30 details


@pytest.mark.parametrize("build", ["to_trinh", "bien_ban", "bao_cao"])
def test_layout_language_and_core_properties(repo, build) -> None:
    result = recommend(repo.clusters["dbsh"].years[2023])
    document = reread(bao_cao(result, "nam-dinh", "co-thi-dua-chinh-phu", written=WRITTEN) if build == "bao_cao" else {"to_trinh": to_trinh, "bien_ban": bien_ban}[build](result, WRITTEN))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm), round(section.right_margin.mm)) == (20, 30, 15)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt in (13, 14)
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.text.strip()}
    assert sizes <= {12, 13, 13.5, 14}, sizes
    styles = document.styles.element
    default_lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default_lang.get(qn("w:val")) == "vi-VN"
    for name in ("Normal", "Table Grid", "Header"):
        lang = document.styles[name].element.rPr.find(qn("w:lang"))
        assert lang is not None and lang.get(qn("w:val")) == "vi-VN", name
    assert "en-US" not in document.styles.element.xml
    props = document.core_properties
    assert props.author == "thidua" and props.last_modified_by == "thidua"
    assert ("Tỉnh Nam Định" if build == "bao_cao" else "Cụm thi đua các tỉnh đồng bằng sông Hồng") in props.title and props.subject == "Cụm thi đua các tỉnh đồng bằng sông Hồng"
    assert as_utc(props.created) == WRITTEN_UTC and as_utc(props.modified) == WRITTEN_UTC
    assert props.language == "vi-VN"


def test_date_line_names_the_issuing_seat_not_the_meeting_place(repo) -> None:
    cy = variant(repo, review=Meeting(date=dt.date(2024, 3, 13), place="Nghệ An"))
    document = reread(to_trinh(recommend(cy)))
    assert date_line(document) == "Thái Bình, ngày 13 tháng 3 năm 2024", "the chair's seat, not the meeting's place"
    assert "- Địa điểm: Nghệ An." in text(reread(bien_ban(recommend(cy)))), "the minutes still say where the meeting was"
    configured = variant(repo, cluster={"documents": DocumentSettings(seat="Thanh Hóa")}, review=Meeting(date=dt.date(2024, 3, 13), place="Nghệ An"))
    assert date_line(reread(to_trinh(recommend(configured)))) == "Thanh Hóa, ngày 13 tháng 3 năm 2024"
    by_year = variant(repo, cluster={"documents": DocumentSettings(seat="Thanh Hóa")}, documents=DocumentSettings(seat="Hà Tĩnh"))
    assert date_line(reread(to_trinh(recommend(by_year)))).startswith("Hà Tĩnh, "), "the year's setting wins"


def test_names_in_the_issuing_body_never_break(repo) -> None:
    document = reread(to_trinh(recommend(repo.clusters["nam-dinh-cap-huyen"].years[2022])))
    header = document.tables[0].rows[0].cells[0]
    cluster_line = header.paragraphs[1].text
    assert "NAM\u00a0ĐỊNH" in cluster_line and "THÀNH\u00a0PHỐ" in cluster_line, cluster_line
    document = reread(to_trinh(recommend(repo.clusters["dbsh"].years[2023])))
    assert document.tables[0].rows[0].cells[0].paragraphs[0].text == "UBND TỈNH\u00a0THÁI\u00a0BÌNH", "may break after UBND only"
    widths = [round(c.width.mm) for c in document.tables[0].rows[0].cells]
    assert widths[0] >= 70


def test_kinh_gui_quotes_and_award_column(repo) -> None:
    document = reread(to_trinh(recommend(repo.clusters["dbsh"].years[2023])))
    kinh_gui = next(line for line in lines(document) if line.startswith("Kính gửi"))
    assert kinh_gui == "Kính gửi: Ban Thi đua - Khen thưởng Trung ương", "no stray full stop"
    ranking = document.tables[1]
    award_cells = [row.cells[4] for row in ranking.rows]
    assert {r.font.size.pt for c in award_cells for p in c.paragraphs for r in p.runs} == {13}
    assert round(award_cells[0].width.mm) >= 75, "the widest column holds the longest text"
    nam_dinh = reread(to_trinh(recommend(repo.clusters["nam-dinh-cap-huyen"].years[2022])))
    assert "Cờ “Đơn vị dẫn đầu phong trào thi đua”" in text(nam_dinh) and '"' not in text(nam_dinh)


def numbered(section: list[str]) -> list[str]:
    return [m.group(1) for line in section if (m := re.match(r"^(\d+(?:\.\d+)*)\. ", line))]


def test_bien_ban_numbering_is_continuous(repo) -> None:
    document = reread(bien_ban(recommend(repo.clusters["dbsh"].years[2023])))
    all_lines = lines(document)
    heads = [i for i, line in enumerate(all_lines) if re.match(r"^(I|II|III|IV)\. ", line)]
    sections = [all_lines[a:b] for a, b in zip(heads, [*heads[1:], len(all_lines)], strict=True)]
    for section in sections:
        numbers = [n for n in numbered(section) if not section[0].startswith("III.") or True]
        top = [n for n in numbers if "." not in n]
        assert top == [str(i) for i in range(1, len(top) + 1)], (section[0], numbers)
        assert len(numbers) == len(set(numbers)), (section[0], numbers)
    participants = numbered(sections[1])
    assert participants == ["1", "2", "3", "4"], "members are listed with dashes, the invited guests stay item 4"
    assert numbered(sections[2]) == ["1", "2", "3", "3.1", "3.2"]


# --------------------------------------------------------------------------- legal bases


@pytest.mark.parametrize(
    ("day", "cited", "absent"),
    [
        (dt.date(2023, 3, 30), ["Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003", "91/2017/NĐ-CP", "12/2019/TT-BNV"], ["06/2022/QH15", "98/2023"]),
        (dt.date(2024, 3, 13), ["06/2022/QH15", "98/2023/NĐ-CP", "01/2024/TT-BNV"], ["91/2017", "152/2025"]),
        (dt.date(2025, 9, 10), ["06/2022/QH15", "152/2025/NĐ-CP"], ["98/2023/NĐ-CP ngày", "91/2017"]),
    ],
)
def test_legal_bases_follow_the_meeting_date(repo, day, cited, absent) -> None:
    cy = variant(repo, review=Meeting(date=day, place="Thái Bình"))
    result = recommend(cy)
    for document in (to_trinh(result), bien_ban(result), bao_cao(result, "nam-dinh", "co-thi-dua-chinh-phu")):
        body = text(reread(document))
        for expected in cited:
            assert expected in body, (day, expected)
        for unexpected in absent:
            assert unexpected not in body, (day, unexpected)
    assert legal_bases(dt.date(2025, 6, 30)) != legal_bases(dt.date(2025, 7, 1))


# --------------------------------------------------------------------------- signer and organiser


def signature_lines(document) -> list[str]:
    cell = document.tables[-1].rows[0].cells[1]
    return [p.text.replace("\u00a0", " ") for p in cell.paragraphs if p.text.strip()]


def test_signer_default_and_named(repo) -> None:
    plain = signature_lines(reread(to_trinh(recommend(repo.clusters["dbsh"].years[2023]))))
    assert plain[:3] == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "CHỦ TỊCH UBND TỈNH THÁI BÌNH"]
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in plain
    deputy = DocumentSettings(signer=Signer(name="Nguyễn Văn A", title="Phó Chủ tịch", on_behalf="KT."))
    signed = signature_lines(reread(to_trinh(recommend(variant(repo, documents=deputy)))))
    assert signed == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "KT. CHỦ TỊCH UBND TỈNH THÁI BÌNH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    chairman = DocumentSettings(signer=Signer(name="Trần Thị B"))
    assert signature_lines(reread(to_trinh(recommend(variant(repo, cluster={"documents": chairman})))))[-2:] == ["CHỦ TỊCH UBND TỈNH THÁI BÌNH", "Trần Thị B"]


def test_party_committee_organiser_heads_the_documents(repo) -> None:
    organiser = Organiser(level=OrganiserLevel.province, name="Tỉnh ủy Nam Định", unit="nam-dinh")
    cy = variant(repo, "nam-dinh-cap-huyen", 2022, cluster={"organiser": organiser})
    document = reread(to_trinh(recommend(cy)))
    header = document.tables[0].rows[0].cells[0].paragraphs[0].text.replace("\u00a0", " ")
    assert header == "TỈNH ỦY NAM ĐỊNH"
    assert "UBND" not in "\n".join(lines(document)[:4])
    assert "Kính gửi: Tỉnh ủy Nam Định" in text(document)


# --------------------------------------------------------------------------- Báo cáo thành tích


def test_reports_only_for_state_level_awards(repo) -> None:
    assert reports_needed(recommend(repo.clusters["dbsh"].years[2023])) == [("nam-dinh", "co-thi-dua-chinh-phu"), ("hung-yen", "bang-khen-thu-tuong"), ("quang-ninh", "bang-khen-thu-tuong")]
    assert reports_needed(recommend(repo.clusters["nam-dinh-cap-huyen"].years[2022])) == []


def test_bao_cao_sections_facts_and_previous_awards(repo) -> None:
    result = recommend(repo.clusters["dbsh"].years[2023])
    earlier = variant(repo, "dbsh", 2023, year=2022)
    document = reread(bao_cao(result, "nam-dinh", "co-thi-dua-chinh-phu", [earlier, repo.clusters["dbsh"].years[2023]]))
    body = text(document)
    for expected in (
        "UBND TỈNH NAM ĐỊNH",
        "Nam Định, ngày 13 tháng 3 năm 2024",
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng Cờ thi đua của Chính phủ",
        "Tên tập thể đề nghị khen thưởng: Tỉnh Nam Định",
        "I. ĐẶC ĐIỂM, TÌNH HÌNH",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
        "Tỉnh Nam Định đạt 96,5 điểm, xếp thứ 1/9",
        "Tốc độ tăng trưởng kinh tế (GRDP) so với kế hoạch",
        "TM. UBND TỈNH NAM ĐỊNH",
    ):
        assert expected in body, expected
    history = document.tables[-2]
    assert [c.text for c in history.rows[1].cells[:2]] == ["2022", "Cờ thi đua của Chính phủ"], "the decided award of 2022, not the 2023 one"
    assert len(history.rows) == 2
    fills = [r for p in document.paragraphs for r in p.runs if r.text.startswith("[Đơn vị bổ sung:")]
    assert len(fills) >= 4 and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in fills)


def test_previous_awards_follow_predecessors(repo) -> None:
    from thidua.domain.dossier import lineage, previous_awards

    units = repo.clusters["tp-truc-thuoc-tw"].years[2025].units
    merged = next(u for u in units if u.predecessors)
    assert lineage(merged.id, units)[0] == merged.id and set(merged.predecessors) <= set(lineage(merged.id, units))
    old = merged.predecessors[0]
    cy = variant(repo, awards=[DecidedAward(member=old, award="bang-khen-thu-tuong")])
    found = previous_awards(merged.id, 2026, [cy], units)
    assert [(a.year, a.unit, a.award) for a in found] == [(2023, old, "bang-khen-thu-tuong")]


# --------------------------------------------------------------------------- templates


def test_default_templates_render_with_every_variable(repo) -> None:
    result = recommend(repo.clusters["dbsh"].years[2023])
    to = docx.Document(io.BytesIO(render_template(DEFAULTS / "to-trinh.docx", cluster_context(result, "to-trinh"))))
    assert "Thái Bình, ngày 13 tháng 3 năm 2024" in text(to) and "- Tỉnh Nam Định (xếp thứ 1, 96,5 điểm);" in text(to)
    assert "{{" not in text(to) and "{%" not in text(to)
    bb = docx.Document(io.BytesIO(render_template(DEFAULTS / "bien-ban.docx", cluster_context(result, "bien-ban"))))
    assert "3.2. Bằng khen của Thủ tướng Chính phủ: 02 tập thể" in text(bb) and "Số: ……/BB-CTĐ" in text(bb)
    bc = docx.Document(io.BytesIO(render_template(DEFAULTS / "bao-cao-thanh-tich.docx", report_context(result, "nam-dinh", "co-thi-dua-chinh-phu", []))))
    assert "Đề nghị tặng Cờ thi đua của Chính phủ" in text(bc) and "Nam Định, ngày 13 tháng 3 năm 2024" in text(bc)
    assert "{{" not in text(bc) and "{%" not in text(bc)


def test_default_templates_are_reproducible() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_doc_templates.py"), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def edited_copy(source: Path, target: Path, old: str, new: str) -> None:
    """The default template with one run's text changed, as a province would in Word."""
    document = docx.Document(str(source))
    runs = [r for p in document.paragraphs for r in p.runs if old in r.text]
    assert runs, old
    runs[0].text = runs[0].text.replace(old, new)
    document.save(str(target))


def test_a_data_template_replaces_the_default(repo, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    edited_copy(DEFAULTS / "to-trinh.docx", templates / "to-trinh.docx", "Kính gửi:", "Kính trình:")
    files = dossier(recommend(repo.clusters["dbsh"].years[2023]), [], templates, WRITTEN)
    document = docx.Document(io.BytesIO(files[0].data))
    assert files[0].name == "dbsh-2023-to-trinh.docx"
    assert "Kính trình: Ban Thi đua - Khen thưởng Trung ương" in text(document), "the repository's own template"
    assert "Kính gửi" not in text(document)
    assert document.core_properties.author == "thidua" and as_utc(document.core_properties.created) == WRITTEN_UTC
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    default = docx.Document(io.BytesIO(dossier(recommend(repo.clusters["dbsh"].years[2023]), [], None, WRITTEN)[0].data))
    assert "Kính gửi: Ban Thi đua - Khen thưởng Trung ương" in text(default), "without templates/ the shipped default"


def template_with(path: Path, *paragraphs: str) -> None:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


def problem(repo, template: Path, name: str = "to-trinh") -> TemplateProblem:
    with pytest.raises(TemplateProblem) as caught:
        dossier(recommend(repo.clusters["dbsh"].years[2023]), [], template.parent, WRITTEN)
    assert caught.value.template == template and template.name == f"{name}.docx"
    return caught.value


def test_unknown_field_is_td801_with_its_paragraph(repo, tmp_path: Path) -> None:
    template_with(tmp_path / "to-trinh.docx", "Kính gửi: {{ organiser.name }}", "Người ký: {{ signer.chuc_danh }}")
    found = problem(repo, tmp_path / "to-trinh.docx")
    assert (found.code, found.params) == ("TD801", {"field": "signer.chuc_danh", "paragraph": 2, "text": "Người ký: {{ signer.chuc_danh }}"})


def test_unknown_field_in_a_branch_the_data_does_not_take(repo, tmp_path: Path) -> None:
    template_with(tmp_path / "bien-ban.docx", "{%p if not ranking %}", "{{ meeting.gio }}", "{%p endif %}")
    found = problem(repo, tmp_path / "bien-ban.docx", "bien-ban")
    assert (found.code, found.params["field"], found.params["paragraph"]) == ("TD801", "meeting.gio", 2)


def test_unknown_top_level_name_is_td801(repo, tmp_path: Path) -> None:
    template_with(tmp_path / "to-trinh.docx", "Năm {{ year }}", "Chủ tịch: {{ chu_tich }}")
    found = problem(repo, tmp_path / "to-trinh.docx")
    assert (found.code, found.params["field"], found.params["paragraph"]) == ("TD801", "chu_tich", 2)


def test_unknown_field_of_a_report_only_field(repo, tmp_path: Path) -> None:
    template_with(tmp_path / "bao-cao-thanh-tich.docx", "{{ unit.full_name }}: {{ unit.dien_tich }} km²")
    found = problem(repo, tmp_path / "bao-cao-thanh-tich.docx", "bao-cao-thanh-tich")
    assert (found.code, found.params["field"]) == ("TD801", "unit.dien_tich")


def test_broken_tag_is_td802(repo, tmp_path: Path) -> None:
    template_with(tmp_path / "to-trinh.docx", "Năm {{ year }}", "Kính gửi: {{ organiser.name }", "{%p for x in facts %}")
    found = problem(repo, tmp_path / "to-trinh.docx")
    assert (found.code, found.params["paragraph"], found.params["text"]) == ("TD802", 2, "Kính gửi: {{ organiser.name }")


def test_not_a_word_file_is_td803(repo, tmp_path: Path) -> None:
    (tmp_path / "to-trinh.docx").write_text("saved as text", encoding="utf-8")
    assert problem(repo, tmp_path / "to-trinh.docx").code == "TD803"


def test_unknown_field_through_the_cli_exits_1_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    copy_data(tmp_path / "data")
    (tmp_path / "templates").mkdir()
    template_with(tmp_path / "templates" / "bao-cao-thanh-tich.docx", "Kính gửi: {{ organiser.name }}", "Người ký: {{ signer.chuc_danh }}")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["--lang", "en", "awards", "2023", "--data", "data", "--docx", "out"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "templates/bao-cao-thanh-tich.docx: error TD801 the template uses the field 'signer.chuc_danh', which the data does not have (paragraph 2: “Người ký: {{ signer.chuc_danh }}”)",
        "  use one of the fields listed in docs/awards.md#templates (check the spelling), or delete the template to use the default",
        "thidua: no document was written: a Word template in templates/ has an error (docs/awards.md#templates)",
    ]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir()), "a bad template writes nothing"


# --------------------------------------------------------------------------- PDF


def test_pdf_without_libreoffice_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--lang", "en", "awards", "2023", "--data", str(DATA), "--docx", str(tmp_path), "--pdf"], env={"PATH": str(tmp_path / "nowhere")})
    assert result.exit_code == 1
    assert result.stderr.strip() == "thidua: --pdf: LibreOffice (soffice) is not installed; install it (e.g. apt install libreoffice-writer) or drop --pdf"
    assert not list(tmp_path.iterdir()), "nothing written when the PDF cannot be made"


def test_pdf_needs_docx() -> None:
    assert runner.invoke(app, ["awards", "2023", "--data", str(DATA), "--pdf"]).exit_code == 2


NO_OFFICE = shutil.which("soffice") is None and not os.environ.get("CI")


@pytest.mark.skipif(NO_OFFICE, reason="LibreOffice is not installed (required under CI=true)")
def test_pdf_rendering_through_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["--lang", "en", "awards", "2023", "--cluster", "dbsh", "--data", str(DATA), "--docx", str(out), "--pdf"])
    assert result.exit_code == 0, result.stderr
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert pdfs == [
        "dbsh-2023-bao-cao-thanh-tich-hung-yen.pdf",
        "dbsh-2023-bao-cao-thanh-tich-nam-dinh.pdf",
        "dbsh-2023-bao-cao-thanh-tich-quang-ninh.pdf",
        "dbsh-2023-bien-ban.pdf",
        "dbsh-2023-to-trinh.pdf",
    ]
    info = subprocess.run(["pdfinfo", str(out / "dbsh-2023-to-trinh.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 1 <= pages <= 3, info
    assert re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M), info
    extracted = subprocess.run(["pdftotext", "-layout", str(out / "dbsh-2023-to-trinh.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", extracted)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH", "Thái Bình, ngày 13 tháng 3 năm 2024", "UBND TỈNH THÁI BÌNH", "Cờ thi đua của Chính phủ", "Nghị định số 98/2023/NĐ-CP"):
        assert expected in flat, expected
    fonts = subprocess.run(["pdffonts", str(out / "dbsh-2023-to-trinh.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Times|Liberation ?Serif", fonts), "a Times-metric font, not a fallback sans: " + fonts
    for name, low, high, expected in (
        ("bien-ban", 2, 4, ("BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2023", "Thái Bình, ngày 13 tháng 3 năm 2024", "4. Đại biểu mời", "Tổng số phiếu phát ra", "3.1. Cờ thi đua của Chính phủ: 01 tập thể", "CHỦ TRÌ")),
        ("bao-cao-thanh-tich-nam-dinh", 1, 3, ("BÁO CÁO THÀNH TÍCH", "UBND TỈNH NAM ĐỊNH", "Nam Định, ngày 13 tháng 3 năm 2024", "Tỉnh Nam Định đạt 96,5 điểm, xếp thứ 1/9", "Đơn vị bổ sung", "TM. UBND TỈNH NAM ĐỊNH")),
    ):
        path = out / f"dbsh-2023-{name}.pdf"
        count = pdf_pages(path)
        assert low <= count <= high, (name, count)
        flat = re.sub(r"\s+", " ", pdf_text(path))
        for line in expected:
            assert line in flat, (name, line)
        assert "{{" not in flat and "{%" not in flat, name
    pages = [pdf_text(out / "dbsh-2023-to-trinh.pdf", page) for page in range(1, pdf_pages(out / "dbsh-2023-to-trinh.pdf") + 1)]
    with_heading = next(p for p in pages if "II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG" in p)
    assert "Tỉnh Nam Định" in with_heading and "Tỉnh Vĩnh Phúc" in with_heading, "the ranking table is not split from its heading"
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in pages[-1] and "Kính đề nghị" in pages[-1], "the signature is not alone on its page"


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_data_text_is_escaped_and_never_evaluated_by_the_template(repo) -> None:
    name = 'Cụm A & B <x> "Đơn vị" {{ year }} {%p endfor %}'
    document = reread(to_trinh(recommend(variant(repo, cluster={"name": name}))))
    assert "Căn cứ Quy chế hoạt động của Cụm A & B <x> “Đơn vị” {{ year }} {%p endfor %};" in text(document)


def test_a_misnamed_template_is_a_td804_warning_not_silently_unused(tmp_path: Path, monkeypatch) -> None:
    copy_data(tmp_path / "data")
    (tmp_path / "templates").mkdir()
    edited_copy(DEFAULTS / "to-trinh.docx", tmp_path / "templates" / "to_trinh.docx", "Kính gửi:", "Kính trình:")
    (tmp_path / "templates" / "~$to-trinh.docx").write_bytes(b"Word's lock file")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["--lang", "en", "awards", "2023", "--cluster", "dbsh", "--data", "data", "--docx", "out"])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    at = lines.index("templates/to_trinh.docx: warning TD804 not one of the dossier's templates, so not used (the names are to-trinh.docx, bien-ban.docx, bao-cao-thanh-tich.docx)")
    assert lines[at + 1] == "  rename it to the document it replaces (saved as .docx), or move it out of templates/"
    assert "~$" not in result.stderr, "Word's lock files are not templates"
    assert "Kính gửi:" in text(docx.Document(str(tmp_path / "out" / "dbsh-2023-to-trinh.docx"))), "the default is used"
