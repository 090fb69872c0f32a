"""``rank --format xlsx`` and ``awards --format xlsx``: the same reports as formatted workbooks.

Ranking: a sheet per cluster-year (rank, member, one column per indicator group, scored points,
bonus, deductions, total) and its breakdown (every indicator's points per member). Awards: a sheet
per cluster-year with the recommendation and its reason for each ranked member, then the notes.
A4 landscape, header rows repeated, Times New Roman as Decree 30/2020 documents use.
"""

from __future__ import annotations

import io
import re
from typing import Any

from thidua.domain.standings import Standing
from thidua.output.i18n import t

_INVALID = re.compile(r"[\[\]:*?/\\']")


class _Book:
    def __init__(self) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        base = {"font_name": "Times New Roman", "font_size": 12, "border": 1, "valign": "vcenter"}
        self.title = self.book.add_format({"font_name": "Times New Roman", "font_size": 14, "bold": True})
        self.head = self.book.add_format({**base, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDEBF7"})
        self.text = self.book.add_format({**base, "text_wrap": True})
        self.num = self.book.add_format({**base, "num_format": "0.##"})
        self.bold_num = self.book.add_format({**base, "num_format": "0.##", "bold": True})
        self.plain = self.book.add_format({"font_name": "Times New Roman", "font_size": 12})
        self.taken: set[str] = set()

    def sheet(self, name: str, header_row: int, last_col: int) -> Any:
        base = _INVALID.sub(" ", name).strip()[:31] or "Sheet"
        title, n = base, 2
        while title.lower() in self.taken:
            title, n = f"{base[:27]} ({n})", n + 1
        self.taken.add(title.lower())
        sheet = self.book.add_worksheet(title)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.repeat_rows(header_row)
        sheet.fit_to_pages(1, 0)
        sheet.freeze_panes(header_row + 1, 0)
        del last_col
        return sheet

    def close(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def ranking_workbook(standings: list[Standing]) -> bytes:
    out = _Book()
    for standing in standings:
        ranking = standing.ranking
        if ranking is None:
            continue
        cy = ranking.cluster_year
        groups = list(dict.fromkeys(i.group for i in cy.year.indicators if i.group and i.kind.value == "scored"))
        from thidua.output.period_words import year_words
        from thidua.output.render.scores import band_name, group_label, has_bands

        banded = has_bands(cy)
        heads = ["Hạng", "Mã", "Thành viên", *[group_label(cy, g) for g in groups], "Điểm chấm", "Điểm thưởng", "Điểm trừ", "Tổng điểm", *(["Xếp loại"] if banded else [])]
        sheet = out.sheet(f"{cy.id} {cy.number}", 2, len(heads) - 1)
        when = year_words(cy.cluster.period, cy.number, "vi").upper()  # NĂM 2024, NĂM HỌC 2017–2018
        sheet.write(0, 0, f"KẾT QUẢ XẾP HẠNG THI ĐUA {when}: {cy.cluster.name}", out.title)
        sheet.write_row(2, 0, heads, out.head)
        sheet.set_column(0, 0, 7)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, 2, 22)
        sheet.set_column(3, len(heads) - 1, 12)
        for r, entry in enumerate(ranking.entries, start=3):
            sheet.write_number(r, 0, entry.rank, out.num)
            sheet.write_string(r, 1, entry.member, out.text)
            sheet.write_string(r, 2, entry.name, out.text)
            for c, group in enumerate(groups, start=3):
                sheet.write_number(r, c, round(entry.groups.get(group, 0.0), 6), out.num)
            c = 3 + len(groups)
            sheet.write_number(r, c, round(entry.scored, 6), out.num)
            sheet.write_number(r, c + 1, round(entry.bonus, 6), out.num)
            sheet.write_number(r, c + 2, round(entry.deductions, 6), out.num)
            sheet.write_number(r, c + 3, round(entry.total, 6), out.bold_num)
            if banded:
                sheet.write_string(r, c + 4, band_name(cy, entry.band), out.text)
        if standing.cluster_year is not None and standing.cluster_year.year.scores_illustrative:
            sheet.write(len(ranking.entries) + 4, 0, "Điểm minh hoạ (scores_illustrative): không phải số liệu công bố.", out.plain)
        indicators = cy.year.indicators
        detail = out.sheet(f"{cy.id} {cy.number} chi tiết", 2, 2 + len(indicators))
        detail.write(0, 0, f"ĐIỂM TỪNG TIÊU CHÍ {when}: {cy.cluster.name}", out.title)
        detail.write_row(2, 0, ["Hạng", "Thành viên", *[i.name for i in indicators], "Tổng điểm"], out.head)
        detail.set_row(2, 90)
        detail.set_column(1, 1, 22)
        detail.set_column(2, 2 + len(indicators), 12)
        for r, entry in enumerate(ranking.entries, start=3):
            detail.write_number(r, 0, entry.rank, out.num)
            detail.write_string(r, 1, entry.name, out.text)
            points = {c.indicator.id: c.points for c in entry.contributions}
            for c, indicator in enumerate(indicators, start=2):
                detail.write_number(r, c, round(points.get(indicator.id, 0.0), 6), out.num)
            detail.write_number(r, 2 + len(indicators), round(entry.total, 6), out.bold_num)
    if not out.taken:
        out.sheet("Trống", 0, 0).write(0, 0, "Không có Cụm nào được xếp hạng.", out.plain)
    return out.close()


def awards_workbook(results: list[Any]) -> bytes:
    from thidua.output.render.awards import _headers, _title, footer_lines, rows

    out = _Book()
    for result in results:
        sheet = out.sheet(f"{result.cluster} {result.year}", 2, 4)
        sheet.write(0, 0, _title(result), out.title)
        sheet.write_row(2, 0, _headers(), out.head)
        sheet.set_column(0, 0, 7)
        sheet.set_column(1, 1, 22)
        sheet.set_column(2, 2, 10)
        sheet.set_column(3, 3, 34)
        sheet.set_column(4, 4, 70)
        body = rows(result)
        entries = result.ranking.entries if result.ranking is not None else []
        for r, (row, entry) in enumerate(zip(body, entries, strict=True), start=3):
            sheet.write_number(r, 0, entry.rank, out.num)
            sheet.write_string(r, 1, row[1], out.text)
            sheet.write_number(r, 2, round(entry.total, 6), out.num)
            sheet.write_string(r, 3, row[3], out.text)
            sheet.write_string(r, 4, row[4], out.text)
        for r, line in enumerate(footer_lines(result), start=len(body) + 4):
            sheet.write_string(r, 0, line, out.plain)
    if not out.taken:
        out.sheet("Trống", 0, 0).write(0, 0, t("awards.no_year", year=""), out.plain)
    return out.close()
