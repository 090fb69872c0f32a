"""Text escaped for HTML as markupsafe's ``escape`` writes it, as a plain string.

The site's pages escape about a million values, nearly all plain strings without one of the five
characters to escape; ``escape`` makes a ``Markup`` object for each (two Python calls). The
templates keep autoescaping; the parts written in Python use this.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape


def html_text(value: Any) -> str:
    """``str(escape(value))``: the same characters (``& < > ' "``) and entities, a Markup kept as it is."""
    kind = type(value)
    if kind is str:
        if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
            return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")
        return value
    if kind is int:
        return str(value)
    return str(escape(value))  # Markup (kept as it is), a float, anything else
