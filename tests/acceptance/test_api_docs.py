"""docs/api.md cannot rot: every ```python block in it runs, from the repository root."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import ROOT

DOC = ROOT / "docs" / "api.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_each_example_runs(code: str) -> None:
    env = {"THIDUA_LANG": "en", "PATH": "", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_the_page_is_in_the_nav() -> None:
    assert "api.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
