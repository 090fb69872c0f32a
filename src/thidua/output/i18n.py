"""User-facing text in Vietnamese and English.

Every message lives in ``thidua.output.messages.CATALOGUE`` under a key with both languages; rule codes
(``TD101``) are keys too, so a diagnostic reads the same code in either language. Official names
(awards, provinces) are data, never translated.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from thidua.domain.message import Message, Ordinal, Percent
from thidua.domain.textsafe import safe_param, safe_text

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
    "thidua.output.messages_leadership",
    "thidua.output.messages_awards",
    "thidua.output.messages_tools",
    "thidua.output.messages_units",
    "thidua.output.messages_site",
    "thidua.output.messages_sheet",
    "thidua.output.messages_dossier",
    "thidua.output.messages_clusters",
    "thidua.output.messages_votes",
    "thidua.output.messages_scores",
    "thidua.output.messages_cli",
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
    return text.format(**{name: safe_param(value) for name, value in params.items()})


# --------------------------------------------------------------------------- messages as data → words

# Message families whose numbers are shown the reader's way (1.234,5 in Vietnamese); the others
# quote their numbers as the data wrote them.
LOCAL_NUMBERS = ("awards.",)


_AS_IS = frozenset({str, int, bool, type(None)})  # shown as they are (a subclass goes the long way)


def show(value: object, lang: str, local: bool = False) -> object:
    """A raw message parameter as the reader sees it (``local``: floats the reader's way)."""
    if type(value) in _AS_IS or (type(value) is float and not local):  # the common cases, first
        return value
    from thidua.output.render.text import day, number, ordinal

    if isinstance(value, Message):
        return say(value, lang)
    if isinstance(value, Percent):
        return number(value.value * 100, 2, lang) + "%"
    if isinstance(value, Ordinal):
        return ordinal(value.n, lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return day(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(show(v, lang, local)) for v in value)
    if local and isinstance(value, float):
        return number(value, 2, lang)
    return value


def say(message: Message, lang: str | None = None) -> str:
    """A domain Message in words: its code's text in ``lang`` with each raw parameter shown."""
    lang = lang or language()
    local = message.code.startswith(LOCAL_NUMBERS)
    return t(message.code, lang=lang, **{k: show(v, lang, local) for k, v in message.params.items()})


class Said:
    """``say`` in one language, each distinct message inside a message said once: a site says
    thousands of reasons, nearly all different, that share a few dozen phrases (the quota).

    The same words as ``say(message, lang)``, in less than half its time: the common parameters
    (numbers, ranks in words, nested phrases) go the short way, and each is made safe once.
    """

    def __init__(self, lang: str, bound: int = 100_000) -> None:
        self.lang = lang
        self.bound = bound
        self.known: dict[Any, str] = {}
        self.ordinals: dict[int, str] = {}

    def __call__(self, message: Message) -> str:
        entry = catalogue().get(message.code)
        if entry is None:  # as ``t``: the key itself
            return message.code
        text = entry[self.lang]
        if not message.params:
            return text
        local = message.code.startswith(LOCAL_NUMBERS)
        return text.format(**{name: self.param(value, local) for name, value in message.params.items()})

    def param(self, value: Any, local: bool) -> Any:
        """A parameter as ``t`` formats it: shown (``show``), then made safe (``safe_param``)."""
        kind = type(value)
        if kind is int or kind is bool or value is None or (kind is float and not local):
            return value
        if kind is str:
            return safe_text(value)
        if kind is Message:
            return self.nested(value)
        if kind is Ordinal:
            found = self.ordinals.get(value.n)
            if found is None:
                found = self.ordinals[value.n] = safe_param(show(value, self.lang, local))
            return found
        return safe_param(show(value, self.lang, local))

    def nested(self, message: Message) -> str:
        """A message inside a message, said and made safe (making safe twice changes nothing)."""
        try:
            key = _key(message)
            found = self.known.get(key)
        except TypeError:  # a parameter that cannot be a key: said each time
            return safe_text(self(message))
        if found is None:
            if len(self.known) >= self.bound:
                self.known.clear()
            found = self.known[key] = safe_text(self(message))
        return found


def _key(value: Any) -> Any:
    """A message parameter as a dict key: nested messages and lists by their parts, every value
    with its type (1, 1.0 and True are said differently)."""
    if type(value) is Message:
        return (Message, value.code, tuple([(k, _key(v)) for k, v in value.params.items()]))
    if type(value) is list or type(value) is tuple:
        return (type(value), tuple([_key(v) for v in value]))
    if type(value) is float and value == 0:
        return (float, repr(value))  # 0.0 and -0.0 are equal keys but are written "0" and "-0"
    return (type(value), value)


def say_hint(message: Message, lang: str | None = None) -> str:
    """The message's hint (``CODE.hint``), or "" when the catalogue has none."""
    if message.code + ".hint" not in catalogue():
        return ""
    return say(Message(message.code + ".hint", message.params), lang)


class Translator:
    """Words in one language, given to the renderers: ``tr("key", n=1)``, ``tr.say(message)``."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang if lang in LANGUAGES else language()

    def __call__(self, key: str, /, **params: object) -> str:
        return t(key, lang=self.lang, **params)

    def say(self, message: Message) -> str:
        return say(message, self.lang)

    def hint(self, message: Message) -> str:
        return say_hint(message, self.lang)
