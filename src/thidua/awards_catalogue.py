"""Official award titles (Vietnamese, as written in decisions) and quota arithmetic."""

from __future__ import annotations

import math

from thidua.models import AwardStep, Rounding

# id -> official Vietnamese title. Ids are what data files write; titles are never translated.
AWARD_TITLES: dict[str, str] = {
    "co-thi-dua-chinh-phu": "Cờ thi đua của Chính phủ",
    "bang-khen-thu-tuong": "Bằng khen của Thủ tướng Chính phủ",
    "co-thi-dua-bo": "Cờ thi đua của Bộ, ban, ngành, đoàn thể Trung ương",
    "co-thi-dua-ubnd-tinh": "Cờ thi đua của UBND tỉnh",
    "bang-khen-chu-tich-ubnd-tinh": "Bằng khen của Chủ tịch UBND tỉnh",
    "bang-khen-ubnd-tinh": "Bằng khen của UBND tỉnh",
    "co-don-vi-dan-dau": "Cờ \"Đơn vị dẫn đầu phong trào thi đua\"",
}


def award_title(award_id: str, extra: dict[str, str] | None = None) -> str:
    if extra and award_id in extra:
        return extra[award_id]
    return AWARD_TITLES.get(award_id, award_id)


def known_award(award_id: str, extra: dict[str, str] | None = None) -> bool:
    return award_id in AWARD_TITLES or bool(extra and award_id in extra)


def quota(step: AwardStep, members: int) -> int:
    """How many may receive ``step``: a count, or a share of the members rounded as the rules say."""
    if step.count is not None:
        return step.count
    exact = (step.share or 0) * members
    if step.rounding is Rounding.ceil:
        return math.ceil(exact - 1e-9)
    if step.rounding is Rounding.nearest:
        return math.floor(exact + 0.5 + 1e-9)
    return math.floor(exact + 1e-9)
