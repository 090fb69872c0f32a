"""Which law, decree and circular on emulation and commendation apply on a given day.

Every draft cites the texts in force on the day of the review meeting ("Căn cứ …;"). The table is
data: a period starts on the day its texts took effect and runs until the next one starts
(up to 31/12/2023; 01/01/2024–30/06/2025; from 01/07/2025). Each text says where it was checked
(``source``); what could not be checked against a source is said in ``unconfirmed`` (never
silently), and docs/awards.md shows the marks; a circular whose date is unknown is cited
without one. A province that knows better overrides the citations in its own
template (docs/awards.md#templates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DOMAIN = "the project's domain brief (awards)"
CANTHO_152 = "https://pbgdpl.cantho.gov.vn/quy-dinh-ve-phan-cap-phan-quyen-trong-linh-vuc-thi-dua-khen-thuong"


@dataclass(frozen=True)
class LegalText:
    text: str  # as cited after "Căn cứ "
    source: str | None  # where the number, date and subject were checked
    unconfirmed: str | None = None  # what is not confirmed by ``source`` (None: all of it is)


@dataclass(frozen=True)
class LegalPeriod:
    start: dt.date  # first day in force; the period runs until the next one starts
    texts: tuple[LegalText, ...]  # law, decree, circular
    start_unconfirmed: str | None = None


LAW_2022 = LegalText(
    "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
    DOMAIN + ": Law 06/2022/QH15 took effect 01/01/2024",
    "the date it was passed (15/06/2022) is not in the source",
)

LEGAL_PERIODS: tuple[LegalPeriod, ...] = (
    LegalPeriod(
        dt.date(1945, 1, 1),
        (
            LegalText(
                "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
                None,
                "no source at hand: the 2003 law and its 2005 and 2013 amendments, as generally cited before 2024",
            ),
            LegalText(
                "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                None,
                "no source at hand: number, date and subject as generally cited before 2024",
            ),
            LegalText(
                "Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP",
                None,
                "no source at hand: number, date and subject as generally cited before 2024",
            ),
        ),
    ),
    LegalPeriod(
        dt.date(2024, 1, 1),
        (
            LAW_2022,
            LegalText(
                "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                DOMAIN + ": Decree 98/2023/NĐ-CP (31/12/2023) details the law",
            ),
            LegalText(
                "Thông tư số 01/2024/TT-BNV của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 98/2023/NĐ-CP",
                None,
                "no source at hand: the circular's number and subject; its date is left out",
            ),
        ),
    ),
    LegalPeriod(
        dt.date(2025, 7, 1),
        (
            LAW_2022,
            LegalText(
                "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
                CANTHO_152 + " (Cần Thơ Department of Justice: issued 14/6/2025, subject as cited); " + DOMAIN + ": its Art. 42 lists the dossier",
            ),
        ),
        start_unconfirmed="the day Decree 152/2025/NĐ-CP took effect (01/07/2025, with the two-level local government) is not in the sources; which circular details it is unknown, so none is cited",
    ),
)


def period_on(day: dt.date) -> LegalPeriod:
    current = LEGAL_PERIODS[0]
    for period in LEGAL_PERIODS:
        if period.start <= day:
            current = period
    return current


def legal_bases(day: dt.date) -> tuple[str, ...]:
    """The texts in force on ``day``, in citation order (law, decree, circular)."""
    return tuple(text.text for text in period_on(day).texts)
