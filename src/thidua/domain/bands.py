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


def within(band: Band, total: float) -> bool:
    value = _rounded(total)
    if band.min is not None:
        low = exact(band.min)
        if value < low or (value == low and not band.min_inclusive):  # type: ignore[operator]
            return False
    if band.max is not None:
        high = exact(band.max)
        if value > high or (value == high and not band.max_inclusive):  # type: ignore[operator]
            return False
    return True


def misses(band: Band, entry: Entry) -> list[BandFailure]:
    """Every reason ``entry`` is not in ``band``; empty: it is."""
    out = []
    if not within(band, entry.total):
        out.append(BandFailure(band.id, total=entry.total))
    if band.floor is not None:
        for c in entry.contributions:
            if c.indicator.kind is IndicatorKind.scored and c.indicator.max > 0:
                share = exact(c.score) / exact(c.indicator.max)
                if share < exact(band.floor):
                    out.append(BandFailure(band.id, indicator=c.indicator.id, share=float(share)))
    return out


def band_of(bands: Sequence[Band], entry: Entry) -> str | None:
    """The id of the first band ``entry`` meets, or None (no bands, or none met)."""
    return next((b.id for b in bands if not misses(b, entry)), None)


def reaches(bands: Sequence[Band], reached: str | None, required: str) -> bool:
    """Whether the band ``reached`` is ``required`` or a better one (listed before it)."""
    ids = [b.id for b in bands]
    if reached is None or required not in ids or reached not in ids:
        return False
    return ids.index(reached) <= ids.index(required)
