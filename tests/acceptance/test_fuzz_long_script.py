"""scripts/fuzz_long.py runs, checks and summarises: a fixed number of mutations, never the clock."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from support import ROOT

SCRIPT = ROOT / "scripts" / "fuzz_long.py"
spec = importlib.util.spec_from_file_location("fuzz_long", SCRIPT)
assert spec and spec.loader
fuzz_long = importlib.util.module_from_spec(spec)
sys.modules["fuzz_long"] = fuzz_long  # dataclasses look their module up
spec.loader.exec_module(fuzz_long)


def test_a_few_fixed_mutations_run_and_print_the_summary(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--mutations", "3", "--seed", "1", "--jobs", "1", "--only", "validate",
         "--only", "rotate", "--out", str(tmp_path / "failures")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    # failures on the current code are the script's findings, not its breakage: exit 0 or 1
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    summary = re.search(r"^fuzz_long: 3 mutations, (\d+) commands, (\d+) failures", done.stdout, re.M)
    assert summary, done.stdout
    assert int(summary.group(1)) >= 3
    assert (int(summary.group(2)) > 0) == (done.returncode == 1)


def test_mutations_are_a_function_of_seed_and_index() -> None:
    first, again = fuzz_long.make_mutation(7, 3), fuzz_long.make_mutation(7, 3)
    assert (first.file, first.ops, first.content, first.rename_to) == (again.file, again.ops, again.content, again.rename_to)


def test_the_checks_catch_what_they_are_for(tmp_path: Path) -> None:
    argv = ["--lang", "en", "rank", "2023", "--data", fuzz_long.D]
    run = fuzz_long.Ran(3, "\x1b[1mtable\x1b[0m", "Traceback (most recent call last):\nValueError: x")
    before = {"data/a.yaml": "1"}
    after = {"data/a.yaml": "2", "data/b.yaml": "3"}
    failures = fuzz_long.check_command(argv, run, before, after, tmp_path, tmp_path, {})
    assert {f.kind for f in failures} == {"escape", "traceback", "exit-code", "unexpected-write"}


def test_comments_ignore_hashes_inside_values() -> None:
    text = '# top\nkey: "a # not a comment"  # trailing\nother: b#c\n'
    assert fuzz_long.comments(text) == {"# top": 1, "# trailing": 1}
    assert fuzz_long.comments("\ufeff" + text.replace("\n", "\r\n")) == {"# top": 1, "# trailing": 1}


def test_a_written_file_that_does_not_validate_is_a_failure(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(fuzz_long.DATA, tmp_path / "data")
    before = fuzz_long.snapshot(tmp_path)
    (tmp_path / "data" / "clusters" / "dbsh" / "2025.yaml").write_text("cluster: dbsh\nyear: 2025\nmembers: 7\n")
    after = fuzz_long.snapshot(tmp_path)
    argv = ["--lang", "en", "rotate", "--cluster", "dbsh", "--data", fuzz_long.D, "--write"]
    run = fuzz_long.Ran(0, "", "")
    failures = fuzz_long.check_command(argv, run, before, after, tmp_path, tmp_path / "data", {})
    assert [f.kind for f in failures] == ["written-invalid"], failures
