"""The national lists of districts and communes, before and after 01/07/2025, read on first use.

Nothing is read when ``thidua`` or this module is imported: the files (about 1.3 MB, 14,000 rows) are
parsed by the first call to :func:`national_units` and kept for the life of the process. The rows
are plain named tuples, not pydantic models, because building 14,000 validated models would cost
more than the whole load budget (well under 50 ms); the generator and the tests do the validating.

Format (see docs/units.md): tab-separated text, one unit a line, the same eight columns in every
file, produced by ``scripts/generate_units.py`` from the MIT-licensed ``vietnamadminunits`` 1.0.4.
Codes are strings ("00001"): a number would lose the leading zeros.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from functools import cache
from typing import Any, Literal, NamedTuple

Level = Literal["district", "commune"]

FILES: tuple[tuple[str, Level], ...] = (
    ("districts-2025-06-30.tsv", "district"),
    ("communes-2025-06-30.tsv", "commune"),
    ("communes-2025-07-01.tsv", "commune"),
)
COLUMNS = ["id", "code", "name", "district", "province", "valid_from", "valid_to", "successor"]

# Longest prefix first: "Thành phố" must not be read as "Thị trấn"'s neighbour, "Đặc khu" is new in 2025.
TYPES: tuple[tuple[str, str], ...] = (
    ("Thành phố ", "thanh_pho"),
    ("Thị xã ", "thi_xa"),
    ("Thị trấn ", "thi_tran"),
    ("Quận ", "quan"),
    ("Huyện ", "huyen"),
    ("Phường ", "phuong"),
    ("Xã ", "xa"),
    ("Đặc khu ", "dac_khu"),
)


class NationalUnit(NamedTuple):
    """A district or commune: the fields of ``thidua.domain.models.Unit`` plus its level and parents.

    ``name`` carries the type ("Phường Phúc Xá", "Quận Ba Đình"), as the official lists write it.
    ``district`` is empty for districts and for communes of the 2-level map (from 01/07/2025).
    ``successor`` is the unit this one was merged into; it may have existed before (Mỹ Lộc went into
    the city of Nam Định, which carried on), unlike a province's successor in data/provinces.yaml.
    """

    id: str
    level: Level
    code: str
    name: str
    district: str | None
    province: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor: str | None

    @property
    def type(self) -> str:
        for prefix, kind in TYPES:
            if self.name.startswith(prefix):
                return kind
        return ""

    @property
    def short_name(self) -> str:
        """Without the type: "Phúc Xá", the way data/provinces.yaml writes its names."""
        for prefix, _ in TYPES:
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name

    @property
    def full_name(self) -> str:
        return self.name

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


_HERE = os.path.dirname(os.path.abspath(__file__))


def _read(name: str) -> str:
    # A plain path, not importlib.resources: that import alone costs more than parsing the files,
    # and the package is never run from a zip (setuptools installs it as files).
    with open(os.path.join(_HERE, name), encoding="utf-8") as handle:
        return handle.read()


@cache
def metadata() -> dict[str, Any]:
    """Source name, version, licence, generation date and per-file row counts (``meta.json``)."""
    import json  # here: the loader itself never needs it

    meta: dict[str, Any] = json.loads(_read("meta.json"))
    return meta


@cache
def _lines() -> tuple[tuple[Level, list[str]], ...]:
    """Each file's rows as lines (its level, its rows), the header checked: read once."""
    out = []
    for name, level in FILES:
        header, _, body = _read(name).partition("\n")
        if header.split("\t") != COLUMNS:
            raise ValueError(f"{name}: unexpected columns {header!r}")
        out.append((level, [line for line in body.split("\n") if line]))
    return tuple(out)


def _row(level: Level, line: str) -> NationalUnit:
    row = line.split("\t")

    def day(text: str) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    return NationalUnit._make((row[0], level, row[1], row[2], row[3] or None, row[4], day(row[5]), day(row[6]), row[7] or None))


@cache
def _line_by_id() -> tuple[tuple[Level, dict[str, str]], ...]:
    """Per file, id -> its line, without parsing the rows: what ``get`` needs when nothing asked for
    every row (a validated repository looks up a few ids; parsing all 14,000 rows costs ~35 ms)."""
    return tuple((level, {line.partition("\t")[0]: line for line in lines}) for level, lines in _lines())


