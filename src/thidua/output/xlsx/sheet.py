"""The scoring workbook (phiếu chấm điểm) a clerk sends to the members, written with XlsxWriter.

One layout per workbook: a sheet per member (criteria down the rows) or one matrix sheet
(criteria down, members across, each with "Tự chấm" and "Thẩm định"). Formulas carry their
values, so any reader (calamine, a browser preview, ``thidua sheet import``) sees the totals; the
structure is protected and only the input cells are unlocked; the hidden sheet ``_thidua`` records
the cluster, the year and which sheet is which member, so the import needs no options.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from thidua.domain.models import ClusterYear, Indicator, IndicatorKind, StagedScore
from thidua.domain.sheet_match import cell_name, column_letters, roman

META_SHEET = "_thidua"
HEADINGS = ("TT", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Giải trình", "Điểm cuối", "Ghi chú")
ID_HEADING = "Mã tiêu chí"
TOTAL_LABEL = "Tổng cộng"
SELF, APPRAISED = "Tự chấm", "Thẩm định"
BONUS_LABEL, DEDUCTION_LABEL, OTHER_LABEL = "Điểm thưởng", "Điểm trừ", "Tiêu chí khác"


@dataclass
class Section:
    label: str
    kind: IndicatorKind
    indicators: list[Indicator] = field(default_factory=list)


def sections(cy: ClusterYear) -> list[Section]:
    """Scored groups in order of first appearance, then bonus, then deductions."""
    groups: dict[str, Section] = {}
    bonus = Section(BONUS_LABEL, IndicatorKind.bonus)
    deduction = Section(DEDUCTION_LABEL, IndicatorKind.deduction)
    for indicator in cy.year.indicators:
        if indicator.kind is IndicatorKind.bonus:
            bonus.indicators.append(indicator)
        elif indicator.kind is IndicatorKind.deduction:
            deduction.indicators.append(indicator)
        else:
            key = indicator.group or ""
            groups.setdefault(key, Section(indicator.group or OTHER_LABEL, IndicatorKind.scored)).indicators.append(indicator)
    return [s for s in (*groups.values(), bonus, deduction) if s.indicators]


@dataclass(frozen=True)
class Stages:
    """What one member's row shows for one criterion: the columns it fills."""

    self_score: float | None = None
    appraised: float | None = None
    explanation: str | None = None
    final: float | None = None  # None: the sheet's formula (thẩm định, else tự chấm)
    note: str | None = None  # Ghi chú: the appraisal's reason, else the score's note

    @property
    def shown_final(self) -> float | None:
        return self.final if self.final is not None else self.appraised if self.appraised is not None else self.self_score


def stages(cy: ClusterYear) -> dict[str, dict[str, Stages]]:
    """Member -> criterion -> the columns: a staged score fills its stages, a plain number (or a
    computed indicator's result) the appraised column, as ranking counts it."""
    from thidua.domain.scoring import counted_scores

    counted = counted_scores(cy.year)
    formulas = {i.id for i in cy.year.indicators if i.formula is not None}
    out: dict[str, dict[str, Stages]] = {m: {i: Stages(appraised=v) for i, v in row.items()} for m, row in counted.items()}
    for member, row in cy.year.scores.items():
        for indicator, score in row.items():
            if isinstance(score, StagedScore) and score.points_given and indicator not in formulas:
                out.setdefault(member, {})[indicator] = Stages(
                    score.self_score, score.appraised, score.explanation, score.final, score.reason or score.note)
    return out


