"""What can still be checked in a year file the schema refused: one round of errors.

When a cluster-year fails validation, its sections are judged independently: every optional
top-level section with a schema error is set aside and the rest is validated again, so the
semantic checks still run over what parsed. Findings that the set-aside part could cause or hide
(a score missing because ``scores`` was dropped, an unknown tie-break because ``rules`` was) are
not reported: they would be follow-ups, not findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode

from thidua.domain.diagnostics import Issue
from thidua.domain.models import ClusterYearFile

REQUIRED = frozenset({"cluster", "year", "members"})  # without these nothing can be checked

# Section set aside -> codes of the checks that read it (and would speak from its absence).
_SCORING = frozenset({"TD402", "TD403", "TD405", "TD406", "TD407", "TD409", "TD410", "TD506"})
DEPENDS: dict[str, frozenset[str]] = {
    "indicators": _SCORING,
    "scores": _SCORING,
    "votes": frozenset({"TD506"}),
    "rules": frozenset({"TD308", "TD402", "TD409", "TD503", "TD504", "TD506"}),
    "awards": frozenset({"TD405"}),
    "sources": frozenset({"TD601"}),
    "as_of": frozenset({"TD202", "TD203", "TD309", "TD313"}),
    "leadership": frozenset(),
    "election": frozenset(),
}
_ANYTHING = frozenset({"*"})


def salvage(data: Any, exc: ValidationError) -> tuple[ClusterYearFile | None, frozenset[str]]:
    """The year file without its failing optional sections, and the names of those set aside."""
    if not isinstance(data, dict):
        return None, frozenset()
    broken = frozenset(str(e["loc"][0]) if e["loc"] else "" for e in exc.errors(include_url=False))
    if broken & REQUIRED or "" in broken:
        return None, broken
    kept = {k: v for k, v in data.items() if str(k) not in broken}
    try:
        return ClusterYearFile.model_validate(kept), broken
    except ValidationError:
        return None, broken


def muted(broken: Iterable[str]) -> frozenset[str]:
    """Codes not to report once ``broken`` sections are set aside (unknown keys mute nothing)."""
    codes: set[str] = set()
    for section in broken:
        codes |= DEPENDS.get(section, frozenset())
    return frozenset(codes)


def keep(issues: Iterable[Issue], broken: frozenset[str]) -> list[Issue]:
    silent = muted(broken)
    return [i for i in issues if i.code not in silent]


# --------------------------------------------------------------------------- decimal commas


def decimal_commas(root: Node | None) -> list[tuple[tuple[Any, ...], int, int, str]]:
    """``{grdp: 28,5, …}``: YAML reads a flow mapping's decimal comma as a new key ``5``.

    Returns (data path of the bogus key, line, column of the comma, the number meant) for each
    key of a score mapping written in flow style that is a bare digit string following a numeric
    value on the same line.
    """
    scores = _value(root, "scores")
    if not isinstance(scores, MappingNode):
        return []
    found = []
    for member_node, member_scores in scores.value:
        if not (isinstance(member_scores, MappingNode) and member_scores.flow_style):
            continue
        pairs = member_scores.value
        for (_, before), (key, _) in itertools.pairwise(pairs):
            if _comma_split(before, key):
                path = ("scores", member_node.value, int(key.value))
                found.append((path, before.end_mark.line + 1, before.end_mark.column + 1, f"{before.value}.{key.value}"))
    return found


def _value(root: Node | None, name: str) -> Node | None:
    if not isinstance(root, MappingNode):
        return None
    return next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == name), None)


def _comma_split(before: Node, key: Node) -> bool:
    return (
        isinstance(before, ScalarNode) and isinstance(key, ScalarNode)
        and not key.style and key.value.isdigit() and key.value.isascii()
        and not before.style and before.value.lstrip("-").isdigit()
        and before.end_mark.line == key.start_mark.line
    )
