"""The loaded data as the commands compute over it: a Repository of clusters, each with its years.

Built by ``thidua.repository.loader`` from the files; everything here is plain data and lookups
(no file access, no working directory): a file is named as it was shown when loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.layout import CLUSTER_FILE, CLUSTERS_DIR

if TYPE_CHECKING:  # only named here: a warm ``validate`` imports no model (start-up)
    from thidua.domain.message import Message
    from thidua.domain.models import ClusterFile, ClusterYear
    from thidua.domain.registry import Registry


@dataclass
class ClusterData:
    id: str
    directory: Path
    file: ClusterFile | None = None
    years: dict[int, ClusterYear] = field(default_factory=dict)  # empty when loaded with models=False
    documents: dict[str, Any] = field(default_factory=dict)  # the loader's documents, by shown path
    memberships: list[Membership] = field(default_factory=list)  # every valid year, kept either way
    display: str = ""  # how the directory is shown (fixed at load time): its files' names start with it

    def document(self, name: str) -> str:
        """The shown path of a file of the directory, as its diagnostics name it (whatever the cwd now)."""
        base = self.display or self.directory.as_posix()
        return name if base == "." else f"{base}/{name}"


@dataclass(frozen=True, slots=True)
class Membership:
    """Who sat in a cluster one year: all that ``across.check_across_clusters`` reads of a ClusterYear.

    A few hundred bytes, where a ClusterYear with its scores is ~30 KB: what lets ``validate``
    check 20,000 files in little memory, what workers send back instead of the models, and what
    the cache keeps of each year file (``thidua.repository.cache``).
    """

    id: str  # the cluster's id, as its cluster.yaml gives it
    organiser: tuple[str, ...]  # the organiser body's identity (``Organiser.key``): a unit sits in one cluster of each per year
    number: int
    members: list[str]
    path: str
    basis: Message | str = ""  # the decision that set the members, as TD306 cites it ("" without one)

    @classmethod
    def of(cls, cy: ClusterYear) -> Membership:
        from thidua.domain.basis import basis_note

        return cls(cy.id, cy.cluster.organiser.key, cy.number, cy.members, cy.path, basis_note(cy))


@dataclass
class Repository:
    root: Path
    registry: Registry
    clusters: dict[str, ClusterData] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    _identities: dict[str, str] | None = field(default=None, repr=False, compare=False)  # shown → identity, built on first use

    def cluster_years(self, year: int, only: Iterable[str] | None = None) -> list[ClusterYear]:
        wanted = set(only) if only else None
        return [
            data.years[year]
            for cid, data in sorted(self.clusters.items())
            if year in data.years and (wanted is None or cid in wanted)
        ]

    def history(self, cluster_id: str) -> list[ClusterYear]:
        data = self.clusters.get(cluster_id)
        return [data.years[y] for y in sorted(data.years)] if data else []

    def errors_in(self, *paths: str) -> list[Diagnostic]:
        """Errors in the files ``paths`` (as shown, or as identities): compared by identity."""
        wanted = {self.identity(p) for p in paths}
        return [d for d in self.diagnostics if d.severity == "error" and self.identity(d.file) in wanted]

    def identity(self, shown: str) -> str:
        """A file's identity: its path relative to the data root (``clusters/dbsh/2023.yaml``).

        Files are shown relative to the working directory of the load (what CI annotations
        want); that depends on where the caller stood, an identity does not.
        """
        if self._identities is None:
            found: dict[str, str] = {}
            for data in self.clusters.values():
                for doc in data.documents:
                    found[doc] = f"{CLUSTERS_DIR}/{data.directory.name}/{PurePosixPath(doc).name}"
                found[data.document(CLUSTER_FILE)] = f"{CLUSTERS_DIR}/{data.directory.name}/{CLUSTER_FILE}"
            self._identities = found
        return self._identities.get(shown, shown)

    def is_clean(self, cluster_year: ClusterYear) -> bool:
        data = self.clusters[cluster_year.id]
        return not self.errors_in(cluster_year.path, data.document(CLUSTER_FILE))
