"""A unit page's place cell, written from its words for speed, says what ``place_text`` says."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from thidua.domain.history import UnitHistory, YearRecord
from thidua.output.render.history import place_text
from thidua.output.site.builder import _history_body, environment
from thidua.output.site.html import html_text

records = st.builds(
    YearRecord, year=st.integers(2000, 2030), cluster=st.just("c"), cluster_name=st.just("Cụm"), member=st.just("m"),
    member_name=st.just("Tỉnh Bắc Ninh"), own=st.booleans(), members=st.integers(1, 60), status=st.sampled_from(["ranked", "no_scores", "invalid"]),
    rank=st.none() | st.integers(1, 60), total=st.none() | st.floats(-1e6, 1e6) | st.sampled_from([0.0, -0.0, 91.5, 1234.5]), illustrative=st.booleans(),
)


@given(records, st.sampled_from(["vi", "en"]))
def test_the_place_cell_is_place_text_escaped_with_its_badge(record: YearRecord, lang: str) -> None:
    env = environment(lang)
    badge = env.globals["illustrative_badge"]
    ctx = {"award": lambda i, t: t, "_": env.globals["_"], "illustrative_badge": badge, "lang": lang, "made": {}, "root": "../"}
    history = UnitHistory("m", "Bắc Ninh", "Tỉnh Bắc Ninh", None, [], [record])
    cells = re.findall(r"<td>(.*?)</td>", str(_history_body(ctx, history)))
    expected = html_text(place_text(record, lang)) + (f" {badge}" if record.illustrative and record.rank is not None else "")
    assert cells[2] == expected
