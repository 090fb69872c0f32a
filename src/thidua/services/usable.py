"""Which cluster-years a report cannot use, and why: the rule lives in ``thidua.domain.usable``."""

from __future__ import annotations

from thidua.domain.usable import Unusable, unusable, unusable_years, year_files

__all__ = ["Unusable", "unusable", "unusable_years", "year_files"]
