"""Draft Tờ trình (proposal) and Biên bản (minutes) of a cluster-year, as .docx.

Layout follows Decree 30/2020/NĐ-CP on administrative documents: A4, Times New Roman, margins
top/bottom 20 mm, left 30 mm, right 15 mm; a borderless header table with the issuing body on the
left (the chair's people's committee over the cluster, bold, a short rule beneath) and the national
title and motto on the right, then the number and the place-and-date lines; the title in bold
capitals; a justified body in 14 pt; "Nơi nhận:" bottom left and the signature bottom right.

The documents are Vietnamese administrative documents whatever ``--lang`` says, so their text
lives here, in Vietnamese; numbers are written the Vietnamese way (235.028 tỷ đồng, 6,3%). What
the data does not know (a number, a time, a signatory's name) is left as dotted blanks to fill.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from thidua.domain.awards import AwardsResult
from thidua.domain.awards_catalogue import award_title
from thidua.domain.legal_bases import legal_bases
from thidua.domain.models import ClusterKind, DocumentSettings, OrganiserLevel, Signer, UnitType, document_settings
from thidua.domain.textsafe import document_text
from thidua.output.render.text import number

FONT = "Times New Roman"
BODY_PT = 14
BLANK = "……"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LANGUAGE = "vi-VN"
NBSP = "\u00a0"
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_COL_MM, RIGHT_COL_MM = 70, TEXT_WIDTH_MM - 70
ILLUSTRATIVE = (
    "Ghi chú: điểm trong bảng là điểm minh hoạ, không phải số liệu chấm điểm chính thức của {cum}; "
    "thay bằng bảng điểm thật trước khi trình ký."
)


# --------------------------------------------------------------------------- words


def _words(result: AwardsResult) -> dict[str, str]:
    """'Cụm' or 'Khối' and what follows from it."""
    khoi = result.cluster_year.cluster.kind is ClusterKind.khoi
    cum = "Khối" if khoi else "Cụm"
    return {"cum": cum, "CUM": cum.upper(), "abbr": "KTĐ" if khoi else "CTĐ", "truong": f"{cum} trưởng"}


def keep_together(name: str) -> str:
    """A proper name whose words never split across lines: its spaces become non-breaking."""
    return name.replace(" ", NBSP)


def _committee(unit_id: str | None, result: AwardsResult) -> str | None:
    """'UBND tỉnh Thái Bình': the people's committee of the chair, which issues for the cluster.

    The place words ('tỉnh Nam Định', 'thị xã') are bound by non-breaking spaces: a header line
    may break after 'UBND', never inside a name.
    """
    unit = result.cluster_year.units.get(unit_id) if unit_id else None
    if unit is None:
        return None
    if unit.type is UnitType.co_quan:
        return keep_together(unit.name)
    return f"UBND {keep_together(unit.type.prefix.lower() + ' ' + unit.name)}"


BOUND_WORDS = ("thành phố", "thị xã", "ủy ban nhân dân", "trung ương")


def bind_names(text: str, result: AwardsResult) -> str:
    """``text`` with the proper names it contains (members, the organiser's unit, place words)
    bound by non-breaking spaces, matched case-insensitively."""
    cy = result.cluster_year
    ids = [*cy.members, cy.cluster.organiser.unit or "", cy.year.leadership.chair or ""]
    names = {cy.units.get(i).name for i in ids if i and cy.units.get(i) is not None}
    lowered = text.lower()
    for name in sorted(names | set(BOUND_WORDS), key=len, reverse=True):
        if " " not in name:
            continue
        start = lowered.find(name.lower())
        while start >= 0:
            end = start + len(name)
            text = text[:start] + keep_together(text[start:end]) + text[end:]
            start = lowered.find(name.lower(), end)
    return text


def settings(result: AwardsResult) -> DocumentSettings:
    cy = result.cluster_year
    return document_settings(cy.cluster, cy.year)


def _government_organiser(result: AwardsResult) -> bool:
    """Clusters of the Board or of a people's committee issue under the chair's people's committee;
    one run by a Party committee, the Front or a ministry issues under its organiser's name."""
    organiser = result.cluster_year.cluster.organiser
    return organiser.level is OrganiserLevel.central or organiser.name.startswith(("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"))


def issuer(result: AwardsResult) -> str:
    """The issuing body's upper line: configured, else the chair's committee, else the organiser."""
    configured = settings(result).issuer
    if configured:
        return keep_together(configured)
    if not _government_organiser(result):
        return keep_together(result.cluster_year.cluster.organiser.name)
    return _committee(result.cluster_year.year.leadership.chair, result) or f"UBND {BLANK}"


def seat(result: AwardsResult) -> str | None:
    """The issuing body's seat for the date line (Decree 30): configured, else the chair's name."""
    configured = settings(result).seat
    if configured:
        return configured
    chair = result.cluster_year.year.leadership.chair
    if chair and _government_organiser(result) and result.cluster_year.units.get(chair) is not None:
        return result.cluster_year.name(chair)
    return None


def meeting_day(result: AwardsResult) -> dt.date | None:
    review = result.cluster_year.year.review
    return review.date if review and review.date else None


def citations(result: AwardsResult) -> tuple[str, ...]:
    """The law, decree and circular in force on the review's day (1 March after the year if unknown)."""
    return legal_bases(meeting_day(result) or dt.date(result.cluster_year.number + 1, 3, 1))


def typographic(text: str) -> str:
    """Straight double quotes to “…” (pairs, left to right)."""
    parts = text.split('"')
    if len(parts) < 3:
        return text
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += ("“" if index % 2 == 0 else "”") + part
    return out


def _full_name(member: str, result: AwardsResult) -> str:
    return result.cluster_year.units.full_name(member)


def _spell_organiser(name: str) -> str:
    """'UBND tỉnh Hải Dương' → 'Ủy ban nhân dân tỉnh Hải Dương' in running text."""
    return name.replace("UBND", "Ủy ban nhân dân", 1) if name.startswith("UBND") else name


def vn_number(value: float) -> str:
    return number(value, 2, "vi")


def date_words(day: dt.date | None) -> str:
    """'ngày 13 tháng 3 năm 2024' (days under 10 and months 1–2 take a zero, Decree 30)."""
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(result: AwardsResult, place: str | None = None) -> str:
    """'Thái Bình, ngày 13 tháng 3 năm 2024': the issuing body's seat, never the meeting's place."""
    return f"{place or seat(result) or BLANK}, {date_words(meeting_day(result))}"


def _fact(label: str, value: float, unit: str | None) -> str:
    if not unit:
        return f"{label}: {vn_number(value)}"
    return f"{label}: {vn_number(value)}{'' if unit == '%' else ' '}{unit}"


# --------------------------------------------------------------------------- low-level layout


def _document(title: str = "", subject: str = "", written: dt.datetime | None = None) -> Document:
    doc = new_document()
    _language(doc)
    props = doc.core_properties
    when = (written or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props.author, props.last_modified_by = "thidua", "thidua"
    props.title, props.subject = document_text(title), document_text(subject)
    props.created, props.modified = when, when
    props.language = LANGUAGE
    props.keywords, props.comments, props.revision = "", "", 1
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _page_numbers(doc)
    return doc


def _language(doc: Document) -> None:
    """vi-VN on the document defaults and every style, so that Word checks Vietnamese spelling."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                targets.append(rpr)
    targets += [style.get_or_add_rPr() for style in styles.findall(qn("w:style")) if style.get(qn("w:type")) in ("paragraph", "character", "table")]
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), LANGUAGE)


def _page_numbers(doc: Document) -> None:
    """Page numbers centred at the top from page 2 on (Decree 30); none on the first page."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _para(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = BODY_PT,
    align: str = "justify",
    indent: bool = False,
    after: float = 6,
    before: float = 0,
    keep: bool = False,
) -> Paragraph:
    paragraph = _fresh(container)
    fmt = paragraph.paragraph_format
    fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if keep:  # a heading or a lead-in stays on the page of what it introduces
        fmt.keep_with_next = True
    if text:
        _run(paragraph, text, bold=bold, italic=italic, underline=underline, size=size)
    return paragraph


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, underline: bool = False, size: float = BODY_PT) -> None:
    run = paragraph.add_run(typographic(document_text(text)))  # lxml refuses XML-invalid characters outright
    run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    run.font.size = Pt(size)
    run.font.name = FONT


