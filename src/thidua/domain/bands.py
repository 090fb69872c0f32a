"""Score bands (xếp loại): which named band a member's total and criteria reach.

A band bounds the total (``min``/``max``, each inclusive or exclusive) and may set a floor: no
scored criterion below that share of its maximum (a draft provincial rule: ≥ 90 points and no
criterion below 85 %). Bands are listed best first; the first one met is the member's band.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thidua.domain.models import Band, IndicatorKind
from thidua.domain.scoring import exact

if TYPE_CHECKING:
    from thidua.domain.ranking import Entry


@dataclass(frozen=True)
class BandFailure:
    """Why a member missed a band: the total outside its bounds, or a criterion under its floor."""

    band: str
    total: float | None = None  # set when the total is outside the bounds
    indicator: str | None = None  # set when a criterion is under the floor
    share: float | None = None  # that criterion's share of its maximum


def _rounded(value: float) -> object:
    """Totals are float sums: compare them as the decimals they print as (1e-9)."""
    return exact(round(value, 9))


def reaches_min(band: Band, total: float) -> bool:
    value = _rounded(total)
    if band.min is not None:
        low = exact(band.min)
        if value < low or (value == low and not band.min_inclusive):  # type: ignore[operator]
            return False
    return True


def within(band: Band, total: float, upper: bool = True) -> bool:
    """Whether ``total`` lies in the band's bounds (``upper=False``: its lower bound only)."""
    value = _rounded(total)
    if not reaches_min(band, total):
        return False
    if upper and band.max is not None:
        high = exact(band.max)
        if value > high or (value == high and not band.max_inclusive):  # type: ignore[operator]
            return False
    return True


def misses(band: Band, entry: Entry, upper: bool = True) -> list[BandFailure]:
    """Every reason ``entry`` is not in ``band``; empty: it is."""
    out = []
    if not within(band, entry.total, upper):
        out.append(BandFailure(band.id, total=entry.total))
    if band.floor is not None:
        for c in entry.contributions:
            if c.indicator.kind is IndicatorKind.scored and c.indicator.max > 0:
                share = exact(c.score) / exact(c.indicator.max)
                if share < exact(band.floor):
                    out.append(BandFailure(band.id, indicator=c.indicator.id, share=float(share)))
    return out


def band_of(bands: Sequence[Band], entry: Entry) -> str | None:
    """The id of the first band ``entry`` meets, or None (no bands, or none met).

    A member whose total reached a better band's lower bound but was kept out by its floor falls
    to the next band whose floor it meets, above that band's ``max`` (95 points with a criterion
    at 84 % is "tốt" under the ≥ 90 / 85 % rule): ``max`` marks where the better band starts.
    """
    for index, band in enumerate(bands):
        upper = not any(reaches_min(b, entry.total) for b in bands[:index])
        if not misses(band, entry, upper):
            return band.id
    return None


def reaches(bands: Sequence[Band], reached: str | None, required: str) -> bool:
    """Whether the band ``reached`` is ``required`` or a better one (listed before it)."""
    ids = [b.id for b in bands]
    if reached is None or required not in ids or reached not in ids:
        return False
    return ids.index(reached) <= ids.index(required)
