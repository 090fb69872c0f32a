"""Text that is safe to check, print and write: one place for the unsafe characters and escapes.

A name from a data file reaches terminals, CI logs (where a line starting ``::`` is a workflow
command), Markdown step summaries, spreadsheets and Word documents. YAML refuses raw control bytes
in a file, but a double-quoted scalar can still spell them (``"\\x1b]0;evil\\x07"``, ``"\\u202e"``,
``"\\n::error"``). Rule TD024 (``check_document``) refuses such values in the data; the escapers
below are what every renderer applies anyway, because the CLI also prints text from files that
fail validation (unknown keys, bad ids, file names).

Only ``re`` is imported here: ``thidua.output.i18n`` uses this module, and start-up must stay light.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from thidua.domain.diagnostics import Issue

# C0, DEL and C1 controls (Unicode category Cc): terminal escapes, BEL, carriage returns, CSI.
_CONTROLS_BUT_TAB_NEWLINE = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidirectional marks, embeddings, overrides and isolates: they reorder what a reader sees
# (the "Trojan Source" trick), so a name can display as something it is not.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters that show nothing: zero-width space/joiners, word joiner and invisible operators,
# BOM, soft hyphen, Mongolian vowel separator, deprecated format controls, interlinear
# annotations, and the tag block (invisible ASCII look-alikes). Two names that look equal differ.
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2065\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
# Line and paragraph separators break lines in some terminals and editors, like a newline;
# lone surrogates cannot be encoded as UTF-8 at all; U+FFFE/U+FFFF are not characters (nor XML).
_OTHER = "\u2028\u2029\ud800-\udfff\ufffe\uffff"

_MULTILINE_UNSAFE = re.compile(f"[{_CONTROLS_BUT_TAB_NEWLINE}{_BIDI}{_INVISIBLE}{_OTHER}]")
_UNSAFE = re.compile(f"[\t\n{_CONTROLS_BUT_TAB_NEWLINE}{_BIDI}{_INVISIBLE}{_OTHER}]")

# What a YAML source must hold for a parsed string to hold an unsafe character other than a line
# break: the character itself, a tab, or a backslash (a double-quoted escape can spell anything).
_SOURCE_SUSPECT = re.compile(f"[\\\\\t{_CONTROLS_BUT_TAB_NEWLINE}{_BIDI}{_INVISIBLE}{_OTHER}]")
# Free text that may span lines: a note is prose copied from a document, where a line break or a
# tab is content. Every other string (ids, names, titles, places, labels, urls, keys) is one line.
MULTILINE_FIELDS = frozenset({"note"})


def find_unsafe(text: str, multiline: bool = False) -> tuple[int, str] | None:
    """The first unsafe character of ``text`` and its index, or None.

    ``multiline`` allows tab and newline (free text); nothing else is allowed anywhere.
    """
    found = (_MULTILINE_UNSAFE if multiline else _UNSAFE).search(text)
    return None if found is None else (found.start(), found.group())


_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """Python's spelling of a character: ``\\n``, ``\\x1b``, ``\\u202e``, ``\\U000e0001``."""
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every unsafe character but those in ``keep`` written as a visible escape.

    Backslashes are left alone, so escaping twice changes nothing (messages built from escaped
    parameters are escaped again by their renderer). Letters with diacritics are untouched.
    """
    if _UNSAFE.search(text) is None:  # the common case: no copy
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else escape_char(m.group()), text)


def safe_text(text: str) -> str:
    """One line for a terminal or a log: no control, bidi or invisible character, no line break."""
    return visible(text)


def safe_lines(text: str) -> str:
    """Several lines, each made safe: the renderer's own line breaks stay, any other goes.

    For text a renderer joined from lines (a caption, a footer); data inside is one line already.
    """
    return safe_join(text.split("\n"))


def safe_join(lines: Iterable[str], separator: str = "\n") -> str:
    """Lines made safe one by one, then joined: a line break inside one cannot make a new line."""
    return separator.join(safe_text(line) for line in lines)


def safe_param(value: Any) -> Any:
    """A message parameter made safe to show; numbers stay numbers (format specs still apply)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return safe_text(str(value))


# --------------------------------------------------------------------------- GitHub workflow commands


