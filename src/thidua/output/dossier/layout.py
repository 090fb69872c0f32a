"""The default Word templates of the dossier, built with the layout builders of output/docx.py.

Each function returns a python-docx document whose text holds docxtpl/jinja2 tags where the data
goes (``{{ header.body }}``, ``{%p for text in legal_bases %}``, ``{%tr for r in ranking %}``);
output/dossier/context.py fills them. ``scripts/make_doc_templates.py`` saves them into
``thidua/templates/documents/`` with fixed timestamps, so the shipped files are reproducible
(tests/test_dossier.py checks that they are current). A province copies one into its repository's
``templates/`` and edits it in Word.

Decree 30/2020/NĐ-CP: the header table (issuing body | national title and motto; number | place
and date), the title in bold capitals over a short rule, a justified 14 pt body, "Nơi nhận:"
bottom left and the signature bottom right. Jinja expressions use single quotes only (straight
double quotes in a run become typographic ones).
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt
from docx.table import _Cell

from thidua.output.docx import (
    BLANK,
    BODY_PT,
    FONT,
    LEFT_COL_MM,
    MOTTO,
    NATIONAL_TITLE,
    RIGHT_COL_MM,
    TEXT_WIDTH_MM,
    cell_para,
    new_page,
    para,
    rule,
    table,
)

FIXED = dt.datetime(2025, 1, 1)  # the template files' own core properties: reproducible
FILL = "[Đơn vị bổ sung: {what}]"
NAME_BLANK = BLANK * 4


def _tag(container, tag: str) -> None:
    """A paragraph holding only a ``{%p … %}`` tag (docxtpl removes the paragraph)."""
    if isinstance(container, _Cell):
        cell_para(container, tag, size=BODY_PT)
    else:
        para(container, tag, after=0)


def _loop(doc, head: str, body: str, tail: str = "{%p endfor %}", **kwargs) -> None:
    _tag(doc, head)
    para(doc, body, indent=True, **kwargs)
    _tag(doc, tail)


def fill(paragraph, what: str, size: float = BODY_PT) -> None:
    """A highlighted '[Đơn vị bổ sung: …]' run: what only the unit knows, never invented."""
    run = paragraph.add_run(FILL.format(what=what))
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.italic = True
    run.font.size = Pt(size)
    run.font.name = FONT


def _fill_para(doc: Document, lead: str, what: str) -> None:
    fill(para(doc, lead, indent=True, after=3), what)


def header(doc: Document) -> None:
    """Issuing body (and the cluster) | national title and motto; number | place and date."""
    grid = table(doc, 2, [LEFT_COL_MM, RIGHT_COL_MM], grid=False)
    left, right = grid.rows[0].cells
    cell_para(left, "{{ header.body }}", size=12)
    _tag(left, "{%p if header.second %}")
    cell_para(left, "{{ header.second }}", bold=True, size=12)
    _tag(left, "{%p endif %}")
    rule(left, 28, LEFT_COL_MM)
    cell_para(right, NATIONAL_TITLE, bold=True, size=12)
    cell_para(right, MOTTO, bold=True, underline=True, size=13)
    number_cell, date_cell = grid.rows[1].cells
    cell_para(number_cell, "{{ header.number }}", size=13, before=6)
    cell_para(date_cell, "{{ header.place_and_date }}", italic=True, size=14, before=6)


def title(doc: Document, heading: str, lines: list[str]) -> None:
    para(doc, heading, bold=True, size=14, align="center", before=18, after=0)
    for line in lines:
        para(doc, line, bold=True, size=14, align="center", after=0)
    rule(doc, 35, TEXT_WIDTH_MM)
    para(doc, after=6, size=6)


def heading(doc: Document, text: str, before: float = 0) -> None:
    para(doc, text, bold=True, indent=True, before=before, keep=True)


def subheading(doc: Document, text: str) -> None:
    para(doc, text, bold=True, italic=True, indent=True, after=3, keep=True)


def _spacer(doc: Document) -> None:
    para(doc, after=6, size=6)


def rows_table(doc: Document, loop: str, widths: list[float], heads: tuple[str, ...], cells: tuple[tuple[str, str], ...], together: bool = False) -> None:
    """A grid table: a bold header row, then one row per item of ``loop`` (``{%tr for … %}``).

    ``together``: a short table (a cluster's members) is not split across pages, so that no page
    ends on the header and one row; a long one only repeats its header row on the next page.
    """
    grid = table(doc, 4, widths, grid=True)
    for cell, text in zip(grid.rows[0].cells, heads, strict=True):
        cell_para(cell, text, bold=True, size=13, keep=True)
    cell_para(grid.rows[1].cells[0], "{%tr for " + loop + " %}", size=13)
    for cell, (text, align) in zip(grid.rows[2].cells, cells, strict=True):
        cell_para(cell, text, size=13, align=align, keep=together)
    cell_para(grid.rows[3].cells[0], "{%tr endfor %}", size=13)


def ranking(doc: Document) -> None:
    """The ranking table (or a note that the scores are missing), and the illustrative note."""
    _tag(doc, "{%p if ranking %}")
    _tag(doc, "{%p if bands %}")  # the rules define bands (xếp loại): one more column
    rows_table(
        doc,
        "r in ranking",
        [10, 44, 17, 15, 27, 52],
        ("TT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Đề nghị khen thưởng"),
        (("{{ r.no }}", "center"), ("{{ r.name }}", "left"), ("{{ r.total }}", "center"), ("{{ r.rank }}", "center"), ("{{ r.band }}", "center"), ("{{ r.award }}", "left")),
        together=True,
    )
    _tag(doc, "{%p else %}")
    rows_table(
        doc,
        "r in ranking",
        [10, 48, 17, 15, 75],
        ("TT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"),
        (("{{ r.no }}", "center"), ("{{ r.name }}", "left"), ("{{ r.total }}", "center"), ("{{ r.rank }}", "center"), ("{{ r.award }}", "left")),
        together=True,
    )
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if scores_illustrative %}")
    para(doc, "{{ illustrative_note }}", italic=True, size=12, before=4)
    _tag(doc, "{%p else %}")
    _spacer(doc)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p else %}")
    para(doc, "(Bảng điểm chưa được nhập: bổ sung kết quả chấm điểm của các thành viên {{ cluster.kind }}.)", italic=True, indent=True)
    _tag(doc, "{%p endif %}")


def proposals(doc: Document, prefix: str = "") -> None:
    """'1. Cờ thi đua của Chính phủ: 01 tập thể' and the members, in ladder order."""
    _tag(doc, "{%p for p in proposals %}")
    para(doc, prefix + "{{ loop.index }}. {{ p.award }}: {{ p.count }} tập thể", bold=True, indent=True, after=3, keep=True)
    _loop(doc, "{%p for m in p.members %}", "- {{ m.name }}{% if m.rank %} (xếp thứ {{ m.rank }}{% if m.total %}, {{ m.total }} điểm{% endif %}){% endif %};", after=3)
    _loop(doc, "{%p for tie in p.ties %}", "- {{ tie }};", after=3)
    _tag(doc, "{%p else %}")
    para(doc, f"(Chưa có đề nghị: {BLANK})", italic=True, indent=True)
    _tag(doc, "{%p endfor %}")


def signature(cell: _Cell, lines: list[str] | None, instruction: str, pad: int = 0) -> None:
    """Title lines, the instruction (only while the name is unknown), room to sign, the name.

    ``lines`` None: the lines and the name come from ``signer``; else they are fixed and the name
    is a blank. ``pad`` adds room so that two blocks side by side end on the same line.
    """
    cell_para(cell, "", size=6, before=12)
    if lines is None:
        _tag(cell, "{%p for line in signer.lines %}")
        cell_para(cell, "{{ line }}", bold=True, size=13.5)
        _tag(cell, "{%p endfor %}")
        _tag(cell, "{%p if signer.name %}")
        cell_para(cell, "", size=13)
        _tag(cell, "{%p else %}")
        cell_para(cell, instruction, italic=True, size=13)
        _tag(cell, "{%p endif %}")
        name = "{{ signer.name or '" + NAME_BLANK + "' }}"
    else:
        for line in lines:
            cell_para(cell, line, bold=True, size=13.5)
        cell_para(cell, instruction, italic=True, size=13)
        name = NAME_BLANK
    for _ in range(4 + pad):
        cell_para(cell, "", size=13)
    cell_para(cell, name, bold=True, size=13.5)


def two_signatures(doc: Document, left: tuple[list[str] | None, str, int], right: tuple[list[str] | None, str, int]) -> None:
    grid = table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], grid=False)
    for cell, (lines, instruction, pad) in zip(grid.rows[0].cells, (left, right), strict=True):
        signature(cell, lines, instruction, pad)


def legal_bases(doc: Document) -> None:
    _loop(doc, "{%p for text in legal_bases %}", "Căn cứ {{ text }};", italic=True, after=3)


# --------------------------------------------------------------------------- the documents


def to_trinh() -> Document:
    """Tờ trình đề nghị khen thưởng: the cluster proposes its awards to the organiser."""
    doc = new_page("Tờ trình đề nghị khen thưởng (mẫu)", "thidua", FIXED)
    header(doc)
    title(doc, "TỜ TRÌNH", ["Về việc đề nghị khen thưởng thành tích thi đua {{ period }}"])
    para(doc, "Kính gửi: {{ organiser.name }}", align="center", after=12)
    legal_bases(doc)
    _tag(doc, "{%p if basis %}")
    para(doc, "Căn cứ {{ basis }};", italic=True, indent=True, after=3)
    _tag(doc, "{%p endif %}")
    para(doc, "Căn cứ Quy chế hoạt động của {{ cluster.name }};", italic=True, indent=True, after=3)
    para(doc, "Căn cứ kết quả chấm điểm, bình xét thi đua tại Hội nghị tổng kết công tác thi đua, khen thưởng {{ period }} của {{ cluster.kind }} {{ meeting.date_words }},", italic=True, indent=True)
    para(doc, "{{ cluster.name }} báo cáo kết quả và đề nghị khen thưởng {{ period }} như sau:", indent=True)
    heading(doc, "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA {{ period|upper }}")
    para(doc, "{{ cluster.name }} {{ period }} gồm {{ members|length }} thành viên: {{ members_line }}. Một số kết quả chủ yếu của {{ cluster.kind }}:", indent=True)
    _tag(doc, "{%p for fact in facts %}")
    para(doc, "- {{ fact }};", indent=True, after=3)
    _tag(doc, "{%p else %}")
    para(doc, f"(Kết quả chủ yếu của {{{{ cluster.kind }}}}: {BLANK})", italic=True, indent=True)
    _tag(doc, "{%p endfor %}")
    heading(doc, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG", before=6)
    ranking(doc)
    heading(doc, "III. ĐỀ NGHỊ KHEN THƯỞNG")
    para(doc, "Trên cơ sở kết quả chấm điểm, xếp hạng và bình xét, suy tôn, {{ cluster.name }} thống nhất đề nghị khen thưởng như sau:", indent=True, keep=True)
    proposals(doc)
    para(doc, "(Hồ sơ kèm theo: Biên bản họp bình xét thi đua, khen thưởng; Báo cáo thành tích của các tập thể được đề nghị khen thưởng.)", italic=True, indent=True, before=3)
    para(doc, "Kính đề nghị {{ organiser.name }} xem xét, trình cấp có thẩm quyền quyết định khen thưởng./.", indent=True, keep=True)
    grid = table(doc, 1, [LEFT_COL_MM + 10, RIGHT_COL_MM - 10], grid=False)
    left, right = grid.rows[0].cells
    cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12, align="left", before=12)
    _tag(left, "{%p for line in recipients %}")
    cell_para(left, "- {{ line }}{{ '.' if loop.last else ';' }}", size=11, align="left")
    _tag(left, "{%p endfor %}")
    signature(right, None, "(Ký, ghi rõ họ tên, đóng dấu)")
    return doc


def bien_ban() -> Document:
    """Biên bản họp bình xét: time, place, attendees, content, the vote, the outcome."""
    doc = new_page("Biên bản họp bình xét thi đua, khen thưởng (mẫu)", "thidua", FIXED)
    header(doc)
    title(doc, "BIÊN BẢN", ["Họp bình xét thi đua, khen thưởng {{ period }}", "{{ cluster.name }}"])
    heading(doc, "I. THỜI GIAN, ĐỊA ĐIỂM")
    para(doc, f"- Thời gian: vào hồi {BLANK} giờ {BLANK} phút, {{{{ meeting.date_words }}}}.", indent=True, after=3)
    para(doc, "- Địa điểm: {{ meeting.place }}.", indent=True)
    para(doc, "Căn cứ pháp lý:", italic=True, indent=True, after=3, keep=True)
    _loop(doc, "{%p for text in legal_bases %}", "- {{ text }};", italic=True, after=3)
    _tag(doc, "{%p if basis %}")
    para(doc, "- {{ basis }};", italic=True, indent=True, after=3)
    _tag(doc, "{%p endif %}")
    heading(doc, "II. THÀNH PHẦN THAM DỰ")
    para(doc, f"1. Chủ trì: đồng chí {BLANK * 3}, {{{{ meeting.chair }}}}, {{{{ cluster.chair_title }}}} {{{{ period }}}}.", indent=True, after=3)
    para(doc, f"2. Thư ký: {BLANK * 4}", indent=True, after=3)
    para(doc, "3. Đại diện {{ members|length }} đơn vị thành viên {{ cluster.kind }}:", indent=True, after=3)
    _loop(doc, "{%p for m in members %}", f"- {{{{ m.full_name }}}}: đồng chí {BLANK * 3}", after=0)
    para(doc, "4. Đại biểu mời: đại diện {{ organiser.name }}.", indent=True, before=3)
    heading(doc, "III. NỘI DUNG")
    subheading(doc, "1. Chấm điểm, xếp hạng")
    para(doc, "Trên cơ sở báo cáo tự chấm điểm của các đơn vị và kết quả thẩm định của các thành viên, Hội nghị thống nhất kết quả chấm điểm, xếp hạng {{ period }} như sau:", indent=True, keep=True)
    ranking(doc)
    subheading(doc, "2. Bình xét, suy tôn")
    para(doc, "Hội nghị bỏ phiếu kín suy tôn các đơn vị đề nghị khen thưởng. Tổng số phiếu phát ra: {{ votes.voters }}; số phiếu thu về: {{ votes.voters }}; số phiếu hợp lệ: {{ votes.voters }}. Kết quả:", indent=True, keep=True)
    _tag(doc, "{%p if votes.rows %}")
    rows_table(
        doc,
        "v in votes.rows",
        [12, 75, 40, 38],
        ("TT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ (%)"),
        (("{{ v.no }}", "center"), ("{{ v.name }}", "left"), ("{{ v.count }}", "center"), ("{{ v.share }}", "center")),
        together=True,
    )
    _tag(doc, "{%p if votes.illustrative %}")
    para(doc, "Ghi chú: dữ liệu năm này được ghi là minh hoạ; đối chiếu số phiếu với phiếu bầu thật trước khi ký.", italic=True, size=12, before=4)
    _tag(doc, "{%p else %}")
    _spacer(doc)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p else %}")
    para(doc, f"(Kết quả bỏ phiếu: {BLANK})", italic=True, indent=True)
    _tag(doc, "{%p endif %}")
    subheading(doc, "3. Kết quả")
    para(doc, "Hội nghị thống nhất đề nghị khen thưởng như sau:", indent=True, keep=True)
    proposals(doc, prefix="3.")
    para(doc, f"Biên bản kết thúc vào hồi {BLANK} giờ {BLANK} phút cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.", indent=True, before=6, keep=True)
    two_signatures(doc, (["THƯ KÝ"], "(Ký, ghi rõ họ tên)", 1), (["CHỦ TRÌ", "{{ cluster.chair_title|upper }}"], "(Ký, ghi rõ họ tên, đóng dấu)", 0))
    return doc


def bao_cao() -> Document:
    """Báo cáo thành tích of a collective proposed for a state-level award.

    Shaped on Decree 98/2023/NĐ-CP Mẫu số 07 (report of a collective): the unit's own header,
    I. Đặc điểm, tình hình; II. Thành tích đạt được; III. Các hình thức khen thưởng đã được ghi
    nhận. What only the unit knows is a highlighted "[Đơn vị bổ sung: …]" run.
    """
    doc = new_page("Báo cáo thành tích (mẫu)", "thidua", FIXED)
    header(doc)
    title(doc, "BÁO CÁO THÀNH TÍCH", ["Đề nghị tặng {{ award }}", "Thành tích {{ period }}"])
    legal_bases(doc)
    para(doc, "Tên tập thể đề nghị khen thưởng: {{ unit.full_name }} (thành viên {{ cluster.name }}).", indent=True)
    heading(doc, "I. ĐẶC ĐIỂM, TÌNH HÌNH")
    _fill_para(doc, "1. Đặc điểm, tình hình: ", "vị trí địa lý, diện tích, dân số, đơn vị hành chính trực thuộc; đặc điểm kinh tế - xã hội")
    _fill_para(doc, "2. Tổ chức bộ máy: ", "tổ chức Đảng, chính quyền, đoàn thể; số cán bộ, công chức")
    heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    subheading(doc, "1. Kết quả thực hiện các chỉ tiêu, nhiệm vụ {{ period }}")
    _loop(doc, "{%p for fact in unit.facts %}", "- {{ fact }};", after=3)
    _fill_para(doc, "{{ '- ' if unit.facts else '' }}", "các chỉ tiêu kinh tế - xã hội chủ yếu so với kế hoạch và cùng kỳ, có số liệu")
    subheading(doc, "2. Kết quả chấm điểm, xếp hạng trong {{ cluster.name }}")
    _tag(doc, "{%p if entry %}")
    para(doc, "{{ unit.full_name }}{% if entry.total %} đạt {{ entry.total }} điểm,{% else %} được Hội nghị{% endif %} xếp thứ {{ entry.rank }}/{{ entry.of }} đơn vị thành viên{% if entry.band %}, xếp loại {{ entry.band }}{% endif %}; được {{ cluster.name }} suy tôn, đề nghị tặng {{ award }}.", indent=True)
    _tag(doc, "{%p if indicators %}")
    rows_table(
        doc,
        "i in indicators",
        [11, 97, 30, 27],
        ("TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"),
        (("{{ i.no }}", "center"), ("{{ i.name }}", "left"), ("{{ i.max }}", "center"), ("{{ i.score }}", "center")),
    )
    _tag(doc, "{%p if scores_illustrative %}")
    para(doc, "Ghi chú: điểm minh hoạ, thay bằng kết quả chấm điểm chính thức.", italic=True, size=12, before=4)
    _tag(doc, "{%p else %}")
    _spacer(doc)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p else %}")
    para(doc, "{{ unit.full_name }} được {{ cluster.name }} suy tôn, đề nghị tặng {{ award }}.", indent=True)
    _fill_para(doc, "", "tổng điểm và thứ hạng trong Cụm")
    _tag(doc, "{%p endif %}")
    _fill_para(doc, "3. Các giải pháp, mô hình, cách làm hay: ", "những biện pháp, sáng kiến đã thực hiện")
    _fill_para(doc, "4. Công tác xây dựng Đảng, đoàn thể: ", "kết quả xếp loại tổ chức Đảng, đoàn thể")
    heading(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", before=6)
    para(doc, "1. Danh hiệu thi đua, hình thức khen thưởng qua các Cụm, Khối thi đua (theo dữ liệu đã ghi nhận):", indent=True, after=3, keep=True)
    _tag(doc, "{%p if previous_awards %}")
    grid = table(doc, 4, [20, 70, 75], grid=True)
    for cell, text in zip(grid.rows[0].cells, ("Năm", "Hình thức khen thưởng", "Số, ngày quyết định; cơ quan ban hành"), strict=True):
        cell_para(cell, text, bold=True, size=13)
    cell_para(grid.rows[1].cells[0], "{%tr for a in previous_awards %}", size=13)
    cells = grid.rows[2].cells
    cell_para(cells[0], "{{ a.year }}", size=13)
    cell_para(cells[1], "{{ a.award }}{{ a.who }}", size=13, align="left")
    fill(cell_para(cells[2], "", size=13, align="left"), "số, ngày quyết định", size=13)
    cell_para(grid.rows[3].cells[0], "{%tr endfor %}", size=13)
    _spacer(doc)
    _tag(doc, "{%p else %}")
    para(doc, "(Chưa có khen thưởng nào được ghi nhận trong dữ liệu của các Cụm, Khối thi đua.)", italic=True, indent=True, after=3)
    _tag(doc, "{%p endif %}")
    _fill_para(doc, "2. Các hình thức khen thưởng khác: ", "danh hiệu, hình thức khen thưởng khác trong 5 năm gần nhất, số quyết định")
    two_signatures(doc, (["XÁC NHẬN CỦA CẤP", "TRÌNH KHEN THƯỞNG"], "(Ký, đóng dấu)", 0), (None, "(Ký, ghi rõ họ tên, đóng dấu)", 0))
    return doc


LAYOUTS = {"to-trinh": to_trinh, "bien-ban": bien_ban, "bao-cao-thanh-tich": bao_cao}
