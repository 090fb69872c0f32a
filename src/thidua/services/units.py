"""``thidua units``: search the repository's registry and the shipped national list as one.

The data repository's ``provinces.yaml`` holds the provinces and any unit the repository declares
(agencies, schools, …); the package ships every district and commune (``thidua.repository.units``).
A registry entry whose id is also a shipped unit **replaces** it: a repository may add or correct
units without editing the package. The replaced unit keeps the national list's level and parent
(the registry has no field for a parent), unless the registry's type names another level.

Names are matched by the national list's own rules (``name_rank``: with or without diacritics,
either tone-mark convention); a query of digits is a code, compared as a string; a query equal
to an id finds that unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.models import Unit
from thidua.domain.registry import Registry
from thidua.domain.units import LEVEL_OF_TYPE, Level, UnitEntry
from thidua.repository import units as national
from thidua.repository.loader import load_registry


@dataclass
class UnitSearch:
    """The merged list, built once per command."""

    registry: Registry
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._own = {unit.id: unit for unit in self.registry}

    # ------------------------------------------------------------------ entries

    def _repository_entry(self, unit: Unit) -> UnitEntry:
        shipped = national.get(unit.id)
        level: Level = LEVEL_OF_TYPE.get(unit.type.value, "agency")
        parent = province = None
        if shipped is not None:
            if level != "province":  # a district or commune: keep the shipped level
                level = shipped.level
            parent, province = shipped.district or shipped.province, shipped.province
        return UnitEntry(
            id=unit.id, name=unit.name, full_name=unit.full_name, level=level, code=unit.code,
            valid_from=unit.valid_from, valid_to=unit.valid_to, parent=parent, province=province,
            successor=unit.successor, source="repository",
        )

    @staticmethod
    def _national_entry(unit: national.NationalUnit) -> UnitEntry:
        return UnitEntry(
            id=unit.id, name=unit.name, full_name=unit.full_name, level=unit.level, code=unit.code,
            valid_from=unit.valid_from, valid_to=unit.valid_to, parent=unit.district or unit.province,
            province=unit.province, successor=unit.successor, source="national",
        )

    # ------------------------------------------------------------------ questions

    def knows(self, unit_id: str) -> bool:
        """Whether ``unit_id`` can be a ``within``: a province or district, of either list."""
        entry = self.get(unit_id)
        return entry is not None and entry.level in ("province", "district")

    def get(self, unit_id: str) -> UnitEntry | None:
        own = self._own.get(unit_id)
        if own is not None:
            return self._repository_entry(own)
        shipped = national.get(unit_id)
        return self._national_entry(shipped) if shipped is not None else None

    def suggest(self, text: str) -> list[str]:
        """Province and district ids close to ``text`` (for a mistyped ``--in``)."""
        close = self.registry.suggest(text)
        if len(close) < 3:
            close += [u.id for _, u in national.search_ranked(text, level="district")[: 3 - len(close)]]
        return close

    def find(
        self,
        query: str | None = None,
        on: dt.date | None = None,
        level: Level | None = None,
        within: str | None = None,
    ) -> list[UnitEntry]:
        """Units valid ``on`` (any day if ``None``), at ``level``, whose parent or province is
        ``within``, matching ``query`` (all of them without one); best matches first, then the
        registry's order, then the national list's (districts, then communes by code)."""
        query = (query or "").strip()

        def wanted(entry: UnitEntry) -> bool:
            return (
                (on is None or entry.valid_from is None or entry.valid_from <= on)
                and (on is None or entry.valid_to is None or on <= entry.valid_to)
                and (level is None or entry.level == level)
                and (within is None or entry.parent == within or entry.province == within)
            )

        found: list[tuple[int, int, UnitEntry]] = []
        for order, own in enumerate(self._own.values()):
            entry = self._repository_entry(own)
            rank = _rank(query, entry) if query else 0
            if rank is not None and wanted(entry):
                found.append((rank, order, entry))
        start = len(self._own)
        national_level = level if level in ("district", "commune") else None
        if level in ("province", "agency"):
            shipped: list[tuple[int, national.NationalUnit]] = []
        elif not query:
            shipped = [(0, u) for u in (national.units_on(on, national_level) if on else national.national_units())]
        else:
            shipped = national.search_ranked(query, on, national_level, within)
            exact = national.get(query)
            if exact is not None and all(u.id != exact.id for _, u in shipped):
                shipped.insert(0, (0, exact))
        for order, (rank, unit) in enumerate(shipped, start):
            if unit.id in self._own:
                continue  # the repository's entry replaces it
            entry = self._national_entry(unit)
            if wanted(entry):
                found.append((rank, order, entry))
        found.sort(key=lambda item: (item[0], item[1]))
        return [entry for _, _, entry in found]


def _rank(query: str, entry: UnitEntry) -> int | None:
    if query == entry.id or (query.isdigit() and query == entry.code):
        return 0
    if query.isdigit():
        return None
    ranks = [r for r in (national.name_rank(query, entry.name), national.name_rank(query, entry.full_name)) if r is not None]
    return min(ranks) if ranks else None


def unit_search(root: Path) -> UnitSearch:
    """The registry of the data repository at ``root`` with the shipped national list."""
    registry, diagnostics, _ = load_registry(root, root.resolve())
    return UnitSearch(registry, diagnostics)
