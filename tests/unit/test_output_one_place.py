"""The ordinal and the dd/mm/yyyy date are written in one place of the output layer (issue 11)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from thidua.domain.message import Message, Ordinal
from thidua.output.i18n import say, show
from thidua.output.render.text import day, ordinal

OUTPUT = Path(__file__).resolve().parents[2] / "src" / "thidua" / "output"


def test_ordinals_in_both_languages() -> None:
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]
    assert ordinal(1, "vi") == "thứ 1" and ordinal(12, "vi") == "thứ 12"


def test_messages_show_ordinals_and_days_through_the_same_functions() -> None:
    assert show(Ordinal(2), "en") == ordinal(2, "en") and show(Ordinal(2), "vi") == ordinal(2, "vi")
    assert show(dt.date(2025, 7, 1), "en") == day(dt.date(2025, 7, 1)) == "01/07/2025"
    assert isinstance(say(Message("word.did_you_mean", {"options": "'dbsh'"}), "vi"), str)


def test_no_second_ordinal_or_date_format_in_the_output_layer() -> None:
    dates, suffixes = [], []
    for path in OUTPUT.rglob("*"):
        if path.suffix not in (".py", ".html", ".xml", ".j2") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if "%d/%m/%Y" in text:
            dates.append(path.relative_to(OUTPUT).as_posix())
        if re.search(r"""\{1: ["']st["']""", text):
            suffixes.append(path.relative_to(OUTPUT).as_posix())
    assert dates == ["render/text.py"]
    assert suffixes == ["render/text.py"]
