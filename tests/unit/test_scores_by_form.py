"""A year file's scores are validated as a plain union (number | stages) and, only for the errors
of a refused file, by form (``ClusterYearFileByForm``): both must accept the same files and build
the same values, and a refused score is reported once, in the form it was written in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from thidua.domain.models import ClusterYearFile, ClusterYearFileByForm, StagedScore
from thidua.repository.loader import _validated, read_document

STAGE_KEYS = ["self", "appraised", "final", "reason", "actual", "target", "count", "passed", "note", "other"]
leaves = (st.none() | st.booleans() | st.integers(-5, 2_000_000) | st.floats(allow_nan=True, allow_infinity=True)
          | st.text(max_size=3) | st.just([]))
scores = leaves | st.dictionaries(st.sampled_from(STAGE_KEYS), leaves, max_size=4)


def _outcome(model: type[ClusterYearFile], value: Any) -> tuple[bool, Any]:
    data = {"cluster": "c", "year": 2024, "members": ["a"], "scores": {"a": {"i": value}}}
    try:
        built = model.model_validate(data)
    except ValidationError:
        return False, None
    score = built.scores["a"]["i"]
    return True, (type(score), score.model_dump() if isinstance(score, StagedScore) else score)


@settings(max_examples=600, deadline=None)
@given(scores)
def test_the_plain_union_accepts_what_the_forms_accept(value: Any) -> None:
    assert _outcome(ClusterYearFile, value) == _outcome(ClusterYearFileByForm, value)


def test_a_refused_score_is_reported_in_its_form_only() -> None:
    text = "cluster: c\nyear: 2024\nmembers: [a]\nscores:\n  a:\n    i: 2000000\n    j: {final: -1}\n"
    doc = read_document(Path("2024.yaml"), Path("."), text=text)
    built, exc = _validated(doc, ClusterYearFile)
    assert built is None and exc is not None
    assert sorted((e["loc"], e["type"]) for e in exc.errors()) == [
        (("scores", "a", "i", "<number>"), "less_than_equal"),
        (("scores", "a", "j", "<stages>", "final"), "greater_than_equal"),
    ]
    assert [(d.line, d.code) for d in doc.diagnostics] == [(6, "TD106"), (7, "TD106")]  # out of range, once each
