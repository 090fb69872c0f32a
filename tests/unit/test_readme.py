"""The README is short and states the set-up CI really runs."""

from __future__ import annotations

from support import ROOT

MAX_README_LINES = 200


def test_readme_is_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, "the long reference belongs on the docs site (docs/, mkdocs.yml)"


def test_ci_runs_the_two_set_up_commands_of_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd ", "export ", "bash .ci/system"))]
    # the README's two commands come first and verbatim; the extra checks follow them
    for command in commands[:2]:
        assert f"\n{command}\n" in readme, command
    assert "pip install -c requirements/lock.txt" in commands[0], "the set-up installs the locked versions"
    assert commands[1].endswith("python -m pytest")
