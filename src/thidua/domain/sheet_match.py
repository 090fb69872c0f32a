"""Reading a scoring sheet's words and numbers: pure functions, no workbook, no files.

What a clerk types is matched the way a clerk reads it: case and diacritics do not matter, either
tone-mark convention (hoà / hòa) is the same word, ``9,5`` and ``9.5`` are the same number, and
text typed in the legacy TCVN3 or VNI fonts is recognised (and refused) rather than misread.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Column roles of a scoring sheet and the headings that name them (compared folded: case,
# diacritics and spacing ignored). A caller may pass its own mapping.
ROLES = ("tt", "id", "name", "max", "self", "appraised", "explanation", "final", "note")
SCORE_ROLES = ("self", "appraised", "final")
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "tt": ("TT", "STT", "Số TT", "Số thứ tự", "No", "No.", "#"),
    "id": ("Mã", "Mã tiêu chí", "ID", "Indicator id", "Code"),
    "name": ("Tên tiêu chí", "Tiêu chí", "Nội dung", "Nội dung tiêu chí", "Chỉ tiêu", "Criterion", "Criteria", "Indicator", "Name"),
    "max": ("Điểm tối đa", "Điểm chuẩn", "Thang điểm", "Tối đa", "Max", "Maximum", "Max points"),
    "self": ("Điểm tự chấm", "Tự chấm", "Đơn vị tự chấm", "Self", "Self score", "Self-score"),
    "appraised": ("Điểm thẩm định", "Thẩm định", "Điểm Cụm chấm", "Điểm khối chấm", "Appraised", "Appraised score"),
    "explanation": ("Giải trình", "Explanation"),
    "final": ("Điểm cuối", "Điểm", "Điểm chấm", "Điểm đạt", "Kết quả", "Final", "Score", "Points"),
    "note": ("Ghi chú", "Lý do", "Lý do thẩm định", "Note", "Notes", "Remarks", "Reason"),
}
TOTAL_LABELS = ("Tổng cộng", "Tổng điểm", "Tổng", "Cộng", "Total", "Grand total")
PASS_MARKS = ("x", "✓", "✔", "☑", "đạt", "dat", "v")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below


def tone_key(text: str) -> str:
    """Lowercase NFC text with each syllable's tone mark moved to the syllable's end, so the two
    conventions (``hoà``/``hòa``, ``thuỵ``/``thụy``) give the same key; other marks stay."""
    out = []
    for word in re.split(r"(\s+)", text.strip().lower()):
        decomposed = unicodedata.normalize("NFD", word)
        tones = [c for c in decomposed if c in _TONES]
        rest = "".join(c for c in decomposed if c not in _TONES)
        out.append(unicodedata.normalize("NFC", rest) + "".join(tones))
    return " ".join("".join(out).split())


def fold(text: str) -> str:
    """Lowercase, no diacritics (đ → d), single spaces, punctuation ignored: 'Hòa  Bình.' -> 'hoa binh'."""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = re.sub(r"[^\w]+", " ", bare.lower())
    return " ".join(bare.split())


# ------------------------------------------------------------------ legacy Vietnamese encodings

_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_COMMON_SYMBOLS = set("\u00a0°±×÷«»©®·²³§")
_MODERN = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9\u0300-\u0323]")


def legacy_encoding(text: str) -> str | None:
    """'TCVN3' or 'VNI' when ``text`` looks typed in a legacy Vietnamese font, else None.

    Both put Vietnamese letters on Latin-1 code points a Vietnamese text never uses: TCVN3 on
    whole letters ("Hµ Néi", "Tæng"), VNI on marks after the base letter ("Haø Noäi"). A text
    with real Vietnamese letters (ă, ơ, ư, đ, ạ …) is taken as Unicode.
    """
    odd = [c for c in text if "\u00a1" <= c <= "\u00ff" and c not in _VIETNAMESE_LATIN1 and c not in _COMMON_SYMBOLS]
    if not odd or _MODERN.search(text):
        return None
    vni_marks = set("øùûõïäöëüÿ")  # VNI: a mark after an ASCII vowel
    if any(c in vni_marks and i > 0 and text[i - 1].lower() in "aeiouy" for i, c in enumerate(text)):
        return "VNI"
    return "TCVN3"


# ------------------------------------------------------------------ numbers

@dataclass(frozen=True)
class Value:
    """A cell read as a score: ``number`` set, or ``blank``, or ``pass_mark``, or ``bad`` text."""

    number: float | None = None
    blank: bool = False
    pass_mark: bool = False
    bad: str | None = None


def parse_value(raw: object) -> Value:
    """``9,5``, ``9.5``, ``1.234,5``, 9.5, blank, ``x``/``✓`` (a pass mark), anything else is bad."""
    if raw is None:
        return Value(blank=True)
    if isinstance(raw, bool):
        return Value(bad=str(raw))
    if isinstance(raw, int | float):
        return Value(number=float(raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if not text or text in {"-", "–"}:
        return Value(blank=True)
    if fold(text) in PASS_MARKS or text in PASS_MARKS:
        return Value(pass_mark=True)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return Value(bad=str(raw))
    return Value(number=float(text))


ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def is_roman(text: object) -> bool:
    return isinstance(text, str) and bool(text.strip()) and bool(ROMAN.match(text.strip().rstrip(".").lower()))


def roman(number: int) -> str:
    out = []
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def as_number_label(raw: object) -> int | None:
    """A TT cell as a criterion number (``3``, ``3.``, 3.0), else None."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return int(raw) if float(raw).is_integer() and raw > 0 else None
    text = str(raw).strip().rstrip(".")
    return int(text) if text.isdigit() and int(text) > 0 else None


