"""The legal-bases table: which law, decree and circular a document cites on each meeting day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.domain.legal_bases import LEGAL_PERIODS, legal_bases, period_on

OLD_LAW = "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"
LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"


def cited(day: dt.date) -> str:
    return "\n".join(legal_bases(day))


@pytest.mark.parametrize(
    ("day", "present", "absent"),
    [
        (dt.date(2023, 12, 31), [OLD_LAW, "Nghị định số 91/2017/NĐ-CP", "Thông tư số 12/2019/TT-BNV"], ["06/2022/QH15", "98/2023", "152/2025"]),
        (dt.date(2024, 1, 1), [LAW, "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023", "Thông tư số 01/2024/TT-BNV"], ["91/2017", "12/2019", "152/2025", "2003"]),
        (dt.date(2025, 6, 30), [LAW, "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023", "Thông tư số 01/2024/TT-BNV"], ["152/2025", "91/2017"]),
        (dt.date(2025, 7, 1), [LAW, "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025"], ["Nghị định số 98/2023", "01/2024/TT-BNV", "91/2017"]),
        (dt.date(2025, 9, 10), [LAW, "Nghị định số 152/2025/NĐ-CP"], ["Nghị định số 98/2023"]),
    ],
)
def test_each_side_of_each_boundary(day: dt.date, present: list[str], absent: list[str]) -> None:
    text = cited(day)
    for expected in present:
        assert expected in text, (day, expected)
    for unexpected in absent:
        assert unexpected not in text, (day, unexpected)


def test_order_is_law_decree_circular() -> None:
    for period in LEGAL_PERIODS:
        kinds = [t.text.split()[0] for t in period.texts]
        assert kinds == ["Luật", "Nghị", "Thông"][: len(kinds)], kinds


def test_every_text_is_sourced_or_marked_unconfirmed() -> None:
    for period in LEGAL_PERIODS:
        for text in period.texts:
            assert text.source or text.unconfirmed, text.text
            if text.source is None:
                assert text.unconfirmed and "no source" in text.unconfirmed, text.text
    last = LEGAL_PERIODS[-1]
    assert last.start_unconfirmed and "circular" in last.start_unconfirmed, "the missing circular is said, not silently dropped"


def test_an_undated_circular_is_cited_without_a_date() -> None:
    circular = next(t for t in period_on(dt.date(2024, 6, 1)).texts if "TT-BNV" in t.text)
    assert "ngày" not in circular.text and circular.unconfirmed


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_the_period_of_a_day_is_the_last_one_started(day: dt.date) -> None:
    period = period_on(day)
    assert period.start <= day or period is LEGAL_PERIODS[0]
    later = [p for p in LEGAL_PERIODS if p.start > period.start]
    assert all(p.start > day for p in later)
    assert legal_bases(day)[0].startswith("Luật Thi đua, khen thưởng") and 2 <= len(legal_bases(day)) <= 3
