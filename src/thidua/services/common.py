"""What every use-case does first: find the data directory, load it, check the clusters asked for."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.domain.suggest import closest
from thidua.services.errors import NotADataRepository, UnknownCluster

if TYPE_CHECKING:
    from thidua.repository.loader import Repository


def data_root(data: Path | str | None) -> Path:
    """``data``, else $THIDUA_DATA, else ``data/``; NotADataRepository when it is no directory."""
    from thidua.repository.loader import default_data_dir

    root = Path(data) if data is not None else default_data_dir()
    if not root.is_dir():
        raise NotADataRepository(root, data_directory=True)
    return root


def check_clusters(repo: Repository, wanted: Iterable[str] | None) -> None:
    """UnknownCluster (with the closest id) for the first id the repository does not have."""
    for cluster in wanted or []:
        if cluster not in repo.clusters:
            raise UnknownCluster(cluster, closest(cluster, repo.clusters))
