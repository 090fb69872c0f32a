"""Which law, decree and circular on emulation and commendation apply on a given day.

Every draft cites the texts in force on the day of the review meeting ("Căn cứ …"). The table is
data: a period starts on the day its texts took effect. What could not be confirmed against the
official text is marked ``confirmed=False`` and said in a comment; a province that knows better
overrides the citations in its own template (docs/awards.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LegalPeriod:
    start: dt.date  # first day in force; the period runs until the next one starts
    texts: tuple[str, ...]  # each cited as "Căn cứ <text>;"
    confirmed: bool = True


LEGAL_PERIODS: tuple[LegalPeriod, ...] = (
    # Law of 26/11/2003, amended 14/06/2005 and 16/11/2013; Decree 91/2017 (31/07/2017) and
    # Circular 12/2019/TT-BNV (04/11/2019) detailed it until Law 06/2022 took effect.
    LegalPeriod(
        dt.date(1945, 1, 1),
        (
            "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
            "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            "Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP",
        ),
    ),
    # Law 06/2022/QH15 in force 01/01/2024 (domain brief); Decree 98/2023/NĐ-CP of 31/12/2023.
    # Circular 01/2024/TT-BNV: its date (29/02/2024) is unconfirmed here, so it is cited without one.
    LegalPeriod(
        dt.date(2024, 1, 1),
        (
            "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
            "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            "Thông tư số 01/2024/TT-BNV của Bộ Nội vụ quy định chi tiết thi hành một số điều của Nghị định số 98/2023/NĐ-CP",
        ),
    ),
    # From 01/07/2025 (two-level local government): Decree 152/2025/NĐ-CP replaces Decree 98/2023
    # (domain brief: its Art. 42 lists the dossier). Unconfirmed: its exact date and start, and which
    # circular of the Ministry of Home Affairs details it — none is cited until one is confirmed.
    LegalPeriod(
        dt.date(2025, 7, 1),
        (
            "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
            "Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        ),
        confirmed=False,
    ),
)


def legal_bases(day: dt.date) -> tuple[str, ...]:
    """The texts in force on ``day``, in citation order (law, decree, circular)."""
    current = LEGAL_PERIODS[0]
    for period in LEGAL_PERIODS:
        if period.start <= day:
            current = period
    return current.texts
