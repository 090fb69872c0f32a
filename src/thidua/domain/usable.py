"""Which cluster-years a report cannot use, and why: one answer for ``rank``, ``awards`` and ``rotate``.

A year file that fails the schema (or whose cluster.yaml does) is not loaded at all, so it is
simply absent from ``ClusterData.years``; one that loaded but has errors is there. Either way a
command must say so, never leave it out silently: a missing year changes a ranking's comparison,
an award table, or the cooldown of a rotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.message import Message
from thidua.domain.record import CLUSTER_FILE, YEAR_FILE, ClusterData, Repository


@dataclass(frozen=True)
class Unusable:
    """A cluster-year with errors: where ``thidua validate`` should look, and the first error."""

    cluster: str
    year: int
    files: list[str]  # the year file and/or cluster.yaml, whichever has errors
    first: Diagnostic | None = None

    @property
    def path(self) -> str:
        return self.files[0]

    @property
    def where(self) -> str:
        """``file:line:column`` of the first error (or the file, when it has no position)."""
        first = self.first
        if first is None:
            return self.path
        if first.line is None:
            return first.file
        return f"{first.file}:{first.line}" + (f":{first.column}" if first.column is not None else "")

    @property
    def reason(self) -> Message | None:
        """The first error as data (output/ says it: ``thidua.output.render.diagnostics.unusable_reason``)."""
        return self.first.message if self.first else None


def year_files(data: ClusterData) -> list[int]:
    """Every year the cluster has a file for, loaded or not."""
    years = (YEAR_FILE.match(PurePosixPath(shown).name) for shown in data.documents)
    return sorted(int(m.group(1)) for m in years if m)


def unusable(repo: Repository, cluster: str, year: int) -> Unusable | None:
    """Why the cluster's file for ``year`` cannot be used; None when it can, or there is none."""
    data = repo.clusters.get(cluster)
    if data is None:
        return None
    year_doc = data.document(f"{year}.yaml")
    cluster_doc = data.document(CLUSTER_FILE)
    loaded = year in data.years
    if not loaded and year_doc not in data.documents:
        return None
    files = [f for f in (year_doc, cluster_doc) if repo.errors_in(f)]
    if loaded and not files:
        return None
    files = files or [year_doc]
    errors = sorted(repo.errors_in(*files), key=Diagnostic.sort_key)
    return Unusable(cluster, year, files, errors[0] if errors else None)


def unusable_years(repo: Repository, year: int, only: Iterable[str] | None = None) -> list[Unusable]:
    """Every cluster (or only those in ``only``) whose file for ``year`` cannot be used."""
    wanted = set(only) if only else None
    found = (unusable(repo, cid, year) for cid in sorted(repo.clusters) if wanted is None or cid in wanted)
    return [u for u in found if u is not None]
