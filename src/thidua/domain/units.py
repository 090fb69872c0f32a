"""One unit as ``thidua units`` shows it, wherever it comes from: the data repository's registry
(``data/provinces.yaml``: provinces and any unit the repository declares) or the national list of
districts and communes shipped in ``thidua.repository.units``.

Plain data: no file, no translation. The level words are the keys the output translates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Level = Literal["province", "district", "commune", "agency"]
Source = Literal["repository", "national"]
LEVELS: tuple[Level, ...] = ("province", "district", "commune", "agency")

# ``thidua.domain.models.UnitType`` values -> level; every kind of member that is not territorial
# (agency, school, enterprise, cooperative, Party or mass-organisation committee) is an "agency".
LEVEL_OF_TYPE: dict[str, Level] = {
    "tinh": "province",
    "thanh_pho_trung_uong": "province",
    "thanh_pho": "district",
    "thi_xa": "district",
    "huyen": "district",
    "quan": "district",
    "xa": "commune",
    "phuong": "commune",
    "thi_tran": "commune",
    "dac_khu": "commune",
    "co_quan": "agency",
    "truong": "agency",
    "doanh_nghiep": "agency",
    "hop_tac_xa": "agency",
    "dang_uy": "agency",
    "doan_the": "agency",
}


@dataclass(frozen=True)
class UnitEntry:
    """A unit found by ``thidua units``.

    ``name`` as its source writes it (the registry without the type, "Hà Nội"; the national list
    with it, "Phường Phúc Xá"); ``full_name`` always with it. ``parent`` is the district of an
    old-map commune, else the province; ``None`` for a province and for a unit the repository
    declares without a national counterpart.
    """

    id: str
    name: str
    full_name: str
    level: Level
    code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    parent: str | None
    province: str | None
    successor: str | None
    source: Source

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "full_name": self.full_name,
            "level": self.level,
            "code": self.code,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "parent": self.parent,
            "province": self.province,
            "successor": self.successor,
            "source": self.source,
        }
