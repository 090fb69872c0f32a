"""Positive and negative example files, each with the exact diagnostics it must produce.

Every file in tests/examples/invalid/ is dropped into a copy of tests/examples/base/ (with the
shipped registry) as ``clusters/demo/2024.yaml`` (or where its ``# file:`` line says) and must
produce exactly the diagnostics its ``# expect: CODE LINE:COL [FILE]`` lines list: no more, no fewer.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import EXAMPLES, make_repo
from thidua.services.validate import validate_paths

EXPECT = re.compile(r"^# expect: (TD\d{3}) (\d+|-):(\d+|-)(?: (\S+))?$", re.M)
TARGET = re.compile(r"^# file: (\S+)$", re.M)


def _relative(root: Path, file: str) -> str:
    path = Path(file)
    if not path.is_absolute():
        path = (Path.cwd() / path)
    return path.resolve().relative_to(root.resolve()).as_posix()


def diagnostics_of(root: Path) -> list[tuple[str, str, int, int]]:
    """(code, file, line, column) of every diagnostic, sorted; 0 where there is no position."""
    return sorted((d.code, _relative(root, d.file), d.line or 0, d.column or 0) for d in validate_paths([root]).diagnostics)


def test_base_and_valid_example_are_clean(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    shutil.copy(EXAMPLES / "valid" / "2024.yaml", root / "clusters" / "demo" / "2024.yaml")
    assert diagnostics_of(root) == []


@pytest.mark.parametrize("case", sorted(p.name for p in (EXAMPLES / "invalid").glob("*.yaml")))
def test_invalid_example_gives_exactly_its_diagnostics(tmp_path: Path, case: str) -> None:
    text = (EXAMPLES / "invalid" / case).read_text(encoding="utf-8")
    target = TARGET.search(text)
    relative = target.group(1) if target else "clusters/demo/2024.yaml"
    root = make_repo(tmp_path)
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")
    expected = sorted(
        (code, file or relative, 0 if line == "-" else int(line), 0 if col == "-" else int(col))
        for code, line, col, file in EXPECT.findall(text)
    )
    assert expected, f"{case} declares no expectations"
    assert diagnostics_of(root) == expected
