"""Fixtures shared by tests/unit and tests/acceptance; the plain helpers behind them are in support.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `import support` from any test folder
sys.path.append(str(Path(__file__).parents[1] / "bench"))  # bench/hostile_corpus.py, shared with the benchmark

import support


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return support.ROOT


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shipped data/ (read only: use ``data_copy`` to change it)."""
    return support.DATA


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """tests/examples: the positive and negative example files."""
    return support.EXAMPLES


@pytest.fixture
def runner() -> Any:
    """The shared typer CliRunner."""
    return support.runner


@pytest.fixture
def invoke() -> Callable[..., Any]:
    """``invoke(["rank", "2023", ...])`` runs thidua in-process and returns the CliRunner result."""
    return support.invoke


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of the shipped data/ at tmp_path/data."""
    return support.copy_data(tmp_path / "data")


@pytest.fixture
def golden() -> Callable[[Path | str, str], None]:
    """``golden("rank/rank-2023.txt", text)`` compares with tests/golden/…; THIDUA_UPDATE_GOLDEN=1 rewrites."""

    def check(name: Path | str, text: str) -> None:
        support.check_golden(support.GOLDEN / name, text)

    return check
