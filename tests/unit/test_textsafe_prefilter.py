"""TD024's quick answer for clean data (one ``repr``, no walk) equals the walk's, whatever the data."""

from __future__ import annotations

import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain import textsafe
from thidua.domain.textsafe import text_issues

UNSAFE_SAMPLES = ["\t", "\n", "\r", "\x00", "\x1b", "\x7f", "\x85", "\x9f", "\u061c", "\u200b", "\u200e", "\u202e", "\u2028",
                  "\u2066", "\u00ad", "\ufeff", "\ufffe", "\ud800", "\U000e0041"]


def test_every_unsafe_character_is_one_repr_escapes() -> None:
    """The quick answer rests on this: Python's repr writes each of them as a backslash escape."""
    unsafe = [chr(c) for c in range(sys.maxunicode + 1) if textsafe._UNSAFE.match(chr(c))]
    assert len(unsafe) > 200
    assert [hex(ord(c)) for c in unsafe if "\\" not in repr(c)] == []


def test_clean_data_is_answered_without_the_walk(monkeypatch: Any) -> None:
    def no_walk(data: Any) -> Any:
        raise AssertionError("walked")

    monkeypatch.setattr(textsafe, "_walk", no_walk)
    data = {"name": "Cụm thi đua các tỉnh Đông Bắc", "members": ["bac-ninh", "ha-noi"], "year": 2023, "x": [1.5, None, True, {"a": "b"}]}
    assert text_issues(data) == []


def test_a_backslash_or_a_multiline_note_still_walks() -> None:
    assert text_issues({"note": "a\nb", "url": "C:\\data"}) == []  # allowed, found by the walk
    found = text_issues({"members": ["ok", "b\u202eb"]})
    assert [(i.code, i.path, i.params["char"]) for i in found] == [("TD024", ("members", 1), "\\u202e")]


texts = st.text(alphabet=st.sampled_from(["a", "ệ", " ", "\\", "'", '"', *UNSAFE_SAMPLES]), max_size=6)
keys = st.one_of(texts, st.sampled_from(["note", "name", "members"]), st.integers(-3, 3), st.booleans(), st.none())
leaves = st.one_of(texts, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
data = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(data)
def test_the_quick_answer_equals_the_walk(value: Any) -> None:
    assert text_issues(value) == textsafe.walked_text_issues(value)