def github_data(text: str) -> str:
    """The message of a workflow command (``::error ...::DATA``): one line, nothing raw.

    GitHub's own escaping (``%``, CR, LF) keeps the text exact; other controls become visible.
    """
    return visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also ``:`` and ``,``, which end a property."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# --------------------------------------------------------------------------- JSON


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the BMP JSON spells a character as its UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with every unsafe character as a ``\\u`` escape.

    json.dumps escapes C0 controls but writes C1, DEL, bidi and invisible characters raw. As
    escapes they can only sit inside strings, so the data read back is exactly what was written.
    Newlines stay: outside strings they are the indentation's, inside strings json escaped them.
    """
    if _MULTILINE_UNSAFE.search(text) is None:
        return text
    return _MULTILINE_UNSAFE.sub(lambda m: _json_escape(m.group()), text)


# --------------------------------------------------------------------------- Markdown

# As HTML entities, not backslashes: a GFM table splits cells at ``|`` before inline parsing,
# and an entity cannot be undone by a backslash in the data (``a\\|b``).
_MARKDOWN_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MARKDOWN_CELL = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "`": "&#96;", "\\": "&#92;", "[": "&#91;", "]": "&#93;"}
)


def markdown_text(text: str) -> str:
    """A line of Markdown prose: no line break, no HTML tag."""
    return safe_text(text).translate(_MARKDOWN_TEXT)


def markdown_cell(value: Any) -> str:
    """A GFM table cell: besides ``markdown_text``, no pipe, code span, link or backslash escape."""
    return safe_text(str(value)).translate(_MARKDOWN_CELL)


def markdown_code(text: str) -> str:
    """A code span (a file name in a table) when nothing in it needs escaping, else an escaped cell.

    Inside a code span neither entities nor backslashes escape, so hostile text cannot be one.
    """
    cell = markdown_cell(text)
    return f"`{text}`" if cell == text else cell


# --------------------------------------------------------------------------- CSV

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@")


def csv_cell(value: Any) -> Any:
    """A CSV field: text that a spreadsheet would run as a formula gets a leading ``'``.

    Numbers, and text that is a number (``-3``), stay as they are.
    """
    if not isinstance(value, str):
        return value
    text = safe_text(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


# --------------------------------------------------------------------------- Word


def document_text(text: str) -> str:
    """Text for a .docx run: valid XML 1.0 and nothing invisible; tab and newline are layout."""
    return visible(text, keep="\t\n")


# --------------------------------------------------------------------------- TD024 over parsed data


def _walk(data: Any) -> Iterator[tuple[tuple[Any, ...], str, bool, bool]]:
    """(path, text, is a key, multi-line allowed) for every string, key or value, in ``data``.

    Iterative: nesting depth is bounded by the YAML loader, but a stack costs nothing here.
    """
    stack: list[tuple[tuple[Any, ...], Any, bool]] = [((), data, False)]
    while stack:
        path, value, multiline = stack.pop()
        if isinstance(value, str):
            yield path, value, False, multiline
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                if isinstance(key, str):
                    yield (*path, key), key, True, False
                stack.append(((*path, key), item, key in MULTILINE_FIELDS))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                stack.append(((*path, index), value[index], multiline))


# A hostile file can hold thousands of such strings; the first ones are enough to act on, and
# each costs a position lookup.
MAX_TEXT_ISSUES = 100


def _surely_clean(data: Any) -> bool:
    """Whether ``data`` (plain values: str, numbers, booleans, None, lists, dicts, as the YAML
    loader builds them) holds no string with an unsafe character, answered by one ``repr``.

    ``repr`` writes every character that is not printable as a backslash escape, and every unsafe
    character is unprintable (tests/unit/test_textsafe_prefilter.py checks each), so a repr without
    a backslash holds none. A backslash (an escape, or a real one in a path or a note's line
    break) answers nothing: the walk decides. In C, ~100× cheaper than the walk on a clean file.
    """
    try:
        return "\\" not in repr(data)
    except (RecursionError, MemoryError):
        return False


def source_surely_clean(source: str, line_break_in_a_string: bool) -> bool:
    """Whether the YAML ``source`` parsed into strings with no unsafe character, answered from the
    text: no unsafe character, tab or backslash in it, and (the parser's answer) no string holding a
    line break (a block scalar, a blank line folded in a flow scalar). Line breaks other than ``\\n``
    (``\\r``, NEL, U+2028/9) are unsafe characters of the text; folding makes nothing but spaces and
    line breaks. Answered from the text, cheaper than the ``repr`` of the data (~5 % of validate).
    """
    if line_break_in_a_string:
        return False
    # Every suspect character but the backslash is unprintable to ``str.isprintable`` (a unit test
    # checks each): a printable text without a backslash holds none, answered in C at about half
    # the regex's cost. Unprintable but harmless characters (a no-break space) leave it to the regex.
    if "\\" not in source and source.replace("\n", " ").isprintable():
        return True
    return _SOURCE_SUSPECT.search(source) is None


def text_issues(data: Any) -> list[Issue]:
    """TD024 Issues, located at the offending key or value, for strings with unsafe characters."""
    if _surely_clean(data):
        return []
    return walked_text_issues(data)


def walked_text_issues(data: Any) -> list[Issue]:
    """``text_issues`` by walking every string (what it does whenever the quick answer cannot say)."""
    from thidua.domain.diagnostics import Issue  # here, not above: textsafe is imported early and stays light

    issues: list[Issue] = []
    for path, text, is_key, multiline in _walk(data):
        found = find_unsafe(text, multiline)
        if found is None:
            continue
        index, char = found
        field = safe_text(".".join(map(str, path)))
        field = field if len(field) <= 80 else field[:79] + "…"
        issues.append(Issue("TD024", path, {"field": field, "char": escape_char(char), "position": index + 1}, key=is_key))
        if len(issues) >= MAX_TEXT_ISSUES:
            break
    return issues
