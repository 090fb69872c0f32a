"""Score bands (domain/bands.py): bounds inclusive or exclusive, floors per criterion, order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.domain.bands import band_of, misses, reaches, within
from thidua.domain.models import Band, Indicator
from thidua.domain.ranking import Contribution, Entry

BANDS = [
    Band(id="xuat-sac", name="Hoàn thành xuất sắc", min=90, floor=0.85),
    Band(id="tot", name="Hoàn thành tốt", min=80, max=90, floor=0.8),
    Band(id="kha", name="Khá", min=70, max=80, floor=0.7),
]


def entry(total: float, shares: list[float]) -> Entry:
    contributions = [Contribution(Indicator(id=f"i{k}", name=f"I{k}", max=10), 10 * s, 10 * s) for k, s in enumerate(shares)]
    return Entry("nam-dinh", "Nam Định", total, total, 0.0, 0.0, {}, contributions)


def test_bounds_inclusive_and_exclusive() -> None:
    assert within(Band(id="a", name="A", min=90), 90)
    assert not within(Band(id="a", name="A", min=90, min_inclusive=False), 90)
    assert not within(Band(id="a", name="A", max=90), 90)
    assert within(Band(id="a", name="A", max=90, max_inclusive=True), 90)
    assert within(Band(id="a", name="A", min=80, max=90), 89.999)


def test_a_float_sum_on_the_bound_counts_as_the_bound() -> None:
    assert within(Band(id="a", name="A", min=0.3), 0.1 + 0.2)  # 0.30000000000000004


def test_the_draft_provincial_rule() -> None:
    """≥ 90 with no criterion below 85 %; 80–90 with none below 80 %; 70–80 with none below 70 %."""
    assert band_of(BANDS, entry(95, [0.9, 0.85])) == "xuat-sac"
    assert band_of(BANDS, entry(95, [0.9, 0.84])) == "tot"  # a criterion under 85 %: one band down
    assert band_of(BANDS, entry(85, [0.9, 0.79])) == "kha"
    assert band_of(BANDS, entry(85, [0.9, 0.5])) is None
    (miss,) = misses(BANDS[0], entry(95, [0.9, 0.84]))
    assert (miss.indicator, round(miss.share or 0, 2)) == ("i1", 0.84)


def test_a_better_band_reaches_a_required_one() -> None:
    assert reaches(BANDS, "xuat-sac", "tot")
    assert reaches(BANDS, "tot", "tot")
    assert not reaches(BANDS, "kha", "tot")
    assert not reaches(BANDS, None, "kha")


@settings(max_examples=200, deadline=None)
@given(total=st.floats(0, 120, allow_nan=False), shares=st.lists(st.floats(0, 1), min_size=1, max_size=8))
def test_a_member_in_a_band_meets_its_bounds_and_floor(total: float, shares: list[float]) -> None:
    e = entry(total, shares)
    found = band_of(BANDS, e)
    if found is not None:
        band = next(b for b in BANDS if b.id == found)
        assert within(band, total, upper=not any(b.min is not None and total >= b.min for b in BANDS[: BANDS.index(band)]))
        assert band.floor is None or all(s >= band.floor - 1e-12 for s in shares)
        better = BANDS[: BANDS.index(band)]
        assert all(misses(b, e) for b in better), "the first band met is the member's"
