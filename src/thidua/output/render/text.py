"""Shared output helpers: numbers the Vietnamese way, tables for a terminal or a pipe.

On a terminal tables are drawn with rich (which honours NO_COLOR: no colour, same table); when
piped or with TERM=dumb they are plain aligned text, so ``thidua rank 2023 | less`` and CI logs
stay readable.
"""

from __future__ import annotations

import csv
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
    from babel.numbers import format_decimal

    pattern = "#,##0." + "#" * decimals if decimals else "#,##0"
    locale = "vi_VN" if (lang or language()) == "vi" else "en_US"
    return format_decimal(round(float(value), decimals), format=pattern, locale=locale)


def day(value: Any) -> str:
    """Dates are written dd/mm/yyyy in both languages (the Vietnamese administrative convention)."""
    return value.strftime("%d/%m/%Y") if value is not None else "–"


def is_terminal(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _width(text: str) -> int:
    """Display width: combining marks take no column (Vietnamese text is NFC, but be safe)."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> str:
    """Columns padded with spaces; ``align`` is one letter per column, 'r' for right."""
    cells = [[safe_text(str(h)) for h in headers]] + [[safe_text(str(c)) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            parts.append(pad + cell if (align[i:i + 1] == "r") else cell + pad)
        out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "", caption: str = "") -> None:
    """A rich table on a terminal, plain text otherwise."""
    if is_terminal():
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        # data is text, never markup, and never a terminal escape
        table = Table(title=escape(safe_lines(title)), caption=escape(safe_lines(caption)) or None, title_justify="left", caption_justify="left")
        for i, header in enumerate(headers):
            table.add_column(escape(safe_text(str(header))), justify="right" if align[i:i + 1] == "r" else "left")
        for row in rows:
            table.add_row(*[escape(safe_text(str(c))) for c in row])
        Console(highlight=False).print(table)
        return
    text = (safe_lines(title) + "\n" if title else "") + plain_table(headers, rows, align)
    if caption:
        text += safe_lines(caption) + "\n"
    sys.stdout.write(text + "\n")



def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> str:
    marks = ["---:" if align[i:i + 1] == "r" else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(markdown_cell(h) for h in headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def json_text(value: Any) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2, default=str)) + "\n"


def message_json(message: Message) -> dict[str, Any]:
    """A message in JSON: ``code`` and raw ``params`` (the same in every language), then its words."""
    return {**as_data(message), "message": say(message)}
