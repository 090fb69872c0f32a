"""A hostile corpus: each case is a would-be cluster-year file dropped into a copy of the shipped data.

Every case must give exit 1 and a diagnostic naming the file (and its line where there is one)
with the expected rule code, quickly, in little memory, with no traceback; nothing is executed and
nothing outside the data root is read or printed. Light cases run in-process through typer's
CliRunner; the heavy ones (bombs, deep nesting, huge files) in a subprocess with a timeout, so a
hang fails the test instead of hanging CI, and with the child's own peak memory measured.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import CASES, TARGET, Case, child_command, child_env, child_stats

from support import copy_data, runner
from thidua.cli.app import app

MEGABYTES = 200  # the issue's bound per case (peak RSS of the validating process)
HANG = 60  # seconds before a subprocess counts as hung


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shipped") / "data"
    copy_data(root)
    return root


def prepare(case: Case, shipped: Path, tmp_path: Path) -> tuple[Path, int | None]:
    root = tmp_path / "data"
    shutil.copytree(shipped, root, symlinks=True)
    return root, case.write(root / TARGET, tmp_path)


def check_report(case: Case, report: dict, output: str, line: int | None, tmp_path: Path) -> None:
    assert "Traceback" not in output
    ours = [d for d in report["diagnostics"] if d["file"].endswith(TARGET.as_posix())]
    assert ours, f"no diagnostic names {TARGET}: {report['diagnostics']}"
    match = [d for d in ours if d["code"] == case.code]
    assert match, f"expected {case.code}, got {[(d['code'], d['line'], d['message']) for d in ours]}"
    if line is not None:
        assert match[0]["line"] == line, match[0]
    for d in report["diagnostics"]:
        assert set(d) >= {"file", "line", "column", "code", "severity", "message"}
    assert not (tmp_path / "pwned").exists(), "a tag executed code"
    assert "SECRET-7f3a9" not in output, "content outside the data root was read and printed"
    longest = max(len(d["message"]) + len(d.get("hint") or "") for d in report["diagnostics"])
    assert longest < 1000, "a hostile value was echoed back whole"


LIGHT = [c for c in CASES if not c.heavy]
HEAVY = [c for c in CASES if c.heavy]


@pytest.mark.parametrize("case", LIGHT, ids=[c.name for c in LIGHT])
def test_light_case_in_process(case: Case, shipped: Path, tmp_path: Path) -> None:
    root, line = prepare(case, shipped, tmp_path)
    result = runner.invoke(app, ["validate", "--format", "json", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    check_report(case, json.loads(result.stdout), result.output, line, tmp_path)


def run_child(root: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    done = subprocess.run(child_command(sys.executable, root), capture_output=True, text=True, timeout=HANG, env=child_env(), check=False)
    return done, child_stats(done.stderr)[0]


@pytest.mark.parametrize("case", HEAVY, ids=[c.name for c in HEAVY])
def test_heavy_case_in_a_subprocess(case: Case, shipped: Path, tmp_path: Path) -> None:
    root, line = prepare(case, shipped, tmp_path)
    done, megabytes = run_child(root)
    assert done.returncode == 1, done.stderr[-2000:]
    check_report(case, json.loads(done.stdout), done.stdout + done.stderr, line, tmp_path)
    # Memory is deterministic enough to assert; time is not (bench/hostile.py measures it).
    # A hang is still caught: the child is killed after HANG seconds and the test fails.
    assert megabytes < MEGABYTES, f"peak {megabytes:.0f} MB"


def test_a_clusters_directory_linked_outside_is_refused(shipped: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    shutil.copytree(shipped / "clusters", outside)
    (outside / "dbsh" / "2024.yaml").write_text("cluster: SECRET-7f3a9\n", encoding="utf-8")
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(shipped / "provinces.yaml", root)
    (root / "clusters").symlink_to(outside)
    result = runner.invoke(app, ["validate", "--format", "json", str(root)])
    assert result.exit_code == 1
    codes = {(Path(d["file"]).name, d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("clusters", "TD020") in codes
    assert "SECRET-7f3a9" not in result.output


def test_a_cluster_directory_linked_outside_is_refused(shipped: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(shipped, root)
    outside = tmp_path / "elsewhere"
    shutil.copytree(shipped / "clusters" / "dbsh", outside)
    (outside / "2024.yaml").write_text("cluster: SECRET-7f3a9\n", encoding="utf-8")
    (root / "clusters" / "stolen").symlink_to(outside)
    result = runner.invoke(app, ["validate", "--format", "json", str(root)])
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "TD020"]
    assert [Path(d["file"]).name for d in found] == ["stolen"]
    assert "SECRET-7f3a9" not in result.output


def test_the_corpus_covers_the_issue() -> None:
    names = {c.name for c in CASES}
    for wanted in ("billion-laughs", "merge-key-bomb", "deep-flow-sequences", "deep-block-sequences", "fifo",
                   "deep-indented-mappings", "60-MB-file", "2-MB-line", "binary", "utf-16-with-bom",
                   "utf-16-without-bom", "invalid-utf-8", "utf-8-bom", "crlf", "tabs", "python-object-apply",
                   "several-documents", "symlink-outside", "directory-named-like-a-file", "nfd-text",
                   "year-as-text", "code-as-number", "nan-score", "inf-score", "5000-digit-number", "empty",
                   "comment-only", "list-at-top", "scalar-at-top"):
        assert wanted in names
