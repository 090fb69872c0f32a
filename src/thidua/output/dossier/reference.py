"""The parts of docs/awards.md written from code: the templates' fields and the legal-bases table.

``scripts/make_doc_templates.py`` puts them between ``<!-- dossier-fields -->`` and
``<!-- /dossier-fields -->`` (and ``dossier-legal-bases``); its ``--check`` fails when the page is stale.
"""

from __future__ import annotations

import datetime as dt

from thidua.domain.legal_bases import LEGAL_PERIODS
from thidua.output.dossier.context import FIELDS
from thidua.output.render.text import day as show_day


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def fields_markdown() -> str:
    lines = ["| field | value |", "|---|---|"]
    for names, value in FIELDS:
        lines.append(f"| {', '.join(f'`{n.strip()}`' for n in names.split(','))} | {_cell(value)} |")
    return "\n".join(lines)


def legal_bases_markdown() -> str:
    lines = ["| meeting on or after | cited (Căn cứ …) | checked against | not confirmed |", "|---|---|---|---|"]
    for index, period in enumerate(LEGAL_PERIODS):
        until = LEGAL_PERIODS[index + 1].start - dt.timedelta(days=1) if index + 1 < len(LEGAL_PERIODS) else None
        when = ("up to " + show_day(until)) if index == 0 and until else show_day(period.start) + (f" – {show_day(until)}" if until else " on")
        for number, text in enumerate(period.texts):
            unconfirmed = "; ".join(x for x in (text.unconfirmed, ('period: ' + period.start_unconfirmed) if number == 0 and period.start_unconfirmed else None) if x)
            lines.append(f"| {when if number == 0 else ''} | {_cell(text.text)} | {_cell(text.source or '—')} | {_cell(unconfirmed or '—')} |")
    return "\n".join(lines)


BLOCKS = {"dossier-fields": fields_markdown, "dossier-legal-bases": legal_bases_markdown}


def fill_blocks(page: str) -> str:
    """``page`` with each marked block replaced by what the code says now."""
    for name, make in BLOCKS.items():
        start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
        if start in page and end in page:
            head, rest = page.split(start, 1)
            _, tail = rest.split(end, 1)
            page = f"{head}{start}\n{make()}\n{end}{tail}"
    return page
