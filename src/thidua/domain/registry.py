"""The time-aware registry of units: who exists on which day, and who became whom.

Codes were reused after 01/07/2025 (24 was Bắc Giang, is now Bắc Ninh), so data refers to units by
stable ids (``bac-giang``, ``bac-ninh-2025``); codes are looked up only to explain a mistake.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Protocol

from thidua.domain.diagnostics import Issue
from thidua.domain.message import Message
from thidua.domain.models import Unit


def slugify(text: str) -> str:
    """'Thừa Thiên Huế' -> 'thua-thien-hue': the id a clerk would guess from a name."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    out, dash = [], False
    for ch in ascii_text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


class National(Protocol):
    """The national districts and communes behind a data repository's registry (read lazily by
    ``thidua.repository.units``): consulted only for an id the repository does not declare."""

    def get(self, unit_id: str) -> Unit | None: ...

    def search(self, text: str, day: dt.date | None, limit: int) -> list[str]: ...


class Registry:
    """Units by id, with the succession links resolved.

    ``national``: where an id the repository does not declare is looked up (the shipped districts
    and communes); it is never iterated, so listing and code look-ups stay the repository's.
    """

    def __init__(self, units: Iterable[Unit], parent: Registry | None = None, national: National | None = None) -> None:
        self.parent = parent
        self.national = national
        self._keys: dict[str, str] | None = None  # slug of id / name / full name -> id, built once
        self.own: dict[str, Unit] = {}
        for unit in units:
            self.own.setdefault(unit.id, unit)

    def overlay(self, units: Iterable[Unit]) -> Registry:
        """The registry seen from a cluster that declares units of its own."""
        units = list(units)
        return Registry(units, parent=self) if units else self

    def get(self, unit_id: str) -> Unit | None:
        unit = self.own.get(unit_id)
        if unit is None and self.parent is not None:
            return self.parent.get(unit_id)
        if unit is None and self.national is not None:
            return self.national.get(unit_id)
        return unit

    def search(self, text: str, day: dt.date | None = None, limit: int = 3) -> list[str]:
        """Ids of the national districts and communes whose name matches ``text`` (with or without
        diacritics) on ``day``: "did you mean" for a commune typed by its name."""
        root = self
        while root.parent is not None:
            root = root.parent
        return root.national.search(text, day, limit) if root.national is not None else []

    def __contains__(self, unit_id: object) -> bool:
        return isinstance(unit_id, str) and self.get(unit_id) is not None

    def __iter__(self) -> Iterator[Unit]:
        if self.parent is not None:
            yield from self.parent
        yield from self.own.values()

    def name(self, unit_id: str) -> str:
        unit = self.get(unit_id)
        return unit.name if unit else unit_id

    def full_name(self, unit_id: str) -> str:
        unit = self.get(unit_id)
        return unit.full_name if unit else unit_id

    def on(self, unit_id: str, day: dt.date) -> Unit | None:
        """The unit that carries ``unit_id`` on ``day``: itself, or its successor after a merger."""
        unit = self.get(unit_id)
        for _ in range(16):  # succession chains are short; a loop in bad data must not hang
            if unit is None or unit.valid_on(day):
                return unit
            if unit.valid_to is not None and day > unit.valid_to and unit.successor:
                unit = self.get(unit.successor)
            else:
                return None
        return None

    def by_code(self, code: str, day: dt.date) -> list[Unit]:
        return [u for u in self if u.code == code and u.valid_on(day)]

    def _suggestion_keys(self) -> dict[str, str]:
        if self._keys is None:
            keys: dict[str, str] = {}
            for unit in self:
                keys.setdefault(unit.id, unit.id)
                keys.setdefault(slugify(unit.name), unit.id)
                keys.setdefault(slugify(unit.full_name), unit.id)
            self._keys = keys
        return self._keys

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Ids close to what was written, matching ids and names (with or without diacritics)."""
        slug = slugify(text)
        keys = self._suggestion_keys()
        if slug in keys:
            exact = [keys[slug]] + [u.id for u in self if slugify(u.name) == slug and u.id != keys[slug]]
            return exact[:limit]
        found: list[str] = []
        for key in difflib.get_close_matches(slug, list(keys), n=limit * 2, cutoff=0.6):
            if keys[key] not in found:
                found.append(keys[key])
        return found[:limit]


def check_units(units: list[Unit], parent: Registry | None = None) -> list[Issue]:
    """Internal consistency of a list of units (the registry, or a cluster's own units)."""
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    for index, unit in enumerate(units):
        if unit.id in seen or (parent is not None and unit.id in parent):
            issues.append(Issue("TD206", ("units", index, "id"), {"unit": unit.id}))
        seen.setdefault(unit.id, index)
    registry = Registry(units, parent)
    for index, unit in enumerate(units):
        where = ("units", index)
        if unit.valid_from and unit.valid_to and unit.valid_from > unit.valid_to:
            issues.append(Issue("TD204", (*where, "valid_to"), {"unit": unit.id, "detail": "valid_to < valid_from"}))
        if unit.successor:
            successor = registry.get(unit.successor)
            if successor is None:
                issues.append(Issue("TD204", (*where, "successor"), {"unit": unit.id, "detail": f"successor '{unit.successor}' not found"}))
            else:
                if unit.valid_to is None:
                    issues.append(Issue("TD204", (*where, "successor"), {"unit": unit.id, "detail": "a unit with a successor needs valid_to"}))
                elif successor.valid_from != unit.valid_to + dt.timedelta(days=1):
                    issues.append(Issue("TD204", (*where, "valid_to"), {"unit": unit.id, "detail": f"'{successor.id}' should start the day after valid_to"}))
                if unit.id not in successor.predecessors:
                    issues.append(Issue("TD204", (*where, "successor"), {"unit": unit.id, "detail": f"'{successor.id}' does not list it in predecessors"}))
                if unit.change == "rename" and len(successor.predecessors) > 1:
                    issues.append(Issue("TD207", (*where, "change"), {"unit": unit.id, "successor": successor.id, "count": len(successor.predecessors)}))
        if unit.parent and unit.parent not in registry:
            options = [*registry.suggest(unit.parent), *registry.search(unit.parent.replace("-", " "), None, 3)]
            suggestion = Message("word.did_you_mean", {"options": ", ".join(f"'{o}'" for o in dict.fromkeys(options))}) if options else ""
            issues.append(Issue("TD208", (*where, "parent"), {"unit": unit.id, "parent": unit.parent, "suggestion": suggestion}))
        for position, predecessor_id in enumerate(unit.predecessors):
            predecessor = registry.get(predecessor_id)
            if predecessor is None or predecessor.successor != unit.id:
                issues.append(Issue("TD204", (*where, "predecessors", position), {"unit": unit.id, "detail": f"predecessor '{predecessor_id}' does not name it as successor"}))
    issues.extend(_code_overlaps(units))
    return issues


def _code_overlaps(units: list[Unit]) -> list[Issue]:
    by_code: dict[str, list[tuple[int, Unit]]] = {}
    for index, unit in enumerate(units):
        if unit.code:
            by_code.setdefault(unit.code, []).append((index, unit))
    issues = []
    far_past, far_future = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
    for code, entries in by_code.items():
        for i, (_, first) in enumerate(entries):
            for index, second in entries[i + 1 :]:
                start = max(first.valid_from or far_past, second.valid_from or far_past)
                end = min(first.valid_to or far_future, second.valid_to or far_future)
                if start <= end:
                    issues.append(Issue("TD205", ("units", index, "code"), {"code": code, "first": first.id, "second": second.id, "day": start.strftime("%d/%m/%Y")}))
    return issues