def _fresh(container) -> Paragraph:
    """A new paragraph; a table cell's own first paragraph is used while still untouched."""
    if isinstance(container, _Cell):
        first = container.paragraphs[0]
        if len(container.paragraphs) == 1 and first._p.pPr is None and not first.runs:
            return first
    return container.add_paragraph()


def _cell_para(cell: _Cell, text: str = "", **kwargs) -> Paragraph:
    kwargs.setdefault("after", 0)
    kwargs.setdefault("align", "center")
    return _para(cell, text, **kwargs)


def _rule(cell, width_mm: float, column_mm: float) -> None:
    """A short horizontal line under a heading: an empty paragraph with a bottom border."""
    paragraph = _para(cell, size=2, after=0, align="center")
    side = Mm(max((column_mm - width_mm) / 2, 0))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _table(doc: Document, rows: int, widths_mm: list[float], grid: bool):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for index, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))  # a row (a signature block) never breaks across pages
        if grid and index == 0:
            props.append(OxmlElement("w:tblHeader"))  # the header row repeats on each page
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return table


# --------------------------------------------------------------------------- shared blocks


def _header(doc: Document, result: AwardsResult, symbol: str, body: str | None = None, second: str | None = None, cluster_line: bool = True, place: str | None = None, abbr: str | None = None) -> None:
    """Issuing body | national title and motto; number | place and date."""
    words = _words(result)
    table = _table(doc, 2, [LEFT_COL_MM, RIGHT_COL_MM], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, (body or issuer(result)).upper(), size=12)
    if cluster_line:
        _cell_para(left, bind_names((second or result.cluster_year.cluster.name).upper(), result), bold=True, size=12)
    _rule(left, 28, LEFT_COL_MM)
    _cell_para(right, NATIONAL_TITLE, bold=True, size=12)
    _cell_para(right, MOTTO, bold=True, underline=True, size=13)
    number_cell, date_cell = table.rows[1].cells
    _cell_para(number_cell, f"Số: {BLANK}/{symbol}-{abbr or words['abbr']}", size=13, before=6)
    _cell_para(date_cell, place_and_date(result, place), italic=True, size=14, before=6)


