"""``thidua rank`` as a library call: rank each cluster's members for a year, explain a place,
test how stable the ranking is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.services.common import check_clusters, data_root
from thidua.services.errors import DataError, UnknownName

if TYPE_CHECKING:
    from thidua.domain.explain import Explanation
    from thidua.domain.stability import Settings, Stability
    from thidua.domain.standings import Standing


class NothingToRank(DataError):
    """No cluster asked for has a file for the year."""


class UnknownMember(UnknownName):
    """``--explain`` names no member (``suggestion``: the closest), or several (``options``)."""


class MemberNotRanked(DataError):
    """The member's cluster-year is not ranked (no scores, or errors): ``standing`` says why."""

    def __init__(self, name: str, standing: Standing) -> None:
        super().__init__("rank.member_not_ranked", name=name)
        self.standing = standing

    def message(self) -> str:
        from thidua.output.i18n import t
        from thidua.output.render.ranking import status_line

        return t(self.key, name=self.params["name"], reason=status_line(self.standing))


@dataclass
class RankResult:
    year: int
    root: Path
    shown: list[Standing]  # what the report shows: every standing, or the explained member's
    missing: list[str] = field(default_factory=list)  # clusters asked for without a file for the year
    invalid: list[Standing] = field(default_factory=list)  # shown but not ranked: the data has errors
    explanation: Explanation | None = None
    stabilities: dict[str, Stability] | None = None

    @property
    def ok(self) -> bool:
        return not self.missing and not self.invalid


def rank_year(
    year: int,
    clusters: Iterable[str] | None = None,
    data: Path | str | None = None,
    *,
    explain: str | None = None,
    stability: Settings | None = None,
    cache: bool = True,
) -> RankResult:
    """Standings of ``year`` (all clusters, or only ``clusters``), as ``thidua rank`` reports them.

    Only the files of ``year`` and the year before (last year's places) of the clusters asked for
    are parsed into models; the rest of the repository is read for what makes those files clean
    or not (from the cache when ``cache``; see ``thidua.repository.cache``).
    """
    from thidua.domain.explain import explain as explain_member
    from thidua.domain.stability import analyse
    from thidua.domain.standings import Status, standings
    from thidua.repository.cache import open_cache
    from thidua.repository.loader import load_repository

    root = data_root(data)
    wanted = list(dict.fromkeys(clusters or []))
    repo = load_repository(root, cache=open_cache(root, cache), keep=wanted or None, keep_years={year, year - 1})
    check_clusters(repo, wanted)
    found = standings(repo, year, wanted or None)
    result = RankResult(year, root, found)
    result.missing = [cid for cid in wanted if cid not in {s.cluster for s in found}]
    notes = [("rank.no_year_for", {"clusters": ", ".join(result.missing), "year": year})] if result.missing else []
    if not found:
        if notes:
            raise NothingToRank("rank.no_year_for", **notes[0][1])
        raise NothingToRank("rank.no_year", year=year, root=root)
    if explain:
        try:
            standing, member = _member(explain, found, year)
            if standing.ranking is None:
                name = standing.cluster_year.name(member) if standing.cluster_year else member
                raise MemberNotRanked(name, standing)
        except (UnknownMember, MemberNotRanked) as exc:
            exc.earlier = notes
            raise
        result.shown = [standing]
        result.explanation = explain_member(standing.ranking, member)
    result.invalid = [s for s in result.shown if s.status is Status.invalid]
    if stability is not None:
        # Stability perturbs points: a year ranked by votes or by the meeting has none to perturb.
        result.stabilities = {s.cluster: analyse(s.ranking, stability) for s in result.shown if s.ranking is not None and s.ranking.basis.value == "points"}
    return result


def _member(text: str, found: list[Standing], year: int) -> tuple[Standing, str]:
    """The (standing, member id) that ``explain`` names; UnknownMember when none or several."""
    from thidua.domain.explain import resolve_member
    matches, close = resolve_member(text, found)
    if not matches:
        raise UnknownMember("rank.unknown_member", text, close[0] if close else None, member=text, year=year)
    if len(matches) > 1:
        options = ", ".join(f"'{m}' ({s.cluster_year.units.full_name(m) if s.cluster_year else m}, {s.cluster})" for s, m in matches)
        raise UnknownMember("rank.ambiguous_member", text, None, member=text, options=options)
    return matches[0]
