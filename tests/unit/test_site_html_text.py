"""The site's own escaping (``output.site.html``) writes exactly what markupsafe's ``escape`` writes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from thidua.output.site.html import html_text


@given(st.text() | st.text(alphabet="&<>'\"aà ") | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none())
def test_html_text_is_what_escape_writes(value: object) -> None:
    assert html_text(value) == str(escape(value))


def test_markup_is_kept_and_each_character_has_its_entity() -> None:
    assert html_text(Markup("<b>x</b>")) == "<b>x</b>"  # already safe: never escaped twice
    assert html_text("a & b < c > d 'e' \"f\"") == "a &amp; b &lt; c &gt; d &#39;e&#39; &#34;f&#34;"
    assert html_text("Tỉnh Bắc Ninh") == "Tỉnh Bắc Ninh"
