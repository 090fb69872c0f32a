"""Write the default dossier templates (docxtpl) into src/thidua/templates/documents/.

    python scripts/make_doc_templates.py           # (re)write them
    python scripts/make_doc_templates.py --check   # exit 1 when a committed one is out of date

It also writes the field list and the legal-bases table into docs/awards.md (between markers).

The layout is code (thidua/output/dossier/layout.py, built with the one set of Word builders in
thidua/output/docx.py); the files are what a province copies into its repository's ``templates/``
and edits in Word. Zip entries get a fixed timestamp, so the same code writes the same bytes.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from thidua.output.dossier.layout import LAYOUTS
from thidua.output.dossier.reference import fill_blocks
from thidua.output.dossier.templates import DEFAULTS as OUT

PAGE = Path(__file__).parents[1] / "docs" / "awards.md"  # its field and legal-bases tables


def _stable(data: bytes) -> bytes:
    """Zip entries in name order with a fixed timestamp."""
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
    for name, make in LAYOUTS.items():
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
    page = PAGE.read_text(encoding="utf-8")
    if fill_blocks(page) != page:
        stale.append(PAGE.name)
        if "--check" not in argv:
            PAGE.write_text(fill_blocks(page), encoding="utf-8")
    print(("out of date: " if "--check" in argv else "wrote: ") + (", ".join(stale) or "nothing"))
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
