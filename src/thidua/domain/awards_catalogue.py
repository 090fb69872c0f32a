"""Official award titles (Vietnamese, as written in decisions) and quota arithmetic."""

from __future__ import annotations

import math

from thidua.domain.models import AwardStep, Rounding

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


# --------------------------------------------------------------------------- the Government flag cap

GOVERNMENT_FLAG = "co-thi-dua-chinh-phu"

# A province or ministry may propose the Cờ thi đua của Chính phủ for at most this share of the
# units that led the clusters and blocks it organises that year (Ministry of Home Affairs letter
# 5007/BNV-TĐKT, 05/09/2023). Whether it still holds under Law 06/2022/QH15 and its decrees is
# unconfirmed: it is a setting, reported as information, never a reason to drop a proposal.
GOVERNMENT_FLAG_CAP_SHARE = 0.20
GOVERNMENT_FLAG_CAP_SOURCE = "5007/BNV-TĐKT, 05/09/2023"
