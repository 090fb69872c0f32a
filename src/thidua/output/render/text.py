"""Shared output helpers: numbers the Vietnamese way, tables for a terminal or a pipe.

On a terminal tables are drawn with rich (which honours NO_COLOR: no colour, same table); when
piped or with TERM=dumb they are plain aligned text, so ``thidua rank 2023 | less`` and CI logs
stay readable.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from thidua.domain.message import Message, as_data
from thidua.domain.textsafe import csv_cell, json_safe, markdown_cell, safe_lines, safe_text
from thidua.output.i18n import language, say


def number(value: float | int | None, decimals: int = 2, lang: str | None = None) -> str:
    """1234.5 → '1.234,5' in Vietnamese, '1,234.5' in English; trailing zeros dropped."""
    if value is None:
        return "–"
    rounded = round(float(value), decimals)
    locale = "vi_VN" if (lang or language()) == "vi" else "en_US"
    if rounded == 0:  # 0.0 "0" and -0.0 "-0" are one key to a cache
        return _formatted(rounded, decimals, locale)
    return _known(rounded, decimals, locale)


_SEPARATORS = {"vi_VN": (".", ","), "en_US": (",", ".")}  # (group, decimal) of the locales ``number`` writes


def _formatted(value: float, decimals: int, locale: str) -> str:
    """``value`` (already rounded to ``decimals``) as babel's ``format_decimal`` writes it with the
    pattern ``#,##0.##`` (as many ``#`` as decimals). Babel costs ~0.1 ms a call and a site
    formats tens of thousands of distinct scores, so the common case (a plain decimal, up to
    ``decimals`` digits after the point) is written here, digit for digit as babel would (the
    same grouping, trailing zeros dropped, -0.0 is "-0"; tests/unit/test_number_format.py
    compares them); anything else (an exponent, infinity) is babel's."""
    whole, _, fraction = repr(value).partition(".")
    fraction = fraction.rstrip("0")
    separators = _SEPARATORS.get(locale)
    if separators is None or len(fraction) > decimals or not whole.lstrip("-").isdigit() or not (fraction.isdigit() or not fraction):
        return _babel(value, decimals, locale)
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return sign + separators[0].join(reversed(groups)) + (separators[1] + fraction if fraction else "")


@functools.lru_cache(maxsize=8192)
def _known(value: float, decimals: int, locale: str) -> str:
    """``_formatted``, kept: a site or a long report writes the same scores many times."""
    return _formatted(value, decimals, locale)


@functools.lru_cache(maxsize=1024)
def _babel(value: float, decimals: int, locale: str) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    return str(format_decimal(value, format=pattern, locale=locale))


def day(value: Any) -> str:
    """Dates are written dd/mm/yyyy in both languages (the Vietnamese administrative convention)."""
    return value.strftime("%d/%m/%Y") if value is not None else "–"


def ordinal(n: int, lang: str | None = None) -> str:
    """1st, 2nd, 3rd, 11th… in English (grammar, computed); "thứ 1" in Vietnamese (catalogued)."""
    return _ordinal(n, lang or language())


@functools.lru_cache(maxsize=1024)
def _ordinal(n: int, lang: str) -> str:
    from thidua.output.i18n import t

    if lang == "en":
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    return t("rank.ordinal", lang=lang, n=n)


