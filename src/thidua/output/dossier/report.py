"""Báo cáo thành tích: the achievement report of a collective proposed for a state-level award.

Shaped on Decree 98/2023/NĐ-CP Mẫu số 07 (report of a collective): header of the unit itself,
"BÁO CÁO THÀNH TÍCH / Đề nghị tặng …", I. Đặc điểm, tình hình; II. Thành tích đạt được;
III. Các hình thức khen thưởng đã được ghi nhận. What only the unit knows is left as highlighted
"[Đơn vị bổ sung: …]" runs, never invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from thidua.domain.awards import AwardsResult
from thidua.domain.awards_catalogue import award_title
from thidua.domain.dossier import PastAward, needs_report, previous_awards
from thidua.domain.models import ClusterYear, UnitType
from thidua.output.docx import (
    BLANK,
    BODY_PT,
    FONT,
    TEXT_WIDTH_MM,
    _cell_para,
    _committee,
    _document,
    _fact,
    _full_name,
    _header,
    _legal,
    _para,
    _signature,
    _table,
    _title,
    keep_together,
    vn_number,
)

FILL = "[Đơn vị bổ sung: {what}]"


def reports_needed(result: AwardsResult) -> list[tuple[str, str]]:
    """(member, award) for each proposal whose dossier needs a Báo cáo thành tích."""
    return [(member, award) for member, award in result.proposals() if needs_report(award)]


def _fill(paragraph, what: str, size: float = BODY_PT) -> None:
    run = paragraph.add_run(FILL.format(what=what))
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.italic = True
    run.font.size = Pt(size)
    run.font.name = FONT


def _fill_para(doc: Document, lead: str, what: str):
    paragraph = _para(doc, lead, indent=True, after=3)
    _fill(paragraph, what)
    return paragraph


def bao_cao(result: AwardsResult, member: str, award: str, history: Iterable[ClusterYear] = (), written: dt.datetime | None = None) -> Document:
    """The report of ``member``, proposed for ``award`` by the cluster in ``result``."""
    cy = result.cluster_year
    extra = cy.cluster.award_titles
    unit = cy.units.get(member)
    full = _full_name(member, result)
    body = _committee(member, result) or keep_together(full)
    title = award_title(award, extra)
    doc = _document(f"Báo cáo thành tích đề nghị tặng {title} - {full} - năm {cy.number}", cy.cluster.name, written)
    place = unit.name if unit is not None else None
    _header(doc, result, "BC", body=body, cluster_line=False, place=place, abbr="UBND" if unit is not None and unit.type is not UnitType.co_quan else "")
    _title(doc, "BÁO CÁO THÀNH TÍCH", [f"Đề nghị tặng {title}", f"Thành tích năm {cy.number}"])
    _legal(doc, result)
    _para(doc, f"Tên tập thể đề nghị khen thưởng: {full} (thành viên {cy.cluster.name}).", indent=True)

    _para(doc, "I. ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, indent=True, keep=True)
    _fill_para(doc, "1. Đặc điểm, tình hình: ", "vị trí địa lý, diện tích, dân số, đơn vị hành chính trực thuộc; đặc điểm kinh tế - xã hội")
    _fill_para(doc, "2. Tổ chức bộ máy: ", "tổ chức Đảng, chính quyền, đoàn thể; số cán bộ, công chức")
    _para(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, indent=True, keep=True)
    _para(doc, f"1. Kết quả thực hiện các chỉ tiêu, nhiệm vụ năm {cy.number}", bold=True, italic=True, indent=True, after=3, keep=True)
    facts = [f for f in cy.year.facts if f.member == member]
    for fact in facts:
        _para(doc, f"- {_fact(fact.label, fact.value, fact.unit)};", indent=True, after=3)
    _fill_para(doc, "- " if facts else "", "các chỉ tiêu kinh tế - xã hội chủ yếu so với kế hoạch và cùng kỳ, có số liệu")
    _para(doc, f"2. Kết quả chấm điểm, xếp hạng trong {cy.cluster.name}", bold=True, italic=True, indent=True, after=3, keep=True)
    entry = next((e for e in result.ranking.entries if e.member == member), None) if result.ranking else None
    if entry is not None:
        band = next((b.name for b in cy.rules.bands if b.id == entry.band), None)
        banded = f" (xếp loại {band})" if band else ""
        _para(doc, f"{full} đạt {vn_number(entry.total)} điểm{banded}, xếp thứ {entry.rank}/{len(result.ranking.entries) if result.ranking else BLANK} đơn vị thành viên; được {cy.cluster.name} suy tôn, đề nghị tặng {title}.", indent=True)
        _indicator_table(doc, result, entry)
    else:
        _para(doc, f"{full} được {cy.cluster.name} suy tôn, đề nghị tặng {title}.", indent=True)
        _fill_para(doc, "", "tổng điểm và thứ hạng trong Cụm")
    _fill_para(doc, "3. Các giải pháp, mô hình, cách làm hay: ", "những biện pháp, sáng kiến đã thực hiện")
    _fill_para(doc, "4. Công tác xây dựng Đảng, đoàn thể: ", "kết quả xếp loại tổ chức Đảng, đoàn thể")

    _para(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", bold=True, indent=True, before=6, keep=True)
    _past(doc, result, previous_awards(member, cy.number, history, cy.units))

    table = _table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "", size=6, before=12)
    _signature(left, ["XÁC NHẬN CỦA CẤP", "TRÌNH KHEN THƯỞNG"], "(Ký, đóng dấu)")
    _cell_para(right, "", size=6, before=12)
    _signature(right, [f"TM. {(body).upper()}", "CHỦ TỊCH"] if unit is not None and unit.type is not UnitType.co_quan else ["THỦ TRƯỞNG ĐƠN VỊ"], "(Ký, ghi rõ họ tên, đóng dấu)")
    return doc


def _indicator_table(doc: Document, result: AwardsResult, entry) -> None:
    cy = result.cluster_year
    from thidua.domain.scoring import counted_scores

    scores = counted_scores(cy.year).get(entry.member, {})
    indicators = [i for i in cy.year.indicators if i.id in scores]
    if not indicators:
        return
    table = _table(doc, len(indicators) + 1, [11, 104, 25, 25], grid=True)
    for cell, text in zip(table.rows[0].cells, ("TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"), strict=True):
        _cell_para(cell, text, bold=True, size=13)
    for index, indicator in enumerate(indicators, start=1):
        cells = table.rows[index].cells
        _cell_para(cells[0], str(index), size=13)
        _cell_para(cells[1], indicator.name, size=13, align="left")
        _cell_para(cells[2], vn_number(indicator.max), size=13)
        _cell_para(cells[3], vn_number(scores[indicator.id]), size=13)
    if cy.year.scores_illustrative:
        _para(doc, "Ghi chú: điểm minh hoạ, thay bằng kết quả chấm điểm chính thức.", italic=True, size=12, before=4)
    else:
        _para(doc, after=6, size=6)


def _past(doc: Document, result: AwardsResult, awards: list[PastAward]) -> None:
    cy = result.cluster_year
    _para(doc, "1. Danh hiệu thi đua, hình thức khen thưởng qua các Cụm, Khối thi đua (theo dữ liệu đã ghi nhận):", indent=True, after=3, keep=True)
    if awards:
        table = _table(doc, len(awards) + 1, [20, 70, 75], grid=True)
        for cell, text in zip(table.rows[0].cells, ("Năm", "Hình thức khen thưởng", "Số, ngày quyết định; cơ quan ban hành"), strict=True):
            _cell_para(cell, text, bold=True, size=13)
        for index, award in enumerate(awards, start=1):
            cells = table.rows[index].cells
            _cell_para(cells[0], str(award.year), size=13)
            who = "" if award.unit == awards[0].unit or award.unit not in cy.units else f" ({cy.units.full_name(award.unit)})"
            _cell_para(cells[1], award_title(award.award, dict(award.award_titles)) + who, size=13, align="left")
            _fill(_cell_para(cells[2], "", size=13, align="left"), "số, ngày quyết định", size=13)
        _para(doc, after=6, size=6)
    else:
        _para(doc, "(Chưa có khen thưởng nào được ghi nhận trong dữ liệu của các Cụm, Khối thi đua.)", italic=True, indent=True, after=3)
    _fill_para(doc, "2. Các hình thức khen thưởng khác: ", "danh hiệu, hình thức khen thưởng khác trong 5 năm gần nhất, số quyết định")
