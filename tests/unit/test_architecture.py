"""The layers a reader sees in the folders, enforced from the import graph.

cli → services → domain ← repository, and output (the one layer that speaks). The domain imports
nothing from output/, cli/, services/ or repository/ (no file I/O, no translation); services import
no typer; nothing below cli imports the cli.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "src" / "thidua"
LAYERS = ("cli", "services", "domain", "repository", "output")

# layer → what it must not import (thidua layers or third-party packages)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("thidua.cli", "thidua.services", "thidua.repository", "thidua.output", "typer", "rich", "click"),
    "repository": ("thidua.cli", "thidua.services", "thidua.output", "typer", "rich", "click"),
    "services": ("thidua.cli", "typer", "click"),
    "output": ("thidua.cli", "typer", "click"),
}

def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names if node.module == "thidua")
    return found


def violations() -> set[tuple[str, str]]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        module = module_name(path)
        layer = module.split(".")[1] if module.count(".") else ""
        for imported in imports_of(path):
            for banned in FORBIDDEN.get(layer, ()):
                if imported == banned or imported.startswith(banned + "."):
                    found.add((module, imported))
    return found


def test_every_module_lives_in_a_layer() -> None:
    loose = sorted(module_name(p) for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "__main__"})
    assert loose == [], "put each module in one of " + ", ".join(LAYERS)


def test_layers_import_only_what_they_may() -> None:
    new = violations()
    assert not new, "layer rule broken:\n" + "\n".join(f"{a} imports {b}" for a, b in sorted(new))


@pytest.mark.parametrize("layer", ["domain"])
def test_a_planted_violation_is_caught(layer: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "thidua"
    (package / layer).mkdir(parents=True)
    (package / layer / "bad.py").write_text("from thidua.output.i18n import t\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", package)
    assert violations() == {("thidua.domain.bad", "thidua.output.i18n")}