@cache
def _units() -> tuple[NationalUnit, ...]:
    out: list[NationalUnit] = []
    new = NationalUnit._make
    for level, lines in _lines():
        rows = [line.split("\t") for line in lines]
        # A file holds a handful of distinct dates: parse each once, not 2 x 14,000 times.
        dates: dict[str, dt.date | None] = {"": None}
        for text in {r[5] for r in rows} | {r[6] for r in rows}:
            if text:
                dates[text] = dt.date.fromisoformat(text)
        day = dates.__getitem__
        out.extend([new((r[0], level, r[1], r[2], r[3] or None, r[4], day(r[5]), day(r[6]), r[7] or None)) for r in rows])
    return tuple(out)


def national_units() -> list[NationalUnit]:
    """Every district (old map) and commune (both maps), in file order; parsed once, then cached."""
    return list(_units())


@cache
def _by_id() -> dict[str, NationalUnit]:
    return {unit.id: unit for unit in _units()}


@cache
def get(unit_id: str) -> NationalUnit | None:
    if _units.cache_info().currsize:  # every row parsed already (a search, a listing)
        return _by_id().get(unit_id)
    for level, lines in reversed(_line_by_id()):  # as _by_id: a later file wins (ids are unique anyway)
        line = lines.get(unit_id)
        if line is not None:
            return _row(level, line)
    return None


def units_on(day: dt.date, level: Level | None = None) -> list[NationalUnit]:
    return [u for u in _units() if u.valid_on(day) and (level is None or u.level == level)]


# --------------------------------------------------------------------------- search

# Where the two conventions differ: the diphthongs "oa", "oe", "uy" at the end of a word (Hoà/Hòa,
# Khoẻ/Khỏe, Thuỵ/Thụy); with a final consonant both put the mark on the second vowel (Hoàng).
# In NFD the tone mark follows its vowel, so "old" style is "oa" + mark, "new" style "o" + mark + "a".
_OLD_STYLE = re.compile(r"(o)([ae])([\u0300\u0301\u0303\u0309\u0323])(?!\w)|(u)(y)([\u0300\u0301\u0303\u0309\u0323])(?!\w)")
_SPACES = re.compile(r"\s+")


def _new_style(match: re.Match[str]) -> str:
    first, second, tone = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    return first + tone + second


def tone_key(text: str) -> str:
    """A key equal for both tone-mark conventions: "Hoà"/"Hòa", "Thuỷ"/"Thủy" -> one key.

    Casefolded NFD with every old-style mark moved to where the new style puts it; the mark itself
    still counts (Hòa is not Hóa). The new style is the target so that a word being typed ("hò")
    matches the start of the word ("Hoà"). Works on many lines at once.
    """
    return _OLD_STYLE.sub(_new_style, unicodedata.normalize("NFD", text.casefold()))


