"""Tables fit 80 columns without cutting a name; prose wraps at word boundaries (issue 11)."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from thidua.output.render.text import abbreviation, fit_headers, table_text, wrap

NAMES = ["Hà Giang", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Nam Định"]
HEADERS = ["Rank", "Member", "Total", "kinh-te", "xa-hoi", "tdkt", "dang-chinh-quyen", "an-ninh", "Bonus", "Deducted", "Votes", "vs 2022"]


def rows() -> list[list[str]]:
    return [[str(i + 1), name, "96.5", "39.5", "14", "21.5", "9", "9.5", "3", "0.5", "7", "↑2"] for i, name in enumerate(NAMES)]


def cell_width(line: str) -> int:
    return Text.from_ansi(line).cell_len


def test_a_wide_table_fits_80_columns_on_a_terminal_and_keeps_every_name() -> None:
    out = table_text("Cụm thi đua", HEADERS, rows(), align="rlr" + "r" * 9, terminal=True, width=80)
    assert max(cell_width(line) for line in out.splitlines()) <= 80
    for name in NAMES:
        assert name in out, name
    assert "dcq = dang-chinh-quyen" in out, "the legend says what an abbreviation stands for"


def test_a_wide_table_fits_80_columns_when_piped_and_keeps_every_name() -> None:
    out = table_text("Cụm thi đua", HEADERS, rows(), align="rlr" + "r" * 9, terminal=False, width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    for name in NAMES:
        assert name in out
    header = out.splitlines()[1]
    assert "Member" in header and "dang-chinh-quyen" not in header


def test_a_table_that_fits_is_left_alone() -> None:
    out = table_text("", ["Rank", "Member", "Total"], [["1", "Thừa Thiên Huế", "90"]], align="rlr", width=80)
    assert out.splitlines()[0].split() == ["Rank", "Member", "Total"] and " = " not in out


def test_rich_renders_the_same_names_at_width_80() -> None:
    buffer = io.StringIO()
    Console(file=buffer, width=80, force_terminal=True).print(Text.from_ansi(table_text("", HEADERS, rows(), align="rlr" + "r" * 9, terminal=True, width=80)))
    assert all(name in buffer.getvalue() for name in NAMES)


def test_abbreviations_are_unique() -> None:
    taken: set[str] = set()
    for header in ["Điểm thưởng", "Điểm trừ", "Điểm tính", "dang-chinh-quyen"]:
        label = abbreviation(header, taken)
        assert label not in taken and len(label) < len(header)
        taken.add(label)
    assert fit_headers(["Member", "Deducted"], [["Nam Định", "0"]], 10, 2)[1] == "Ded. = Deducted"


@given(st.lists(st.sampled_from(["Phía", "Bắc", "Thừa", "Thiên", "Huế", "Bà", "Rịa", "-", "Vũng", "Tàu", "kinh-te", "(GRDP)"]), min_size=1, max_size=60))
def test_prose_wraps_only_between_words(words: list[str]) -> None:
    text = " ".join(words)
    wrapped = wrap(text, 30)
    assert wrapped.split() == text.split(), "no word is cut or joined"
    assert all(len(line) <= 30 for line in wrapped.splitlines())


def test_the_units_renderer_speaks_the_language_it_is_given(monkeypatch) -> None:
    import datetime as dt

    from thidua.domain.units import UnitEntry
    from thidua.output.i18n import Translator
    from thidua.output.render import units

    monkeypatch.setattr("thidua.output.i18n._current", "en")
    fields = UnitEntry.__dataclass_fields__ if hasattr(UnitEntry, "__dataclass_fields__") else {}
    assert "id" in fields or hasattr(UnitEntry, "model_fields")
    assert units.headers(Translator("vi"))[0] == "Mã định danh" and units.headers(Translator("en"))[0] == "Id"
    assert units.text([], dt.date(2024, 1, 1), None, tr=Translator("vi")).startswith("Đơn vị ngày 01/01/2024")


def test_an_id_is_never_broken_and_columns_stay_aligned() -> None:
    from thidua.output.render.text import plain_table

    out = plain_table(["Id", "Name", "In", "Note"], [["phuong-phuc-xa-ba-dinh-ha-noi", "Phường Phúc Xá", "quan-ba-dinh-ha-noi", "a b c d e f g h i j k l m n"]],
                      width=60, keep=(0, 1))
    header, rule, row = out.splitlines()[:3]
    assert "quan-ba-dinh-ha-noi" in row and "Phường Phúc Xá" in row
    assert row.index("quan-ba-dinh-ha-noi") == header.index("In") == rule.index("-", header.index("In"))