def _title(doc: Document, heading: str, lines: list[str]) -> None:
    _para(doc, heading, bold=True, size=14, align="center", before=18, after=0)
    for line in lines:
        _para(doc, line, bold=True, size=14, align="center", after=0)
    _rule(doc, 35, TEXT_WIDTH_MM)
    _para(doc, after=6, size=6)


def _ranking_table(doc: Document, result: AwardsResult) -> None:
    ranking = result.ranking
    if ranking is None:
        _para(doc, f"(Bảng điểm chưa được nhập: bổ sung kết quả chấm điểm của các thành viên {_words(result)['cum']}.)", italic=True, indent=True)
        return
    proposals = dict(result.proposals())
    extra = result.cluster_year.cluster.award_titles
    bands = {b.id: b.name for b in result.cluster_year.rules.bands}
    widths: list[float] = [10, 40, 17, 14, 24, 60] if bands else [10, 42, 19, 16, 78]
    heads = ("TT", "Đơn vị", "Tổng điểm", "Xếp hạng", *(("Xếp loại",) if bands else ()), "Đề nghị khen thưởng")
    table = _table(doc, len(ranking.entries) + 1, widths, grid=True)
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        _cell_para(cell, text, bold=True, size=13)
    ties = {m: tie for tie in result.ties_at_line if not tie.carried for m in tie.members}
    for index, entry in enumerate(ranking.entries, start=1):
        award = proposals.get(entry.member)
        note = award_title(award, extra) if award else (f"Hội nghị quyết định ({award_title(ties[entry.member].award, extra)})" if entry.member in ties else "")
        cells = table.rows[index].cells
        _cell_para(cells[0], str(index), size=13)
        _cell_para(cells[1], _full_name(entry.member, result), size=13, align="left")
        _cell_para(cells[2], vn_number(entry.total), size=13)
        _cell_para(cells[3], str(entry.rank), size=13)
        if bands:
            _cell_para(cells[4], bands.get(entry.band or "", ""), size=13, align="left")
        _cell_para(cells[-1], note, size=13, align="left")
    if result.cluster_year.year.scores_illustrative:
        _para(doc, ILLUSTRATIVE.format(cum=_words(result)["cum"]), italic=True, size=12, before=4)
    else:
        _para(doc, after=6, size=6)


