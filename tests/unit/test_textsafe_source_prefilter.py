"""TD024's answer from the YAML text (``Parsed.surely_clean``): never "clean" when a string is not."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain.textsafe import _SOURCE_SUSPECT, source_surely_clean, walked_text_issues
from thidua.repository.yamlsafe import parse

UNSAFE_SAMPLES = ["\t", "\n", "\r", "\x00", "\x1b", "\x85", "\u200b", "\u202e", "\u2028", "\ufeff", "\U000e0041"]
PIECES = ["a", "ệ", " ", "  ", "\n", "\n\n", "\n  ", ": ", "- ", "'", '"', "|", ">", "|-", ">+", "\\", "\\n", "#", "{", "}",
          "[", "]", ", ", "? ", "note", "name", "&x ", "*x", "!!str ", *UNSAFE_SAMPLES]


def _clean_says(text: str) -> tuple[bool, Any]:
    parsed = parse(text)
    return parsed.surely_clean, parsed.data


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_clean_text_means_clean_strings(text: str) -> None:
    clean, data = _clean_says("k: " + text)
    if clean:
        assert walked_text_issues(data) == []


texts = st.text(alphabet=st.sampled_from(["a", "ệ", " ", "\\", "'", '"', ":", "#", *UNSAFE_SAMPLES]), max_size=8)
documents = st.dictionaries(st.sampled_from(["note", "name", "k"]) | texts, st.lists(texts, max_size=3) | texts, min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(documents, st.sampled_from([None, '"', "'", "|", ">"]), st.integers(8, 80))
def test_dumped_documents(data: dict[str, Any], style: str | None, width: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_style=style, width=width)
    clean, parsed = _clean_says(text)
    if clean:
        assert walked_text_issues(parsed) == []
    if walked_text_issues(data) and parsed == data:
        assert not clean


def test_ordinary_files_are_answered_from_the_text() -> None:
    assert _clean_says("name: Cụm thi đua\nmembers: [a, b]\n\nnote: 'một\n  dòng'\nyear: 2023\n")[0]
    for unclean in ("note: |\n  a\n  b\nname: x\n", "name: 'a\n\n  b'\n", "name: \"a\\u202eb\"\n", "name: a\u200bb\n",
                    "name: a\n\n  b\n", "k:\n  - \"x\\ty\"\n"):
        assert not _clean_says(unclean)[0], unclean
    # the walk then decides: a note may span lines, a name may not
    assert walked_text_issues(_clean_says("note: |\n  a\n  b\nname: x\n")[1]) == []
    assert [i.path for i in walked_text_issues(_clean_says("name: a\n\n  b\n")[1])] == [("name",)]


def test_every_suspect_character_but_the_backslash_is_unprintable() -> None:
    # source_surely_clean answers "clean" for a printable text without a backslash: sound only
    # while every other character the regex looks for is one str.isprintable refuses
    suspect = [chr(c) for c in range(0x110000) if _SOURCE_SUSPECT.match(chr(c))]
    assert [c for c in suspect if c.isprintable()] == ["\\"]
    for char in suspect:
        assert not source_surely_clean(f"name: a{char}b\n", False), hex(ord(char))
    assert source_surely_clean("name: a\u00a0b\n", False)  # unprintable, harmless: the regex says clean
