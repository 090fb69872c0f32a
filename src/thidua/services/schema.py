"""JSON Schema of the data files, generated from the pydantic models (never kept by hand).

Editors use it through the first line of each data file
(``# yaml-language-server: $schema=../../../schema/cluster-year.json``): completion of keys,
enum values and a red underline on a wrong type, before ``thidua validate`` runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thidua.domain.layout import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAMES = {kind: f"{kind}.json" for kind in KINDS}  # as the data files' modelines name them


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of one file kind; ``$schema`` first, no ``$id`` (the files are used by path)."""
    from thidua.domain.models import SCHEMA_KINDS

    generated = SCHEMA_KINDS[kind].model_json_schema(mode="validation")
    return {"$schema": DIALECT, **_integral_floats_as_ints(generated)}


def _integral_floats_as_ints(value: Any) -> Any:
    """``0`` rather than ``0.0``: pydantic versions disagree on how a float bound is written."""
    if isinstance(value, dict):
        return {key: _integral_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_ints(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def schema_text(kind: str) -> str:
    """Stable text: same models, same bytes (the repository's schema/*.json are checked by a test)."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schema(kind: str, output: Path, force: bool = False) -> Path:
    """Write the schema of ``kind`` to ``output`` atomically (an existing file only with ``force``)."""
    from thidua.repository.writer import RefusedOverwrite, atomic_write
    from thidua.services.errors import UsageError, WriteFailed

    try:
        atomic_write(output, schema_text(kind), overwrite=force)
    except RefusedOverwrite:
        raise UsageError("write.exists", path=output) from None
    except OSError as exc:
        raise WriteFailed(output, exc.strerror or exc) from None
    return output