# ------------------------------------------------------------------ headings

def header_roles(cells: Sequence[object], synonyms: Mapping[str, Iterable[str]] | None = None) -> dict[int, str]:
    """Column index -> role for the cells of a candidate header row (first match wins per role)."""
    table = {fold(variant): role for role, variants in (synonyms or HEADER_SYNONYMS).items() for variant in variants}
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if cell is None:
            continue
        role = table.get(fold(str(cell)))
        if role and role not in found.values():
            found[index] = role
    return found


def is_total_label(text: object) -> bool:
    return isinstance(text, str) and fold(text) in {fold(label) for label in TOTAL_LABELS}


# ------------------------------------------------------------------ names

@dataclass(frozen=True)
class Match:
    ids: tuple[str, ...]  # empty: no match; more than one: ambiguous
    how: str = ""  # "id", "name", "folded", "number"


class Matcher:
    """Finds an id from what a sheet writes for it: the id, a name (any of several), or a number."""

    def __init__(self, names: Mapping[str, Sequence[str]], numbers: Mapping[int, str] | None = None) -> None:
        self.ids = list(names)
        self.numbers = dict(numbers or {})
        self._exact: dict[str, set[str]] = {}
        self._folded: dict[str, set[str]] = {}
        for ident, variants in names.items():
            for variant in (ident, *variants):
                self._exact.setdefault(tone_key(variant), set()).add(ident)
                self._folded.setdefault(fold(variant), set()).add(ident)

    def find(self, text: object, number: object = None) -> Match:
        if text is not None and str(text).strip():
            raw = str(text).strip()
            if raw in self.ids:
                return Match((raw,), "id")
            exact = self._exact.get(tone_key(raw))
            if exact:
                return Match(tuple(sorted(exact)), "name")
            folded = self._folded.get(fold(raw))
            if folded:
                return Match(tuple(sorted(folded)), "folded")
        label = as_number_label(number)
        if label is not None and label in self.numbers:
            return Match((self.numbers[label],), "number")
        return Match(())

    def suggest(self, text: object, limit: int = 3) -> list[str]:
        import difflib

        keys = {key: ids for key, ids in self._folded.items()}
        close = difflib.get_close_matches(fold(str(text)), list(keys), n=limit, cutoff=0.6)
        return list(dict.fromkeys(i for key in close for i in sorted(keys[key])))


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """0-based (row, column) -> 'E4'."""
    return f"{column_letters(column)}{row + 1}"