def _proposals(doc: Document, result: AwardsResult, prefix: str = "") -> None:
    """'1. Cờ thi đua của Chính phủ: 01 tập thể' and the members, in ladder order."""
    cy = result.cluster_year
    extra = cy.cluster.award_titles
    ladder = [step.award for step in cy.rules.awards]
    by_award: dict[str, list[str]] = {}
    for member, award in result.proposals():
        by_award.setdefault(award, []).append(member)
    order = [a for a in ladder if a in by_award or any(t.award == a for t in result.ties_at_line)]
    order += [a for a in by_award if a not in order]
    if not order:
        _para(doc, f"(Chưa có đề nghị: {BLANK})", italic=True, indent=True)
        return
    entries = {e.member: e for e in result.ranking.entries} if result.ranking else {}
    for number_, award in enumerate(order, start=1):
        members = by_award.get(award, [])
        ties = [t for t in result.ties_at_line if t.award == award] if not result.decided else []
        count = len(members) + sum(t.slots for t in ties)
        _para(doc, f"{prefix}{number_}. {award_title(award, extra)}: {count:02d} tập thể", bold=True, indent=True, after=3, keep=True)
        for member in members:
            entry = entries.get(member)
            detail = f" (xếp thứ {entry.rank}, {vn_number(entry.total)} điểm)" if entry else ""
            _para(doc, f"- {_full_name(member, result)}{detail};", indent=True, after=3)
        for tie in ties:
            names = ", ".join(_full_name(m, result) for m in tie.members)
            _para(doc, f"- {tie.slots:02d} suất trong số: {names} (cùng xếp thứ {tie.rank}, {vn_number(tie.total)} điểm): Hội nghị bình xét quyết định {BLANK};", indent=True, after=3)


def _facts(doc: Document, result: AwardsResult) -> None:
    facts = [f for f in result.cluster_year.year.facts if f.member is None]
    if not facts:
        _para(doc, f"(Kết quả chủ yếu của {_words(result)['cum']}: {BLANK})", italic=True, indent=True)
        return
    for fact in facts:
        _para(doc, f"- {_fact(fact.label, fact.value, fact.unit)};", indent=True, after=3)


def _signature(cell: _Cell, lines: list[str], instruction: str, pad: int = 0, name: str | None = None) -> None:
    """Title lines, the instruction in italics (only while the name is unknown), room to sign, the name.

    ``pad`` adds room so that two blocks side by side end on the same line.
    """
    for line in lines:
        _cell_para(cell, line, bold=True, size=13.5)
    if name:
        pad += 1
    else:
        _cell_para(cell, instruction, italic=True, size=13)
    for _ in range(4 + pad):
        _cell_para(cell, "", size=13)
    _cell_para(cell, keep_together(name) if name else BLANK * 4, bold=True, size=13.5)


def signer_lines(signer: Signer | None, body: str | None) -> list[str]:
    """'CHỦ TỊCH UBND TỈNH X', or 'KT. CHỦ TỊCH' over 'PHÓ CHỦ TỊCH' when a deputy signs for the head."""
    signer = signer or Signer()
    body = keep_together(body) if body else body  # a long line breaks before the body, never inside it
    head = (signer.head or "Chủ tịch").upper()
    own = (signer.title or "Chủ tịch").upper()
    if signer.on_behalf:
        if signer.on_behalf == "TM.":
            return [f"TM. {(body or BLANK).upper()}", own]
        return [f"{signer.on_behalf} {head}" + (f" {body.upper()}" if body else ""), own]
    return [f"{own} {body.upper()}" if body else own]


def _members_line(result: AwardsResult) -> str:
    """Provinces by their name ('Bắc Ninh'); districts with their type ('Huyện Gia Lộc')."""
    units = result.cluster_year.units
    names = []
    for member in result.cluster_year.members:
        unit = units.get(member)
        names.append(unit.name if unit is not None and unit.type is UnitType.tinh else units.full_name(member))
    return ", ".join(names)


# --------------------------------------------------------------------------- the documents


def _legal(doc: Document, result: AwardsResult) -> None:
    for text in citations(result):
        _para(doc, f"Căn cứ {text};", italic=True, indent=True, after=3)


