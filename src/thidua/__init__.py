"""thidua: records, rankings, rotations and awards of Vietnam's emulation clusters.

The library API (see docs/api.md): one function per command, each returning a typed result and
raising the typed errors of ``thidua.services.errors``::

    import thidua
    ranked = thidua.rank_year(2023, ["dbsh"], "data")

Every name is imported on first use (module ``__getattr__``), so ``import thidua`` and
``thidua --version`` load nothing heavy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name → module it lives in
_API: dict[str, str] = {
    "load_repository": "thidua.repository.loader",
    "Repository": "thidua.repository.loader",
    "validate": "thidua.services.validate",
    "ValidationResult": "thidua.services.validate",
    "rank_year": "thidua.services.rank",
    "RankResult": "thidua.services.rank",
    "recommend_awards": "thidua.services.awards",
    "AwardsReport": "thidua.services.awards",
    "DocumentOutcome": "thidua.services.awards",
    "propose_rotation": "thidua.services.rotate",
    "RotationResult": "thidua.services.rotate",
    "Preview": "thidua.services.rotate",
    "format_files": "thidua.services.fmt",
    "FmtResult": "thidua.services.fmt",
    "init_repository": "thidua.services.init",
    "InitResult": "thidua.services.init",
    "schema_text": "thidua.services.schema",
    "write_schema": "thidua.services.schema",
    **dict.fromkeys(
        [
            "ThiduaError", "DataError", "UsageError", "NotADataRepository", "UnknownCluster",
            "UnusableData", "WouldNotValidate", "WriteFailed", "ChangedSinceError", "RefusedOverwrite",
        ],
        "thidua.services.errors",
    ),
}

__all__ = [  # noqa: RUF022 (grouped as the API is)
    "__version__",
    "load_repository",
    "Repository",
    "validate",
    "ValidationResult",
    "rank_year",
    "RankResult",
    "recommend_awards",
    "AwardsReport",
    "DocumentOutcome",
    "propose_rotation",
    "RotationResult",
    "Preview",
    "format_files",
    "FmtResult",
    "init_repository",
    "InitResult",
    "schema_text",
    "write_schema",
    "ThiduaError",
    "DataError",
    "UsageError",
    "NotADataRepository",
    "UnknownCluster",
    "UnusableData",
    "WouldNotValidate",
    "WriteFailed",
    "ChangedSinceError",
    "RefusedOverwrite",
]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'thidua' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once imported, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


if TYPE_CHECKING:
    from thidua.repository.loader import Repository, load_repository
    from thidua.services.awards import AwardsReport, DocumentOutcome, recommend_awards
    from thidua.services.errors import (
        ChangedSinceError,
        DataError,
        NotADataRepository,
        RefusedOverwrite,
        ThiduaError,
        UnknownCluster,
        UnusableData,
        UsageError,
        WouldNotValidate,
        WriteFailed,
    )
    from thidua.services.fmt import FmtResult, format_files
    from thidua.services.init import InitResult, init_repository
    from thidua.services.rank import RankResult, rank_year
    from thidua.services.rotate import Preview, RotationResult, propose_rotation
    from thidua.services.schema import schema_text, write_schema
    from thidua.services.validate import ValidationResult, validate
