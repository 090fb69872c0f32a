"""Property-based fuzzing: mutated copies of the shipped files never crash ``thidua validate``.

Each example mutates one shipped file (deleted, duplicated or re-indented lines, a value swapped for
one of another type, random bytes, truncation) in a copy of data/, validates it in-process (the
library call behind the command, for speed) and checks the report: valid JSON, every diagnostic
positioned and coded, exit status 0 or 1. A few examples go through the real CLI. CI runs a small
number of examples; ``scripts/fuzz_long.py`` runs every command (and this report property) over
mutated copies for as long as it is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import DATA, copy_data, runner
from thidua.cli.app import app
from thidua.output.i18n import catalogue
from thidua.output.messages import SEVERITY
from thidua.output.render.diagnostics import render_json
from thidua.services.validate import validate_paths

SHIPPED = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))

VALUES = [
    "42", "-1", "7.5", "1e999", ".nan", "-.inf", "9" * 400, "0x1F", "012", "12:30", "yes", "~", "null", "true",
    '"text"', "'quoted'", "[a, b]", "[]", "{a: 1}", "{}", "2024-13-45", "2024-03-13", "!!python/name:os.system",
    "&anchor x", "*anchor", "<<", "|", ">", "'unterminated", '"\\x"', "bac-giang", "24", "Hà Nội",
    "Ha\u0300 No\u0323\u0302i", "- x", "? x", ": x", "%", "@", "`", "---", "...", "#",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A shipped file's path and mutated bytes: one to four edits."""
    name = draw(st.sampled_from(SHIPPED))
    lines = (DATA / name).read_bytes().split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "bytes", "truncate", "indent", "move"]))
        if kind == "delete":
            del lines[at : at + draw(st.integers(1, 5))]
        elif kind == "duplicate":
            lines[at:at] = lines[at : at + draw(st.integers(1, 3))]
        elif kind == "swap" and b":" in lines[at]:
            key = lines[at].split(b":", 1)[0]
            lines[at] = key + b": " + draw(st.sampled_from(VALUES)).encode()
        elif kind == "bytes":
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.binary(min_size=1, max_size=8)) + line[cut:]
        elif kind == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split(b"\n")
        elif kind == "indent":
            shift = draw(st.integers(-4, 4))
            lines[at] = b" " * shift + lines[at] if shift >= 0 else lines[at][-shift:]
        elif kind == "move":
            lines.insert(draw(st.integers(0, len(lines))), lines.pop(at))
    return name, b"\n".join(lines)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "data"
    copy_data(root)
    return root


@contextmanager
def mutated(root: Path, name: str, content: bytes) -> Iterator[Path]:
    """One file replaced for the duration of an example, then restored byte for byte."""
    path = root / name
    original = (DATA / name).read_bytes()
    path.write_bytes(content)
    try:
        yield path
    finally:
        path.write_bytes(original)


def check_report(text: str, exit_code: int) -> dict:
    report = json.loads(text)
    assert exit_code in (0, 1)
    assert report["version"] == 1
    for d in report["diagnostics"]:
        assert set(d) >= {"file", "line", "column", "code", "severity", "message"}
        assert d["code"] in SEVERITY, d
        assert d["severity"] in ("error", "warning", "info")
        assert d["line"] is None or (isinstance(d["line"], int) and d["line"] >= 1)
        assert d["column"] is None or (isinstance(d["column"], int) and d["column"] >= 1)
        assert isinstance(d["message"], str) and d["message"]
        for placeholder in re.findall(r"\{\w+\}", catalogue()[d["code"]]["en"]):
            assert placeholder not in d["message"], f"unfilled {placeholder}: {d}"
    errors = sum(d["severity"] == "error" for d in report["diagnostics"])
    assert (exit_code == 1) == (errors > 0)
    return report


def validate_in_process(root: Path) -> None:
    result = validate_paths([root])
    check_report(render_json(result.diagnostics, result.files), 0 if result.ok else 1)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(mutations())
def test_mutated_files_give_a_valid_report(workdir: Path, mutation: tuple[str, bytes]) -> None:
    name, content = mutation
    with mutated(workdir, name, content):
        validate_in_process(workdir)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_files_through_the_cli(workdir: Path, mutation: tuple[str, bytes]) -> None:
    name, content = mutation
    with mutated(workdir, name, content):
        result = runner.invoke(app, ["validate", "--format", "json", str(workdir)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    check_report(result.stdout, result.exit_code)


def test_a_known_mutation_is_reported_where_it_is(workdir: Path) -> None:
    # Guards the property above against passing vacuously: a mutation must show up, positioned.
    name = "clusters/dbsh/2024.yaml"
    lines = (DATA / name).read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(b"year:"))
    lines[at] = b"year: .nan"
    with mutated(workdir, name, b"\n".join(lines)):
        result = validate_paths([workdir])
    found = [(d.file.endswith(name), d.line, d.code) for d in result.diagnostics if d.severity == "error"]
    assert (True, at + 1, "TD016") in found
    assert (workdir / name).read_bytes() == (DATA / name).read_bytes(), "the example restored the file"