def to_trinh(result: AwardsResult, written: dt.datetime | None = None) -> Document:
    """Tờ trình đề nghị khen thưởng: the cluster proposes its awards to the organiser."""
    cy = result.cluster_year
    words = _words(result)
    doc = _document(f"Tờ trình đề nghị khen thưởng năm {cy.number} - {cy.cluster.name}", cy.cluster.name, written)
    _header(doc, result, "TTr")
    _title(doc, "TỜ TRÌNH", [f"Về việc đề nghị khen thưởng thành tích thi đua năm {cy.number}"])
    organiser = _spell_organiser(cy.cluster.organiser.name)
    _para(doc, f"Kính gửi: {organiser}", align="center", after=12)
    _legal(doc, result)
    _para(doc, f"Căn cứ Quy chế hoạt động của {cy.cluster.name};", italic=True, indent=True, after=3)
    _para(doc, f"Căn cứ kết quả chấm điểm, bình xét thi đua tại Hội nghị tổng kết công tác thi đua, khen thưởng năm {cy.number} của {words['cum']} {date_words(meeting_day(result))},", italic=True, indent=True)
    _para(doc, f"{cy.cluster.name} báo cáo kết quả và đề nghị khen thưởng năm {cy.number} như sau:", indent=True)
    _para(doc, f"I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM {cy.number}", bold=True, indent=True, keep=True)
    _para(doc, f"{cy.cluster.name} năm {cy.number} gồm {len(cy.members)} thành viên: {_members_line(result)}. Một số kết quả chủ yếu của {words['cum']}:", indent=True)
    _facts(doc, result)
    _para(doc, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG", bold=True, indent=True, before=6, keep=True)
    _ranking_table(doc, result)
    _para(doc, "III. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, indent=True, keep=True)
    _para(doc, f"Trên cơ sở kết quả chấm điểm, xếp hạng và bình xét, suy tôn, {cy.cluster.name} thống nhất đề nghị khen thưởng như sau:", indent=True, keep=True)
    _proposals(doc, result)
    _para(doc, "(Hồ sơ kèm theo: Biên bản họp bình xét thi đua, khen thưởng; Báo cáo thành tích của các tập thể được đề nghị khen thưởng.)", italic=True, indent=True, before=3)
    _para(doc, f"Kính đề nghị {organiser} xem xét, trình cấp có thẩm quyền quyết định khen thưởng./.", indent=True, keep=True)
    _closing(doc, result, words)
    return doc


def _closing(doc: Document, result: AwardsResult, words: dict[str, str]) -> None:
    table = _table(doc, 1, [LEFT_COL_MM + 10, RIGHT_COL_MM - 10], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12, align="left", before=12)
    central = result.cluster_year.cluster.organiser.level is OrganiserLevel.central
    for line in ("- Như trên;", f"- Các thành viên {words['cum']};", "- Ban Thi đua - Khen thưởng Trung ương;" if not central else "", "- Lưu: VT."):
        if line:
            _cell_para(left, line, size=11, align="left")
    signer = settings(result).signer
    body = issuer(result) if _government_organiser(result) and BLANK not in issuer(result) else None
    lines = [f"TM. {words['CUM']} THI ĐUA", words["truong"].upper()]
    if body or signer:
        lines += signer_lines(signer, body)
    first = _cell_para(right, "", size=6, before=12)
    first.paragraph_format.space_before = Pt(12)
    _signature(right, lines, "(Ký, ghi rõ họ tên, đóng dấu)", name=signer.name if signer else None)


def bien_ban(result: AwardsResult, written: dt.datetime | None = None) -> Document:
    """Biên bản họp bình xét: time, place, attendees, content, the vote, the outcome."""
    cy = result.cluster_year
    words = _words(result)
    review = cy.year.review
    chair = cy.year.leadership.chair
    doc = _document(f"Biên bản họp bình xét thi đua, khen thưởng năm {cy.number} - {cy.cluster.name}", cy.cluster.name, written)
    _header(doc, result, "BB")
    _title(doc, "BIÊN BẢN", [f"Họp bình xét thi đua, khen thưởng năm {cy.number}", cy.cluster.name])
    _para(doc, "I. THỜI GIAN, ĐỊA ĐIỂM", bold=True, indent=True, keep=True)
    _para(doc, f"- Thời gian: vào hồi {BLANK} giờ {BLANK} phút, {date_words(review.date if review else None)}.", indent=True, after=3)
    _para(doc, f"- Địa điểm: {(review.place if review and review.place else None) or BLANK}.", indent=True)
    _para(doc, "Căn cứ pháp lý:", italic=True, indent=True, after=3, keep=True)
    for text in citations(result):
        _para(doc, f"- {text};", italic=True, indent=True, after=3)
    _para(doc, "II. THÀNH PHẦN THAM DỰ", bold=True, indent=True, keep=True)
    chair_body = _committee(chair, result)
    chair_text = f"đại diện lãnh đạo {chair_body}" if chair_body else f"đại diện {BLANK}"
    _para(doc, f"1. Chủ trì: đồng chí {BLANK * 3}, {chair_text}, {words['truong']} năm {cy.number}.", indent=True, after=3)
    _para(doc, f"2. Thư ký: {BLANK * 4}", indent=True, after=3)
    _para(doc, f"3. Đại diện {len(cy.members)} đơn vị thành viên {words['cum']}:", indent=True, after=3)
    for member in cy.members:
        _para(doc, f"- {_full_name(member, result)}: đồng chí {BLANK * 3}", indent=True, after=0)
    _para(doc, f"4. Đại biểu mời: đại diện {_spell_organiser(cy.cluster.organiser.name)}.", indent=True, before=3)
    _para(doc, "III. NỘI DUNG", bold=True, indent=True, keep=True)
    _para(doc, "1. Chấm điểm, xếp hạng", bold=True, italic=True, indent=True, after=3, keep=True)
    _para(doc, f"Trên cơ sở báo cáo tự chấm điểm của các đơn vị và kết quả thẩm định của các thành viên, Hội nghị thống nhất kết quả chấm điểm, xếp hạng năm {cy.number} như sau:", indent=True, keep=True)
    _ranking_table(doc, result)
    _para(doc, "2. Bình xét, suy tôn", bold=True, italic=True, indent=True, after=3, keep=True)
    _votes(doc, result)
    _para(doc, "3. Kết quả", bold=True, italic=True, indent=True, after=3, keep=True)
    _para(doc, "Hội nghị thống nhất đề nghị khen thưởng như sau:", indent=True, keep=True)
    _proposals(doc, result, prefix="3.")
    _para(doc, f"Biên bản kết thúc vào hồi {BLANK} giờ {BLANK} phút cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.", indent=True, before=6, keep=True)
    table = _table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "", size=6, before=12)
    _signature(left, ["THƯ KÝ"], "(Ký, ghi rõ họ tên)", pad=1)
    _cell_para(right, "", size=6, before=12)
    _signature(right, ["CHỦ TRÌ", words["truong"].upper()], "(Ký, ghi rõ họ tên, đóng dấu)")
    return doc


def _votes(doc: Document, result: AwardsResult) -> None:
    """The vote count: recorded counts, or blanks '…/…' for the proposed members."""
    cy = result.cluster_year
    votes = cy.year.votes
    voters = str(votes.voters) if votes else BLANK
    _para(doc, f"Hội nghị bỏ phiếu kín suy tôn các đơn vị đề nghị khen thưởng. Tổng số phiếu phát ra: {voters}; số phiếu thu về: {voters}; số phiếu hợp lệ: {voters}. Kết quả:", indent=True, keep=True)
    if votes:
        members = [m for m in (e.member for e in result.ranking.entries)] if result.ranking else list(cy.members)
    else:
        members = [m for m, _ in result.proposals()] + [m for tie in result.ties_at_line if not tie.carried for m in tie.members]
        members = list(dict.fromkeys(members))
    if not members:
        _para(doc, f"(Kết quả bỏ phiếu: {BLANK})", italic=True, indent=True)
        return
    table = _table(doc, len(members) + 1, [12, 75, 40, 38], grid=True)
    for cell, text in zip(table.rows[0].cells, ("TT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ (%)"), strict=True):
        _cell_para(cell, text, bold=True, size=13)
    for index, member in enumerate(members, start=1):
        cells = table.rows[index].cells
        _cell_para(cells[0], str(index), size=13)
        _cell_para(cells[1], _full_name(member, result), size=13, align="left")
        if votes:
            count = votes.counts.get(member, 0)
            _cell_para(cells[2], f"{count}/{votes.voters}", size=13)
            _cell_para(cells[3], vn_number(100 * count / votes.voters), size=13)
        else:
            _cell_para(cells[2], f"{BLANK}/{BLANK}", size=13)
            _cell_para(cells[3], BLANK, size=13)
    if votes and cy.year.scores_illustrative:
        _para(doc, "Ghi chú: dữ liệu năm này được ghi là minh hoạ; đối chiếu số phiếu với phiếu bầu thật trước khi ký.", italic=True, size=12, before=4)
    else:
        _para(doc, after=6, size=6)


# --------------------------------------------------------------------------- saving


def to_bytes(document: Document) -> bytes:
    """The .docx file's content; the caller writes it (``services.awards`` does, atomically)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
