"""Write the default dossier templates (docxtpl) into src/thidua/templates/documents/.

    python scripts/make_doc_templates.py

They are built with the same python-docx layout helpers as the built-in documents (Decree 30:
A4, Times New Roman, margins, header table, vi-VN), with jinja2 tags where the data goes, so that
the committed .docx files are reproducible. A province copies one into ``templates/`` beside its
``data/`` and edits it in Word; docs/awards.md lists the variables.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from thidua.output.docx import (
    BLANK,
    LEFT_COL_MM,
    MOTTO,
    NATIONAL_TITLE,
    RIGHT_COL_MM,
    TEXT_WIDTH_MM,
    _cell_para,
    _document,
    _para,
    _rule,
    _table,
    _title,
)

OUT = Path(__file__).parents[1] / "src" / "thidua" / "templates" / "documents"
FIXED = dt.datetime(2025, 1, 1)  # core properties of the template files themselves: reproducible


def header(doc, symbol: str, body: str = "{{ issuer|upper }}", second: str | None = "{{ cluster.name|upper }}", place: str = "{{ place_and_date }}") -> None:
    table = _table(doc, 2, [LEFT_COL_MM, RIGHT_COL_MM], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, body, size=12)
    if second:
        _cell_para(left, second, bold=True, size=12)
    _rule(left, 28, LEFT_COL_MM)
    _cell_para(right, NATIONAL_TITLE, bold=True, size=12)
    _cell_para(right, MOTTO, bold=True, underline=True, size=13)
    number, date = table.rows[1].cells
    _cell_para(number, f"Số: {BLANK}/{symbol}", size=13, before=6)
    _cell_para(date, place, italic=True, size=14, before=6)


def loop(doc, head: str, body: str, tail: str = "{%p endfor %}", **kwargs) -> None:
    _para(doc, head, after=0)
    _para(doc, body, indent=True, **kwargs)
    _para(doc, tail, after=0)


def legal(doc) -> None:
    loop(doc, "{%p for text in legal_bases %}", "Căn cứ {{ text }};", italic=True, after=3)


def ranking_table(doc) -> None:
    table = _table(doc, 4, [10, 42, 19, 16, 78], grid=True)
    for cell, text in zip(table.rows[0].cells, ("TT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"), strict=True):
        _cell_para(cell, text, bold=True, size=13)
    _cell_para(table.rows[1].cells[0], "{%tr for r in ranking %}", size=13)
    cells = table.rows[2].cells
    for cell, text, align in zip(cells, ("{{ loop.index }}", "{{ r.name }}", "{{ r.total }}", "{{ r.rank }}", "{{ r.award }}"), ("center", "left", "center", "center", "left"), strict=True):
        _cell_para(cell, text, size=13, align=align)
    _cell_para(table.rows[3].cells[0], "{%tr endfor %}", size=13)
    _para(doc, after=6, size=6)


def proposals(doc, prefix: str = "") -> None:
    _para(doc, "{%p for p in proposals %}", after=0)
    _para(doc, prefix + "{{ loop.index }}. {{ p.award }}: {{ p.count }} tập thể", bold=True, indent=True, after=3)
    loop(doc, "{%p for m in p.members %}", "- {{ m.name }} (xếp thứ {{ m.rank }}, {{ m.total }} điểm);", after=3)
    _para(doc, "{%p endfor %}", after=0)


def signature(cell, lines: str, name: str, instruction: str) -> None:
    _cell_para(cell, "", size=6, before=12)
    _cell_para(cell, "{%p for line in " + lines + " %}", size=13)
    _cell_para(cell, "{{ line }}", bold=True, size=13.5)
    _cell_para(cell, "{%p endfor %}", size=13)
    _cell_para(cell, instruction, italic=True, size=13)
    for _ in range(4):
        _cell_para(cell, "", size=13)
    _cell_para(cell, name, bold=True, size=13.5)


def to_trinh():
    doc = _document("Tờ trình đề nghị khen thưởng (mẫu)", "thidua", FIXED)
    header(doc, "TTr-{{ cluster.abbr }}")
    _title(doc, "TỜ TRÌNH", ["Về việc đề nghị khen thưởng thành tích thi đua năm {{ year }}"])
    _para(doc, "Kính gửi: {{ organiser.name }}", align="center", after=12)
    legal(doc)
    _para(doc, "Căn cứ Quy chế hoạt động của {{ cluster.name }};", italic=True, indent=True, after=3)
    _para(doc, "Căn cứ kết quả chấm điểm, bình xét thi đua tại Hội nghị tổng kết năm {{ year }} của {{ cluster.kind }} {{ meeting.date_words }},", italic=True, indent=True)
    _para(doc, "{{ cluster.name }} báo cáo kết quả và đề nghị khen thưởng năm {{ year }} như sau:", indent=True)
    _para(doc, "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM {{ year }}", bold=True, indent=True, keep=True)
    loop(doc, "{%p for fact in facts %}", "- {{ fact }};", after=3)
    _para(doc, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG", bold=True, indent=True, before=6, keep=True)
    ranking_table(doc)
    _para(doc, "III. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, indent=True, keep=True)
    proposals(doc)
    _para(doc, "Kính đề nghị {{ organiser.name }} xem xét, trình cấp có thẩm quyền quyết định khen thưởng./.", indent=True, before=6, keep=True)
    table = _table(doc, 1, [LEFT_COL_MM, RIGHT_COL_MM], grid=False)
    left, right = table.rows[0].cells
    _cell_para(left, "Nơi nhận:", bold=True, italic=True, size=12, align="left", before=12)
    for line in ("- Như trên;", "- Các thành viên {{ cluster.kind }};", "- Lưu: VT."):
        _cell_para(left, line, size=11, align="left")
    signature(right, "signer.lines", "{{ signer.name or '……………………' }}", "(Ký, ghi rõ họ tên, đóng dấu)")
    return doc


def bien_ban():
    doc = _document("Biên bản họp bình xét thi đua, khen thưởng (mẫu)", "thidua", FIXED)
    header(doc, "BB-{{ cluster.abbr }}")
    _title(doc, "BIÊN BẢN", ["Họp bình xét thi đua, khen thưởng năm {{ year }}", "{{ cluster.name }}"])
    _para(doc, "I. THỜI GIAN, ĐỊA ĐIỂM", bold=True, indent=True, keep=True)
    _para(doc, f"- Thời gian: vào hồi {BLANK} giờ {BLANK} phút, {{{{ meeting.date_words }}}}.", indent=True, after=3)
    _para(doc, "- Địa điểm: {{ meeting.place }}.", indent=True, after=3)
    loop(doc, "{%p for text in legal_bases %}", "- Căn cứ {{ text }};", italic=True, after=3)
    _para(doc, "II. THÀNH PHẦN THAM DỰ", bold=True, indent=True, keep=True)
    _para(doc, f"1. Chủ trì: đồng chí {BLANK * 3}, {{{{ cluster.chair_title }}}} năm {{{{ year }}}}.", indent=True, after=3)
    _para(doc, f"2. Thư ký: {BLANK * 4}", indent=True, after=3)
    _para(doc, "3. Đại diện {{ members|length }} đơn vị thành viên {{ cluster.kind }}:", indent=True, after=3)
    loop(doc, "{%p for m in members %}", f"- {{{{ m.full_name }}}}: đồng chí {BLANK * 3}", after=0)
    _para(doc, "4. Đại biểu mời: đại diện {{ organiser.name }}.", indent=True, before=3)
    _para(doc, "III. NỘI DUNG", bold=True, indent=True, keep=True)
    _para(doc, "1. Chấm điểm, xếp hạng", bold=True, italic=True, indent=True, after=3, keep=True)
    ranking_table(doc)
    _para(doc, "2. Bình xét, suy tôn", bold=True, italic=True, indent=True, after=3, keep=True)
    _para(doc, "Tổng số phiếu phát ra: {{ votes.voters }}. Kết quả:", indent=True)
    loop(doc, "{%p for v in votes.counts %}", "- {{ v.name }}: {{ v.count }}/{{ votes.voters }} phiếu;", after=0)
    _para(doc, "3. Kết quả", bold=True, italic=True, indent=True, after=3, keep=True)
    proposals(doc, "3.")
    _para(doc, f"Biên bản kết thúc vào hồi {BLANK} giờ {BLANK} phút cùng ngày, đã được thông qua./.", indent=True, before=6, keep=True)
    table = _table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], grid=False)
    left, right = table.rows[0].cells
    for cell, title in ((left, "THƯ KÝ"), (right, "CHỦ TRÌ")):
        _cell_para(cell, "", size=6, before=12)
        _cell_para(cell, title, bold=True, size=13.5)
        _cell_para(cell, "(Ký, ghi rõ họ tên)", italic=True, size=13)
        for _ in range(4):
            _cell_para(cell, "", size=13)
        _cell_para(cell, "……………………", bold=True, size=13.5)
    return doc


def bao_cao():
    doc = _document("Báo cáo thành tích (mẫu)", "thidua", FIXED)
    header(doc, "BC", body="{{ unit.committee|upper }}", second=None, place="{{ unit.seat }}, {{ meeting.date_words }}")
    _title(doc, "BÁO CÁO THÀNH TÍCH", ["Đề nghị tặng {{ award }}", "Thành tích năm {{ year }}"])
    legal(doc)
    _para(doc, "Tên tập thể đề nghị khen thưởng: {{ unit.full_name }} (thành viên {{ cluster.name }}).", indent=True)
    _para(doc, "I. ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, indent=True, keep=True)
    _para(doc, "[Đơn vị bổ sung: đặc điểm, tình hình; tổ chức bộ máy]", italic=True, indent=True)
    _para(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, indent=True, keep=True)
    loop(doc, "{%p for fact in unit.facts %}", "- {{ fact }};", after=3)
    _para(doc, "{%p if entry %}", after=0)
    _para(doc, "{{ unit.full_name }} đạt {{ entry.total }} điểm, xếp thứ {{ entry.rank }}/{{ entry.of }} trong {{ cluster.name }}.", indent=True)
    _para(doc, "{%p endif %}", after=0)
    _para(doc, "[Đơn vị bổ sung: các chỉ tiêu, giải pháp, mô hình, cách làm hay]", italic=True, indent=True)
    _para(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", bold=True, indent=True, keep=True)
    loop(doc, "{%p for a in previous_awards %}", "- Năm {{ a.year }}: {{ a.award }} ({{ a.unit }}, {{ a.cluster }});", after=3)
    _para(doc, "[Đơn vị bổ sung: số, ngày quyết định; các hình thức khen thưởng khác]", italic=True, indent=True)
    table = _table(doc, 1, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], grid=False)
    left, right = table.rows[0].cells
    for cell, title in ((left, "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"), (right, "TM. {{ unit.committee|upper }}")):
        _cell_para(cell, "", size=6, before=12)
        _cell_para(cell, title, bold=True, size=13.5)
        _cell_para(cell, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=13)
    return doc


def _stable(data: bytes) -> bytes:
    """Zip entries with a fixed timestamp: the same script writes the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            entry = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def build() -> dict[str, bytes]:
    files = {}
    for name, make in (("to-trinh", to_trinh), ("bien-ban", bien_ban), ("bao-cao-thanh-tich", bao_cao)):
        buffer = io.BytesIO()
        make().save(buffer)
        files[f"{name}.docx"] = _stable(buffer.getvalue())
    return files


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, data in build().items():
        path = OUT / name
        if not path.exists() or path.read_bytes() != data:
            stale.append(name)
            if "--check" not in argv:
                path.write_bytes(data)
    print(("out of date: " if "--check" in argv else "wrote: ") + (", ".join(stale) or "nothing"))
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