def is_terminal(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _width(text: str) -> int:
    """Display width: combining marks take no column (Vietnamese text is NFC, but be safe)."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "", width: int | None = None,
                keep: Sequence[int] = ()) -> str:
    """Columns padded with spaces; ``align`` is one letter per column, 'r' for right.

    With ``width``, a table wider than that narrows its widest left-aligned columns (never one in
    ``keep``, never below 12 nor its longest word) and wraps their cells at word boundaries: a cell spans lines, no word
    is cut.
    """
    import textwrap

    cells = [[safe_text(str(h)) for h in headers]] + [[safe_text(str(c)) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    gaps = 2 * (len(widths) - 1)
    narrow = [i for i in range(len(widths)) if align[i:i + 1] != "r" and i not in keep]
    # a column narrows down to 12, or to its longest word (an id is one word: never broken)
    floor = {i: max([12] + [_width(word) for row in cells[1:] for word in row[i].split()]) for i in narrow}
    while width and sum(widths) + gaps > width:
        wide = [i for i in narrow if widths[i] > floor[i]]
        if not wide:
            break
        i = max(wide, key=lambda k: widths[k])
        widths[i] -= 1
    out = []
    for n, row in enumerate(cells):
        parts_of = [[cell] for cell in row]
        if n > 0:
            for i in narrow:
                if _width(row[i]) > widths[i]:
                    parts_of[i] = textwrap.wrap(row[i], width=widths[i], break_long_words=False, break_on_hyphens=False) or [""]
        for k in range(max(len(p) for p in parts_of)):
            parts = []
            for i, lines in enumerate(parts_of):
                cell = lines[k] if k < len(lines) else ""
                pad = " " * max(widths[i] - _width(cell), 0)
                parts.append(pad + cell if (align[i:i + 1] == "r") else cell + pad)
            out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def wrap(text: str, width: int | None) -> str:
    """Prose wrapped at word boundaries to ``width`` columns (None: one line per paragraph)."""
    if not width:
        return text
    import textwrap

    out = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        bullet = indent + 2 if line.lstrip().startswith(("- ", "• ", "* ")) else indent
        out.append(textwrap.fill(line, width=width, subsequent_indent=" " * bullet, break_long_words=False, break_on_hyphens=False) if line.strip() else line)
    return "\n".join(out)


def text_width(terminal: bool) -> int:
    """The columns to fill: the terminal's on a terminal, 80 when piped (a CI log, a file)."""
    if not terminal:
        return 80
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def abbreviation(header: str, taken: set[str]) -> str:
    """A short label for a long header: the initials of its words (``dang-chinh-quyen`` → ``dcq``),
    else its first three letters and a dot; a digit is added when the label is taken."""
    import re

    words = [w for w in re.split(r"[-\s_/:]+", header) if w]
    short = "".join(w[0] for w in words) if len(words) > 1 else header[:3] + "."
    if short in taken and len(words) > 1:  # Điểm thưởng, Điểm trừ → Đth, Đtr
        short = "".join(w[0] for w in words[:-1]) + words[-1][:2]
    label, n = short, 2
    while label in taken:
        label, n = f"{short}{n}", n + 1
    return label


def fit_headers(headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int, overhead: int, wraps: Sequence[int] = ()) -> tuple[list[str], str]:
    """Headers shortened, longest first, until the table fits ``width`` columns (cells are never
    cut; the columns in ``wraps`` count as at most 24 wide, since it wraps); and the legend of each
    abbreviation, to print under the table."""
    shown = [safe_text(str(h)) for h in headers]
    cells = [[safe_text(str(c)) for c in row] for row in rows]
    content = [max([_width(row[i]) for row in cells if i < len(row)] + [1]) for i in range(len(shown))]
    for i in wraps:
        content[i] = min(content[i], 24)
    legend: dict[str, str] = {}

    def total() -> int:
        return sum(max(_width(h), c) for h, c in zip(shown, content, strict=True)) + overhead * len(shown)

    while total() > width:
        excess = [(_width(h) - c, i) for i, (h, c) in enumerate(zip(shown, content, strict=True)) if _width(h) > c and shown[i] not in legend]
        if not excess:
            break
        _, i = max(excess)
        label = abbreviation(shown[i], set(shown) | set(legend))
        if _width(label) >= _width(shown[i]):
            break
        legend[label] = shown[i]
        shown[i] = label
    return shown, "; ".join(f"{h} = {legend[h]}" for h in shown if h in legend)  # in column order


def table_text(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "", caption: str = "",
               terminal: bool = False, width: int | None = None, keep: Sequence[int] = (1,)) -> str:
    """A table as text: drawn with rich on a terminal, plain aligned text otherwise.

    ``keep``: the columns never cut nor wrapped (a member's name, a unit's id); the others wrap
    or shrink instead. Ends with a blank line in both modes.
    """
    width = width or text_width(terminal)
    headers, legend = fit_headers(headers, rows, width, 3 if terminal else 2, [i for i in range(len(headers)) if align[i:i + 1] != "r" and i not in keep])
    if legend:
        caption = wrap(legend, width) + ("\n" + caption if caption else "")
    if terminal:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        # data is text, never markup, and never a terminal escape
        table = Table(title=escape(safe_lines(title)) or None, caption=escape(safe_lines(caption)) or None, title_justify="left", caption_justify="left")
        for i, header in enumerate(headers):
            widest = max([_width(safe_text(str(row[i]))) for row in rows if i < len(row)] + [0])
            table.add_column(escape(safe_text(str(header))), justify="right" if align[i:i + 1] == "r" else "left",
                             no_wrap=i in keep, min_width=widest if i in keep else None)
        for row in rows:
            table.add_row(*[escape(safe_text(str(c))) for c in row])
        buffer = io.StringIO()
        Console(file=buffer, highlight=False, force_terminal=True, width=width).print(table)
        return buffer.getvalue() + "\n"
    text = (safe_lines(title) + "\n" if title else "") + plain_table(headers, rows, align, width, keep)
    if caption:
        text += safe_lines(caption) + "\n"
    return text + "\n"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> str:
    marks = ["---:" if align[i:i + 1] == "r" else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(markdown_cell(h) for h in headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


BOM = "\ufeff"


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV with a byte-order mark first, so that Excel on Windows reads the UTF-8 ("Nam Định")."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def json_text(value: Any) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2, default=str)) + "\n"


def message_json(message: Message) -> dict[str, Any]:
    """A message in JSON: ``code`` and raw ``params`` (the same in every language), then its words."""
    return {**as_data(message), "message": say(message)}
