"""The key the site's search compares: without diacritics (đ → d), lower case, single spaces.

``static/search.js`` applies the same steps to what the reader types, so "Ha Noi" finds "Hà Nội".
"""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())
