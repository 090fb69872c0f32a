"""The README is assembled from docs/readme/ and states the set-up CI really runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location("build_readme", ROOT / "scripts" / "build_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_is_up_to_date() -> None:
    assert (ROOT / "README.md").read_text(encoding="utf-8") == _builder().build(), "run: python scripts/build_readme.py"


def test_ci_runs_the_two_set_up_commands_of_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd ", "export "))]
    # the README's two commands come first and verbatim; the extra checks follow them
    for command in commands[:2]:
        assert f"\n{command}\n" in readme, command
    assert "pip install -c requirements/lock.txt" in commands[0], "the set-up installs the locked versions"
    assert commands[1].endswith("python -m pytest")
