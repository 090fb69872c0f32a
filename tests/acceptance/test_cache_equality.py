"""The cache never changes an answer: after any sequence of edits, the report of a run that reads
the cache (warm from the steps before) is byte-for-byte the report of a run without it.

Edits are the ones the issue lists: change a score, add a member, delete a file, rename a cluster,
edit the registry, switch thidua's rules version; plus a damaged cache entry.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thidua
from support import generate_repository
from thidua.domain import rules
from thidua.output.render.diagnostics import RENDERERS
from thidua.repository import cache as store
from thidua.services.validate import validate

VERSION, TD103 = thidua.__version__, rules.SEVERITY["TD103"]
OPERATIONS = ["score", "member", "delete", "rename", "registry", "rules", "corrupt", "comment"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sectors' worth of clusters (~60 files), some with mistakes (the error path is cached too)."""
    return generate_repository(tmp_path_factory.mktemp("cache-equality") / "data", 60, seed=11, broken=0.15)


@pytest.fixture(autouse=True)
def _serial(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("THIDUA_JOBS", "1")
    monkeypatch.delenv(store.CACHE_ENV, raising=False)
    yield
    store.rules_fingerprint.cache_clear()


def report(root: Path, cache: bool) -> str:
    result = validate([root], cache=cache)
    return RENDERERS["json"](result.diagnostics, result.files)


def _year_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "clusters").glob("*/*.yaml") if p.name != "cluster.yaml")


def apply(root: Path, operation: str, n: int, state: dict[str, bool], monkeypatch: pytest.MonkeyPatch) -> None:
    years = _year_files(root)
    if operation == "score" and years:
        path = years[n % len(years)]
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(ct-\d+: )[0-9.]+", lambda m: f"{m.group(1)}{n % 40}", text, count=1)
        path.write_text(text, encoding="utf-8")
    elif operation == "member" and years:
        path = years[n % len(years)]
        ids = re.findall(r"^  - id: ([a-z0-9-]+)$", (root / "provinces.yaml").read_text(encoding="utf-8"), re.M)
        text = path.read_text(encoding="utf-8").replace("members: [", f"members: [{ids[n % 63]}, ", 1)
        path.write_text(text, encoding="utf-8")
    elif operation == "delete":
        files = sorted((root / "clusters").glob("*/*.yaml"))
        if files:
            files[n % len(files)].unlink()
    elif operation == "rename":
        clusters = sorted(p for p in (root / "clusters").iterdir() if p.is_dir())
        if clusters:
            chosen = clusters[n % len(clusters)]
            chosen.rename(chosen.with_name(chosen.name + "-x"))
    elif operation == "registry":
        path = root / "provinces.yaml"
        ids = re.findall(r"^  - id: ([a-z0-9-]+)$", path.read_text(encoding="utf-8"), re.M)
        old = ids[n % 63]
        path.write_text(path.read_text(encoding="utf-8").replace(f"  - id: {old}\n", f"  - id: {old}-x\n", 1), encoding="utf-8")
    elif operation == "rules":  # another thidua: its version differs, and so does what a rule says
        state["switched"] = not state.get("switched", False)
        switched = state["switched"]
        monkeypatch.setattr(thidua, "__version__", VERSION + "+other" if switched else VERSION)
        monkeypatch.setitem(rules.SEVERITY, "TD103", "warning" if switched else TD103)
        store.rules_fingerprint.cache_clear()
    elif operation == "corrupt":
        entries = sorted((root / store.CACHE_DIR).rglob("*.json"))
        if entries:
            entries[n % len(entries)].write_bytes(b'{"key": "not this one", "value": {"documents": []}}' if n % 2 else b"\x00garbage")
    elif operation == "comment" and years:
        path = years[n % len(years)]
        path.write_text(path.read_text(encoding="utf-8") + "# một dòng ghi chú\n", encoding="utf-8")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 10_000)), min_size=1, max_size=5))
def test_cached_report_equals_uncached_after_every_edit(generated: Path, monkeypatch: pytest.MonkeyPatch, steps: list[tuple[str, int]]) -> None:
    store.rules_fingerprint.cache_clear()  # a "rules" step of an earlier example left its own
    with tempfile.TemporaryDirectory() as scratch, monkeypatch.context() as patch:
        root = Path(scratch) / "data"
        shutil.copytree(generated, root)
        state: dict[str, bool] = {}
        assert report(root, cache=True) == report(root, cache=False)  # cold
        for operation, n in steps:
            apply(root, operation, n, state, patch)
            uncached = report(root, cache=False)
            assert report(root, cache=True) == uncached, (operation, n)
            assert report(root, cache=True) == uncached, (operation, n)  # and read back from what it wrote


def test_a_warm_run_reads_no_file_model(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing changed: every cluster comes from the cache, none is loaded."""
    from thidua.repository import loader

    root = tmp_path / "data"
    shutil.copytree(generated, root)
    cold = report(root, cache=True)
    loaded: list[str] = []
    real = loader.load_cluster
    monkeypatch.setattr(loader, "load_cluster", lambda directory, *a, **k: loaded.append(directory.name) or real(directory, *a, **k))
    assert report(root, cache=True) == cold
    assert loaded == []
    edited = _year_files(root)[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    assert report(root, cache=True) == cold
    assert loaded == [edited.parent.name], "only the changed cluster is checked again"
