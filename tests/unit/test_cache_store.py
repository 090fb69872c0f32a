"""The cache's store: exact round trips, misses for anything damaged or foreign, atomic writes, a bound."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.message import Message
from thidua.repository import cache as store
from thidua.repository import loader, yamlsafe

leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates())
values = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.builds(Message, st.text(min_size=1, max_size=8), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    ),
    max_leaves=10,
)


@given(values)
def test_a_parameter_comes_back_equal_and_of_the_same_type(value: object) -> None:
    back = store.decode(json.loads(json.dumps(store.encode(value))))
    assert back == value
    assert type(back) is type(value)


def test_nan_and_infinity_come_back() -> None:
    back = store.decode(json.loads(json.dumps(store.encode([float("inf"), float("-inf")]))))
    assert back == [float("inf"), float("-inf")]
    assert str(store.decode(store.encode(float("nan")))) == "nan"


def test_what_cannot_come_back_exactly_is_refused() -> None:
    with pytest.raises(store.Unstorable):
        store.encode({1: "a key that is not text"})
    with pytest.raises(store.Unstorable):
        store.encode(dt.datetime(2024, 1, 1))


def test_a_diagnostic_is_stored_without_its_display_path() -> None:
    d = Diagnostic("../somewhere/clusters/a/2024.yaml", 3, 5, "TD103", "error", {"got": Message("type.list"), "n": 1.5})
    item = store.encode_diagnostic(d, "2024.yaml")
    assert item[0] == "2024.yaml"
    back = store.decode_diagnostic(json.loads(json.dumps(item)), "data/clusters/a/2024.yaml")
    assert back == Diagnostic("data/clusters/a/2024.yaml", 3, 5, "TD103", "error")
    assert back.params == d.params


def test_entries_round_trip_and_damaged_or_foreign_ones_are_misses(tmp_path: Path) -> None:
    cache = store.Cache(tmp_path / "c")
    key, other = cache.key(b"a"), cache.key(b"b")
    assert cache.get(key) is None
    cache.put(key, {"x": [1, "é"]})
    assert cache.get(key) == {"x": [1, "é"]}
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    path = cache._path(key)
    os.makedirs(cache._path(other).parent, exist_ok=True)
    os.replace(path, cache._path(other))  # an entry under another address: foreign
    assert cache.get(other) is None
    cache._path(key).write_bytes(b'{"key": "')  # truncated
    assert cache.get(key) is None
    cache.put(key, [2])  # replaced
    assert cache.get(key) == [2]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")], "no temporary file is left"


def test_keys_change_with_the_version_and_the_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import thidua

    before = store.Cache(tmp_path).key(b"same")
    monkeypatch.setattr(thidua, "__version__", "9.9.9")
    store.rules_fingerprint.cache_clear()
    try:
        assert store.Cache(tmp_path).key(b"same") != before
    finally:
        monkeypatch.undo()
        store.rules_fingerprint.cache_clear()
    assert store.Cache(tmp_path).key(b"same") == before


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    cache = store.Cache(blocker / "cache")
    cache.put(cache.key(b"k"), 1)  # no exception
    assert cache.written == 0


def test_the_oldest_entries_go_beyond_the_bound(tmp_path: Path) -> None:
    cache = store.Cache(tmp_path / "c", max_bytes=10_000)
    keys = [cache.key(str(i).encode()) for i in range(30)]
    for i, key in enumerate(keys):
        cache.put(key, "x" * 1000)
        os.utime(cache._path(key), ns=(i * 10**9, i * 10**9))
    cache.finish()
    kept = [key for key in keys if cache._path(key).exists()]
    assert kept == keys[len(keys) - len(kept):], "the newest are kept"
    assert sum(cache._path(k).stat().st_size for k in kept) <= 8_000


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(store.CACHE_ENV, raising=False)
    assert store.Cache.for_root(tmp_path).directory == tmp_path / ".thidua-cache"
    monkeypatch.setenv(store.CACHE_ENV, str(tmp_path / "elsewhere"))
    assert store.Cache.for_root(tmp_path).directory == tmp_path / "elsewhere"
    assert store.open_cache(tmp_path, False) is None


def test_the_loader_and_the_parser_refuse_the_same_size() -> None:
    assert loader.MAX_FILE_BYTES == yamlsafe.MAX_FILE_BYTES
