"""``Said`` (the site's reasons, said once per shared phrase) gives ``say``'s words exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain.message import Message, Ordinal, Percent
from thidua.output.i18n import Said, say

# Codes whose texts hold the parameters below, local numbers (awards.) and not (votes.), and one unknown.
CODES = ("awards.reason.recommended", "awards.reason.below_line", "awards.quota.share", "votes.reason.by_votes", "history.successor", "no.such.code")
NAMES = ("ordinal", "members", "total", "quota", "gap", "last", "last_total", "award", "share", "exact", "rounding", "votes", "name", "unit")

plain = (
    st.integers(-10**6, 10**6) | st.booleans() | st.none()
    | st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9) | st.sampled_from([0.0, -0.0, 1.0, 1])
    | st.text(max_size=12) | st.sampled_from(["Bắc Ninh", "a\x07b", "x\u202ey", "<b>&"])
    | st.builds(Ordinal, st.integers(1, 60)) | st.builds(Percent, st.floats(0, 1))
    | st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))
)
messages = st.recursive(
    st.builds(Message, st.sampled_from(CODES), st.dictionaries(st.sampled_from(NAMES), plain, max_size=6)),
    lambda inner: st.builds(Message, st.sampled_from(CODES), st.dictionaries(st.sampled_from(NAMES), plain | inner | st.lists(plain, max_size=3), max_size=6)),
    max_leaves=8,
)


@given(st.lists(messages, min_size=1, max_size=6), st.sampled_from(["vi", "en"]))
@settings(max_examples=400)
def test_said_says_what_say_says(batch: list[Message], lang: str) -> None:
    said = Said(lang)
    for message in batch + batch:  # the second time, nested phrases come from what was kept
        try:
            expected = say(message, lang)
        except (KeyError, IndexError, ValueError):  # a text whose placeholders this message lacks
            continue
        assert said(message) == expected


def test_a_shared_phrase_is_said_once_and_numbers_keep_their_type() -> None:
    said = Said("vi")
    quota = Message("awards.quota.count", {"quota": 1})
    first = Message("awards.reason.recommended", {"ordinal": Ordinal(1), "members": 10, "total": 92.5, "quota": quota})
    assert said(first) == say(first, "vi")
    assert len(said.known) == 1
    again = Message("awards.reason.recommended", {"ordinal": Ordinal(2), "members": 10, "total": 90.0, "quota": Message("awards.quota.count", {"quota": 1})})
    assert said(again) == say(again, "vi")
    assert len(said.known) == 1  # the same phrase, another object: kept once
    other = Message("awards.reason.recommended", {"ordinal": Ordinal(2), "members": 10, "total": 90.0, "quota": Message("awards.quota.count", {"quota": 1.0})})
    assert said(other) == say(other, "vi")  # 1.0 is written "1.0", never taken for the kept 1
    assert len(said.known) == 2
