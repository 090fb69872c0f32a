"""User-facing text in Vietnamese and English.

Every message lives in ``thidua.output.messages.CATALOGUE`` under a key with both languages; rule codes
(``TD101``) are keys too, so a diagnostic reads the same code in either language. Official names
(awards, provinces) are data, never translated.
"""

from __future__ import annotations

import os

LANGUAGES = ("vi", "en")
_current: str | None = None


def default_language() -> str:
    """``THIDUA_LANG``, then ``LANG`` (``vi_VN.UTF-8`` → vi), else English."""
    for var in ("THIDUA_LANG", "LANG"):
        value = os.environ.get(var, "").lower()
        if value.startswith("vi"):
            return "vi"
        if value.startswith("en"):
            return "en"
    return "en"


def set_language(lang: str | None) -> None:
    global _current
    _current = lang if lang in LANGUAGES else None


def language() -> str:
    return _current or default_language()


# Each concept keeps its own messages module; all are merged on first use.
CATALOGUE_MODULES = (
    "thidua.output.messages",
    "thidua.output.messages_rank",
    "thidua.output.messages_rotate",
    "thidua.output.messages_awards",
    "thidua.output.messages_tools",
    "thidua.output.messages_sheet",
)
_catalogue: dict[str, dict[str, str]] | None = None


def catalogue() -> dict[str, dict[str, str]]:
    global _catalogue
    if _catalogue is None:
        import importlib

        merged: dict[str, dict[str, str]] = {}
        for name in CATALOGUE_MODULES:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            merged.update(module.CATALOGUE)
        _catalogue = merged
    return _catalogue


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    entry = catalogue().get(key)
    if entry is None:
        return key
    text = entry[lang or language()]
    if not params:
        return text
    # Parameters are data (names, ids, file names): escaped here, once, for every message shown.
    from thidua.domain.textsafe import safe_param

    return text.format(**{name: safe_param(value) for name, value in params.items()})