def sheet_title(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip()[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in taken or title == META_SHEET:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _weighted(cells: list[tuple[str, float]]) -> str:
    return "+".join(f"{ref}*{w:g}" if w != 1 else ref for ref, w in cells) or "0"


class _Formats:
    def __init__(self, book: Any) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12, "border": 1, "valign": "vcenter"}
        self.title = book.add_format({"font_name": "Times New Roman", "font_size": 14, "bold": True, "align": "center"})
        self.subtitle = book.add_format({"font_name": "Times New Roman", "font_size": 12, "italic": True, "align": "center"})
        self.head = book.add_format({**base, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#DDEBF7"})
        self.section = book.add_format({**base, "bold": True, "bg_color": "#F2F2F2"})
        self.section_num = book.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.##"})
        self.text = book.add_format({**base, "text_wrap": True})
        self.center = book.add_format({**base, "align": "center"})
        self.num = book.add_format({**base, "num_format": "0.##"})
        self.input = book.add_format({**base, "num_format": "0.##", "locked": False, "bg_color": "#FFF2CC"})
        self.input_text = book.add_format({**base, "locked": False, "text_wrap": True, "bg_color": "#FFF2CC"})
        self.total = book.add_format({**base, "bold": True, "num_format": "0.##", "bg_color": "#E2EFDA"})
        self.total_label = book.add_format({**base, "bold": True, "bg_color": "#E2EFDA"})


def _setup(sheet: Any, header_rows: tuple[int, int], last_col: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(*header_rows)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, 10_000, last_col)
    sheet.protect("", {"format_columns": True, "format_rows": True, "select_locked_cells": True, "select_unlocked_cells": True})


def _validation(sheet: Any, row: int, col: int, maximum: float) -> None:
    maximum = int(maximum) if float(maximum).is_integer() else maximum
    sheet.data_validation(row, col, row, col, {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": maximum,
        "error_title": "Điểm không hợp lệ", "error_message": f"Nhập số từ 0 đến {maximum:g} (dấu thập phân theo máy).",
        "input_title": "Điểm", "input_message": f"Từ 0 đến {maximum:g}",
    })


def _number(sheet: Any, row: int, col: int, value: float | None, fmt: Any) -> None:
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    else:
        sheet.write_number(row, col, value, fmt)


def _text(sheet: Any, row: int, col: int, value: str | None, fmt: Any) -> None:
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    else:
        sheet.write_string(row, col, value, fmt)


def _member_sheet(book: Any, fmt: _Formats, cy: ClusterYear, member: str, title: str, scores: Mapping[str, Stages]) -> None:
    sheet = book.add_worksheet(title)
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 4, 11)
    sheet.set_column(5, 5, 28)
    sheet.set_column(6, 6, 11)
    sheet.set_column(7, 7, 22)
    sheet.set_column(8, 8, 22, None, {"hidden": True})
    sheet.merge_range(0, 0, 0, 7, f"PHIẾU CHẤM ĐIỂM THI ĐUA {_when(cy).upper()}", fmt.title)
    sheet.merge_range(1, 0, 1, 7, cy.cluster.name, fmt.subtitle)
    sheet.merge_range(2, 0, 2, 7, f"Thành viên: {cy.units.full_name(member)}", fmt.subtitle)
    header = 3
    for col, heading in enumerate((*HEADINGS, ID_HEADING)):
        sheet.write(header, col, heading, fmt.head)
    row = header + 1
    subtotal_rows: list[tuple[int, IndicatorKind]] = []
    number = 0
    totals: dict[int, float] = {}
    for index, section in enumerate(sections(cy), start=1):
        section_row = row
        row += 1
        refs: list[tuple[int, float]] = []
        values = dict.fromkeys((3, 4, 6), 0.0)  # Điểm tự chấm, Điểm thẩm định, Điểm cuối
        for indicator in section.indicators:
            number += 1
            weight = indicator.weight if section.kind is IndicatorKind.scored else 1.0
            score = scores.get(indicator.id, Stages())
            shown = score.shown_final
            sheet.write_number(row, 0, number, fmt.center)
            sheet.write_string(row, 1, indicator.name, fmt.text)
            sheet.write_number(row, 2, indicator.max, fmt.num)
            _number(sheet, row, 3, score.self_score, fmt.input)
            _number(sheet, row, 4, score.appraised, fmt.input)
            _text(sheet, row, 5, score.explanation, fmt.input_text)
            r = row + 1
            if score.final is not None:  # an agreed final score of its own
                sheet.write_number(row, 6, score.final, fmt.input)
                _validation(sheet, row, 6, indicator.max)
            else:
                sheet.write_formula(row, 6, f'=IF(E{r}<>"",E{r},D{r})', fmt.num, "" if shown is None else shown)
            _text(sheet, row, 7, score.note, fmt.input_text)
            sheet.write_string(row, 8, indicator.id, fmt.text)
            _validation(sheet, row, 3, indicator.max)
            _validation(sheet, row, 4, indicator.max)
            values[3] += (score.self_score or 0.0) * weight
            values[4] += (score.appraised or 0.0) * weight
            values[6] += (shown or 0.0) * weight
            refs.append((row, weight))
            row += 1
        _subtotal_row(sheet, fmt, section_row, index, section, refs, values, totals, blanks=(5, 7, 8))
        subtotal_rows.append((section_row, section.kind))
    _total_row(sheet, fmt, row, subtotal_rows, totals, blanks=(5, 7, 8))
    _setup(sheet, (header, header), 7)
    sheet.freeze_panes(header + 1, 2)


def _matrix_sheet(book: Any, fmt: _Formats, cy: ClusterYear, titles: Mapping[str, str], scores: Mapping[str, Mapping[str, Stages]]) -> None:
    sheet = book.add_worksheet("Tổng hợp")
    members = list(dict.fromkeys(cy.members))
    last = 3 + 2 * len(members)  # the hidden id column
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 50)
    sheet.set_column(2, 2, 10)
    sheet.set_column(3, last - 1, 10)
    sheet.set_column(last, last, 22, None, {"hidden": True})
    sheet.merge_range(0, 0, 0, last - 1, f"BẢNG TỔNG HỢP ĐIỂM THI ĐUA {_when(cy).upper()}", fmt.title)
    sheet.merge_range(1, 0, 1, last - 1, cy.cluster.name, fmt.subtitle)
    top = 2
    for col, heading in enumerate(HEADINGS[:3]):
        sheet.merge_range(top, col, top + 1, col, heading, fmt.head)
    for index, member in enumerate(members):
        col = 3 + 2 * index
        sheet.merge_range(top, col, top, col + 1, cy.name(member), fmt.head)
        sheet.write_string(top + 1, col, SELF, fmt.head)
        sheet.write_string(top + 1, col + 1, APPRAISED, fmt.head)
    sheet.merge_range(top, last, top + 1, last, ID_HEADING, fmt.head)
    row = top + 2
    number = 0
    subtotal_rows: list[tuple[int, IndicatorKind]] = []
    totals: dict[int, float] = {}
    for index, section in enumerate(sections(cy), start=1):
        section_row = row
        row += 1
        refs: list[tuple[int, float]] = []
        values: dict[int, float] = {}
        for indicator in section.indicators:
            number += 1
            weight = indicator.weight if section.kind is IndicatorKind.scored else 1.0
            sheet.write_number(row, 0, number, fmt.center)
            sheet.write_string(row, 1, indicator.name, fmt.text)
            sheet.write_number(row, 2, indicator.max, fmt.num)
            for m_index, member in enumerate(members):
                col = 3 + 2 * m_index
                score = scores.get(member, {}).get(indicator.id, Stages())
                _number(sheet, row, col, score.self_score, fmt.input)
                _number(sheet, row, col + 1, score.appraised, fmt.input)
                _validation(sheet, row, col, indicator.max)
                _validation(sheet, row, col + 1, indicator.max)
                values[col] = values.get(col, 0.0) + (score.self_score or 0.0) * weight
                values[col + 1] = values.get(col + 1, 0.0) + (score.appraised or 0.0) * weight
            sheet.write_string(row, last, indicator.id, fmt.text)
            refs.append((row, weight))
            row += 1
        values.update({col: values.get(col, 0.0) for col in range(3, last)})  # a column nobody scored sums to 0
        _subtotal_row(sheet, fmt, section_row, index, section, refs, values, totals, blanks=(last,))
        subtotal_rows.append((section_row, section.kind))
    _total_row(sheet, fmt, row, subtotal_rows, totals, blanks=(last,))
    _setup(sheet, (top, top + 1), last - 1)
    sheet.freeze_panes(top + 2, 3)
    del titles  # the matrix names members by their column headings


def _subtotal_row(sheet: Any, fmt: _Formats, section_row: int, index: int, section: Any, refs: list[tuple[int, float]],
                  values: dict[int, float], totals: dict[int, float], blanks: tuple[int, ...]) -> None:
    """A group's heading row: its numeral, name, maximum and the weighted sum of each score column
    in ``values`` (added to ``totals``, subtracted for a deductions group)."""
    sheet.write_string(section_row, 0, roman(index), fmt.section)
    sheet.write_string(section_row, 1, section.label, fmt.section)
    sheet.write_formula(section_row, 2, "=" + _weighted([(f"C{r + 1}", w) for r, w in refs]), fmt.section_num,
                        sum(i.max * (i.weight if section.kind is IndicatorKind.scored else 1.0) for i in section.indicators))
    for col, value in values.items():
        letters = column_letters(col)
        sheet.write_formula(section_row, col, "=" + _weighted([(f"{letters}{r + 1}", w) for r, w in refs]), fmt.section_num, value)
        totals[col] = totals.get(col, 0.0) + (-value if section.kind is IndicatorKind.deduction else value)
    for col in blanks:
        sheet.write_blank(section_row, col, None, fmt.section)


def _total_row(sheet: Any, fmt: _Formats, row: int, subtotal_rows: list[tuple[int, IndicatorKind]], totals: dict[int, float],
               blanks: tuple[int, ...]) -> None:
    """The TỔNG CỘNG row: each score column's groups added, deductions taken away."""
    sheet.write_string(row, 0, "", fmt.total_label)
    sheet.write_string(row, 1, TOTAL_LABEL, fmt.total_label)
    sheet.write_blank(row, 2, None, fmt.total_label)
    for col, total in totals.items():
        letters = column_letters(col)
        expr = "".join(("-" if kind is IndicatorKind.deduction else "+") + f"{letters}{r + 1}" for r, kind in subtotal_rows)
        sheet.write_formula(row, col, "=" + expr.lstrip("+"), fmt.total, total)
    for col in blanks:
        sheet.write_blank(row, col, None, fmt.total_label)


def _when(cy: ClusterYear) -> str:
    """"năm 2024", or "năm học 2017–2018" for a school-year cluster: the sheets are in Vietnamese."""
    from thidua.output.period_words import year_words

    return year_words(cy.cluster.period, cy.number, "vi")


def scoring_workbook(cy: ClusterYear, layout: str = "per-member") -> bytes:
    """The workbook as bytes (``layout``: ``per-member`` or ``matrix``)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({
        "title": f"Phiếu chấm điểm thi đua {_when(cy)}: {cy.cluster.name}",
        "subject": f"thidua:{cy.id}:{cy.number}",
        "keywords": f"thidua, {cy.id}, {cy.number}",
        "comments": "Tạo bởi thidua sheet export; nhập lại bằng thidua sheet import.",
    })
    book.set_custom_property("thidua_cluster", cy.id)
    book.set_custom_property("thidua_year", str(cy.number))
    fmt = _Formats(book)
    scores = stages(cy)  # each stage in its column; see docs/sheet.md
    taken: set[str] = set()
    titles = {m: sheet_title(cy.name(m), taken) for m in dict.fromkeys(cy.members)}
    if layout == "matrix":
        _matrix_sheet(book, fmt, cy, titles, scores)
    else:
        for member, title in titles.items():
            _member_sheet(book, fmt, cy, member, title, scores.get(member, {}))
    meta = book.add_worksheet(META_SHEET)
    rows: list[tuple[str, str]] = [("format", "thidua-sheet"), ("version", "1"), ("cluster", cy.id), ("year", str(cy.number)), ("layout", layout)]
    if layout != "matrix":
        rows += [(f"sheet:{title}", member) for member, title in titles.items()]
    for r, (key, value) in enumerate(rows):
        meta.write_string(r, 0, key)
        meta.write_string(r, 1, value)
    meta.hide()
    meta.protect()
    book.close()
    return buffer.getvalue()


__all__ = ["HEADINGS", "META_SHEET", "cell_name", "scoring_workbook", "sections"]
