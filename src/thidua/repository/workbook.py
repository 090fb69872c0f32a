"""Reading a workbook (.xlsx, .xls, .ods) as cells with their positions, through python-calamine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

META_SHEET = "_thidua"  # the hidden sheet an exported workbook records its cluster and year in
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


class WorkbookError(Exception):
    """The file cannot be read as a workbook."""


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]  # rows[r][c] is the cell at 0-based (r, c) of the sheet: A1 is [0][0]
    visible: bool = True

    def cell(self, row: int, column: int) -> object:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return None


@dataclass
class Workbook:
    path: Path
    sheets: list[Sheet] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # from the hidden _thidua sheet


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return str(value)
    return value


def read_workbook(path: Path) -> Workbook:
    """Every sheet's cells (values as stored: a formula's cached value), positioned from A1."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors, zip errors, OSError…
        raise WorkbookError(f"{type(exc).__name__}: {exc}") from None
    out = Workbook(path)
    try:
        visible = {m.name: str(m.visible).lower().endswith("visible") for m in book.sheets_metadata}
        for name in book.sheet_names:
            found = book.get_sheet_by_name(name)
            data = found.to_python(skip_empty_area=False)
            top, left = found.start or (0, 0)
            rows: list[list[object]] = [[] for _ in range(top)]
            for cells in data:
                rows.append([None] * left + [_clean(v) for v in cells])
            out.sheets.append(Sheet(name, rows, visible.get(name, True)))
    except Exception as exc:
        raise WorkbookError(f"{type(exc).__name__}: {exc}") from None
    finally:
        close = getattr(book, "close", None)  # python-calamine 0.2 has no close(): the file is read whole
        if close is not None:
            close()
    for sheet in out.sheets:
        if sheet.name == META_SHEET:
            for pair in sheet.rows:
                if len(pair) >= 2 and isinstance(pair[0], str) and pair[1] is not None:
                    value = pair[1]
                    out.meta[pair[0]] = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    out.sheets = [s for s in out.sheets if s.name != META_SHEET]
    return out
