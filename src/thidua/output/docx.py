"""The one set of Word layout builders (python-docx): Decree 30/2020/NĐ-CP pages and paragraphs.

A4, Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm, page numbers from page 2,
vi-VN on every style (so Word checks Vietnamese spelling); paragraphs, table cells, short rules
and fixed-width tables. output/dossier/layout.py builds the default dossier templates with them;
output/dossier/context.py says what goes into them.
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

from thidua.domain.textsafe import document_text

FONT = "Times New Roman"
BODY_PT = 14
BLANK = "……"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LANGUAGE = "vi-VN"
NBSP = "\u00a0"
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_COL_MM, RIGHT_COL_MM = 70, TEXT_WIDTH_MM - 70


def keep_together(name: str) -> str:
    """A proper name whose words never split across lines: its spaces become non-breaking."""
    return name.replace(" ", NBSP)


def typographic(text: str) -> str:
    """Straight double quotes to “…” (pairs, left to right)."""
    parts = text.split('"')
    if len(parts) < 3:
        return text
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += ("“" if index % 2 == 0 else "”") + part
    return out


# --------------------------------------------------------------------------- low-level layout


def new_page(title: str = "", subject: str = "", written: dt.datetime | None = None) -> Document:
    doc = new_document()
    set_language(doc)
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


def set_language(doc: Document) -> None:
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


def para(
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


def cell_para(cell: _Cell, text: str = "", **kwargs) -> Paragraph:
    kwargs.setdefault("after", 0)
    kwargs.setdefault("align", "center")
    return para(cell, text, **kwargs)


def rule(cell, width_mm: float, column_mm: float) -> None:
    """A short horizontal line under a heading: an empty paragraph with a bottom border."""
    paragraph = para(cell, size=2, after=0, align="center")
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


def table(doc: Document, rows: int, widths_mm: list[float], grid: bool):
    made = doc.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        made.style = doc.styles["Table Grid"]
    made.alignment = WD_TABLE_ALIGNMENT.CENTER
    made.autofit = False
    for index, row in enumerate(made.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))  # a row (a signature block) never breaks across pages
        if grid and index == 0:
            props.append(OxmlElement("w:tblHeader"))  # the header row repeats on each page
    for index, width in enumerate(widths_mm):
        made.columns[index].width = Mm(width)
        for cell in made.columns[index].cells:
            cell.width = Mm(width)
    return made


# --------------------------------------------------------------------------- saving


def to_bytes(document: Document) -> bytes:
    """The .docx file's content; the caller writes it (``services.awards`` does, atomically)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
