"""The one check that reads more than one cluster: a unit sits in one cluster of an organiser per year.

It reads only ``Membership`` summaries (who sat where, for which organiser), never the models: a
warm cache answers it from the summaries stored for each cluster, without parsing a file or
importing pydantic. Imports nothing heavy, for that reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from thidua.domain.diagnostics import Issue

if TYPE_CHECKING:
    from thidua.domain.record import Membership


def check_across_clusters(memberships: Iterable[Membership]) -> list[tuple[Membership, Issue]]:
    """A unit sits in one cluster of an organiser per year: of one body (``Organiser.key``), so a
    district may sit in its province's cluster and in the provincial Front's.

    A conflict involves two files and is reported on both, each at its own member entry and naming
    the other file: whichever file a change touched, its author sees the finding on it.
    """
    seen: dict[tuple[Any, ...], Membership] = {}
    out = []
    for cy in sorted(memberships, key=lambda c: (c.number, c.id)):
        for member in dict.fromkeys(cy.members):
            key = (cy.number, cy.organiser, member)
            other = seen.get(key)
            if other is None:
                seen[key] = cy
                continue
            out.append((other, _in_two_clusters(other, member, cy)))
            out.append((cy, _in_two_clusters(cy, member, other)))
    return out


def _in_two_clusters(here: Membership, member: str, other: Membership) -> Issue:
    path = ("members", here.members.index(member))
    return Issue("TD306", path, {"unit": member, "other": other.id, "file": other.path, "year": here.number, "basis": other.basis})
