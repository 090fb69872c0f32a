"""Rule metadata: every rule code and its default severity. Codes are stable: never renumber, only add.

The words for each code (``TD101`` and ``TD101.hint``) live in output/; what a rule is, here.
"""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# Default severity per rule code. Codes are stable: never renumber, only add.
SEVERITY: dict[str, str] = {
    # TD0xx: the file and its YAML
    "TD001": "error", "TD002": "error", "TD003": "error", "TD004": "error", "TD005": "error",
    "TD006": "error", "TD007": "error", "TD008": "error", "TD009": "error", "TD010": "error",
    "TD011": "error", "TD012": "error", "TD013": "error", "TD014": "error", "TD015": "error",
    "TD016": "error", "TD017": "error", "TD018": "error", "TD019": "error", "TD020": "error",
    "TD021": "error", "TD022": "error", "TD023": "error", "TD024": "error",
    # TD1xx: the schema
    "TD100": "error", "TD101": "error", "TD102": "error", "TD103": "error", "TD104": "error",
    "TD105": "error", "TD106": "error", "TD107": "error", "TD108": "error",
    # TD2xx: units and the registry
    "TD201": "error", "TD202": "error", "TD203": "error", "TD204": "error", "TD205": "error",
    "TD206": "error",
    "TD207": "error", "TD208": "error",  # renames, parents (kinds of member)
    # TD3xx: clusters, members, leadership
    "TD301": "error", "TD302": "error", "TD303": "error", "TD304": "error", "TD305": "error",
    "TD306": "error", "TD307": "error", "TD308": "warning", "TD309": "warning", "TD310": "error",
    "TD311": "warning", "TD312": "error", "TD313": "error",
    # TD314–TD329: organiser bodies, kinds of member, periods, membership basis
    "TD314": "error", "TD315": "warning", "TD316": "error", "TD317": "info",
    # TD330–TD339: appointments (leadership by decision)
    "TD330": "error", "TD331": "error", "TD332": "warning", "TD333": "error", "TD334": "error",
    "TD335": "warning",
    # TD4xx: indicators, scores, votes
    "TD401": "error", "TD402": "error", "TD403": "error", "TD404": "error", "TD405": "info",
    "TD406": "error", "TD407": "error", "TD408": "error", "TD409": "error", "TD410": "error",
    # TD411–TD429: staged scores, groups, computed indicators, bands (domain/scoring_checks.py)
    "TD411": "error", "TD412": "error", "TD413": "error", "TD414": "error", "TD415": "error",
    "TD416": "error", "TD417": "error", "TD418": "error", "TD419": "warning", "TD420": "error",
    # TD43x: the ranking basis, the meeting's order, vote counts and thresholds
    "TD430": "error", "TD431": "error", "TD432": "error", "TD433": "warning", "TD434": "warning",
    "TD435": "error", "TD436": "info",
    # TD5xx: awards
    "TD501": "error", "TD502": "error", "TD503": "warning", "TD504": "error", "TD505": "warning",
    "TD506": "error", "TD507": "error", "TD508": "warning",
    # TD6xx: sources
    "TD601": "error",
    # TD7xx: scoring workbooks (thidua sheet import)
    "TD701": "error", "TD702": "error", "TD703": "error", "TD704": "warning", "TD705": "error",
    "TD706": "error", "TD707": "error", "TD708": "error", "TD709": "warning", "TD710": "error",
    "TD711": "error", "TD712": "error", "TD713": "error", "TD714": "warning", "TD715": "error",
    "TD717": "warning", "TD719": "error", "TD720": "error", "TD721": "error",
    # TD8xx: the award dossier's Word templates (awards --docx)
    "TD801": "error", "TD802": "error", "TD803": "error", "TD804": "warning",
}


def default_severity(code: str) -> Severity:
    return SEVERITY.get(code, "error")  # type: ignore[return-value]