def ascii_key(text: str) -> str:
    """Without any diacritics: "Phường Phúc Xá" -> "phuong phuc xa"."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d").replace("-", " "))
    return text.encode("ascii", "ignore").decode("ascii")


def _clean(query: str) -> str:
    return _SPACES.sub(" ", query).strip()


# The type prefixes as they appear in each key, to find the short name of a matched unit.
_PREFIX_KEYS = (
    tuple(tone_key(prefix) for prefix, _ in TYPES),
    tuple(ascii_key(prefix) for prefix, _ in TYPES),
)


def _short(key: str, flavour: int) -> str:
    for prefix in _PREFIX_KEYS[flavour]:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


@cache
def _keys() -> tuple[list[str], list[str]]:
    """Tone key and ASCII key of every unit's name, built on the first search.

    Each is computed over all names joined by newlines: a few calls into C, not 28,000 calls from
    Python (a per-name loop took most of a second on a busy 2-core machine).
    """
    names = "\n".join(u.name for u in _units())
    return tone_key(names).split("\n"), ascii_key(names).split("\n")


def query_key(query: str) -> tuple[str, int] | None:
    """The key a query is compared on and which key of a name it is compared with (0 tone, 1 ASCII).

    ``None`` for an empty query. A query written without diacritics ("phuc xa") is compared with
    names stripped of them; one with diacritics keeps them, except for where the tone mark sits.
    """
    query = _clean(unicodedata.normalize("NFC", query))
    if not query:
        return None
    plain = query.isascii()  # "phuc xa": the user typed no diacritics, so ignore the names' ones
    return (_clean(ascii_key(query)) if plain else _clean(tone_key(query))), (1 if plain else 0)


def _rank(q: str, full: str, flavour: int) -> int | None:
    """0 exact name (with or without the type), 1 a name starting with ``q``, 2 containing it."""
    if q not in full:
        return None
    short = _short(full, flavour)
    return 0 if q in (full, short) else 1 if (full.startswith(q) or short.startswith(q)) else 2


def name_rank(query: str, name: str) -> int | None:
    """How well ``name`` matches ``query`` under :func:`search`'s rules, or ``None``: for other lists
    of units (a data repository's own) searched the same way. Codes are not looked at here."""
    key = query_key(query)
    if key is None:
        return None
    q, flavour = key
    full = _clean(ascii_key(name)) if flavour else _clean(tone_key(name))
    return _rank(q, full, flavour)


def search_ranked(
    query: str,
    on: dt.date | None = None,
    level: Level | None = None,
    within: str | None = None,
) -> list[tuple[int, NationalUnit]]:
    """:func:`search` with each unit's rank (0 exact, 1 prefix, 2 contains; a code match is 0)."""
    query = _clean(unicodedata.normalize("NFC", query))
    key = query_key(query)
    if key is None:
        return []
    units = _units()

    def wanted(u: NationalUnit) -> bool:
        return (
            (on is None or u.valid_on(on))
            and (level is None or u.level == level)
            and (within is None or u.province == within or u.district == within)
        )

    if query.isdigit():
        return [(0, u) for u in units if u.code == query and wanted(u)]
    q, flavour = key
    ranked: list[tuple[int, int]] = []
    for index, full in enumerate(_keys()[flavour]):
        if q not in full:
            continue
        u = units[index]
        if not wanted(u):
            continue
        rank = _rank(q, full, flavour)
        if rank is not None:
            ranked.append((rank, index))
    ranked.sort()
    return [(rank, units[i]) for rank, i in ranked]


def search(
    query: str,
    on: dt.date | None = None,
    level: Level | None = None,
    within: str | None = None,
    limit: int | None = None,
) -> list[NationalUnit]:
    """Units whose name contains ``query`` (or whose code is ``query``), best matches first.

    - A query written without diacritics ("phuc xa") matches on names stripped of them; a query with
      diacritics matches them exactly, except for where the tone mark sits ("hoà" finds "Hòa").
    - A query of digits is a statistics-office code, compared as a string ("00001", not "1").
    - ``on``: only units valid that day; ``level``: "district" or "commune";
      ``within``: a province id or a district id (the parent as stored; see docs/units.md).
    Order: exact name (with or without the type), then names starting with the query, then the rest;
    ties by file order (districts, then communes by code).
    """
    return [u for _, u in search_ranked(query, on, level, within)[:limit]]


# --------------------------------------------------------------------------- as registry units


class NationalRegistry:
    """The shipped lists as ``thidua.domain.registry.National``: what a cluster file may name
    besides the repository's own units (``quan-ba-dinh-ha-noi``, ``phuong-ba-dinh-ha-noi``).

    Stateless (the caches are the module's), so it travels to loader processes by pickle.
    """

    def get(self, unit_id: str) -> Any:
        unit = get(unit_id)
        return _as_unit(unit) if unit is not None else None

    def search(self, text: str, day: dt.date | None, limit: int) -> list[str]:
        return [u.id for u in search(text, on=day, limit=limit)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NationalRegistry)

    def __hash__(self) -> int:
        return hash(NationalRegistry)


@cache
def _predecessors() -> dict[str, list[str]]:
    """Successor id -> the ids merged into it (Huyện Mỹ Lộc into the city of Nam Định)."""
    out: dict[str, list[str]] = {}
    for _, lines in _lines():  # file order, as _units() has them; a row without a successor ends in a tab
        for line in lines:
            if not line.endswith("\t"):
                row = line.split("\t")
                if row[7]:
                    out.setdefault(row[7], []).append(row[0])
    return out


@cache
def _as_unit(unit: NationalUnit) -> Any:
    """A ``thidua.domain.models.Unit`` for a shipped unit: built without validation (the generator
    and the tests validate the files), its name without the type, as the registry writes names."""
    from thidua.domain.models import Unit, UnitType

    return Unit.model_construct(
        id=unit.id, name=unit.short_name, type=UnitType(unit.type), code=unit.code,
        valid_from=unit.valid_from, valid_to=unit.valid_to, successor=unit.successor,
        predecessors=_predecessors().get(unit.id, []), change="merger" if unit.successor else None,
        parent=unit.district or unit.province,
    )


__all__ = [
    "NationalRegistry",
    "NationalUnit",
    "ascii_key",
    "get",
    "metadata",
    "name_rank",
    "national_units",
    "query_key",
    "search",
    "search_ranked",
    "tone_key",
    "units_on",
]
