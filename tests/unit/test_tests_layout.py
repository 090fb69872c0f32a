"""The test tree itself: arranged like the code, no test module imports another, goldens only on =1."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import support

TESTS = Path(support.__file__).parent
MODULES = sorted(TESTS.rglob("test_*.py"))


def test_every_test_module_is_in_unit_or_acceptance_with_a_unique_name() -> None:
    assert MODULES
    assert {p.parent.relative_to(TESTS).as_posix() for p in MODULES} <= {"unit", "acceptance"}
    names = [p.name for p in MODULES]
    assert len(names) == len(set(names))
    assert not list(TESTS.rglob("__init__.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_test_module_imports_another(path: Path) -> None:
    test_modules = {p.stem for p in MODULES} | {"conftest"}
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & test_modules, f"{path.name} imports a test module; share code through tests/support.py"


@pytest.mark.parametrize("value", ["0", "", "true", "yes", "1 "])
def test_a_golden_is_not_rewritten_unless_the_variable_is_exactly_1(value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_UPDATE_GOLDEN", value)
    path = tmp_path / "x.txt"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"(?s)differs from .*-old\n\+new"):
        support.check_golden(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    missing = tmp_path / "missing.txt"
    with pytest.raises(AssertionError, match="missing golden file"):
        support.check_golden(missing, "new\n")
    assert not missing.exists()


def test_thidua_update_golden_1_rewrites_and_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_UPDATE_GOLDEN", "1")
    path = tmp_path / "sub" / "x.txt"
    support.check_golden(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    monkeypatch.delenv("THIDUA_UPDATE_GOLDEN")
    support.check_golden(path, "new\n")


def test_the_shared_fixtures(invoke, data_copy: Path, golden, tmp_path: Path) -> None:
    assert (data_copy / "provinces.yaml").read_bytes() == (support.DATA / "provinces.yaml").read_bytes()
    result = invoke(["validate", str(data_copy)])
    assert result.exit_code == 0, result.output
    assert callable(golden)
