"""The layout of a data repository, in one place: which file is which kind.

::

    data/provinces.yaml                  registry
    data/clusters/<id>/cluster.yaml      cluster
    data/clusters/<id>/<yyyy>.yaml       cluster-year

Data files end in ``.yaml``, never ``.yml``: a ``2024.yml`` is not a year file (the loader reports
it, TD022, when it lies in clusters/), and ``fmt`` formats it as any YAML file, without a kind.
Light on purpose: the command line reads ``KINDS`` at start-up.
"""

from __future__ import annotations

import re
from pathlib import Path

REGISTRY_FILE = "provinces.yaml"
CLUSTERS_DIR = "clusters"
CLUSTER_FILE = "cluster.yaml"
YEAR_FILE = re.compile(r"^([0-9]{4})\.yaml$")
YAML_SUFFIXES = (".yaml", ".yml")  # what fmt formats: data files and any other YAML in the repository
KINDS = ("cluster-year", "cluster", "registry")  # the kinds of data file, each with its schema


def file_kind(path: Path) -> str | None:
    """The kind of data file a path names, or None for any other file."""
    if path.name == REGISTRY_FILE:
        return "registry"
    if path.name == CLUSTER_FILE:
        return "cluster"
    if YEAR_FILE.match(path.name):
        return "cluster-year"
    return None


def year_path(cluster_dir: Path, year: int) -> Path:
    """The file of a cluster's year."""
    return cluster_dir / f"{year}.yaml"
