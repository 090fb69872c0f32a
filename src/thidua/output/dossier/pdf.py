"""PDF copies of the drafts, converted by LibreOffice (``soffice --headless --convert-to pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(Exception):
    """LibreOffice is not installed (or not on PATH)."""


class PdfFailed(Exception):
    """LibreOffice ran but produced no PDF."""


def soffice() -> str | None:
    """The LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_files: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Convert ``docx_files`` into ``outdir`` (same stem, .pdf) in one LibreOffice run.

    A private user profile keeps the run away from a LibreOffice the user has open.
    """
    program = soffice()
    if program is None:
        raise PdfUnavailable("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-lo-") as profile:
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *[str(p) for p in docx_files],
        ]
        env = {**os.environ, "HOME": profile}
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
    made = [outdir / f"{p.stem}.pdf" for p in docx_files]
    missing = [p for p in made if not p.exists()]
    if missing:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PdfFailed(f"{missing[0].name} was not produced" + (f": {detail[-1]}" if detail else ""))
    return made
