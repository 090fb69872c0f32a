"""The template fields: what docs/awards.md lists is what the contexts hold, no more, no less."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thidua.domain.awards import recommend
from thidua.output.dossier.context import FIELDS, cluster_context, report_context
from thidua.output.dossier.reference import fields_markdown, legal_bases_markdown
from thidua.repository.loader import load_repository

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def result():
    return recommend(load_repository(ROOT / "data").clusters["dbsh"].years[2023])


def documented() -> set[str]:
    return {name.strip() for names, _ in FIELDS for name in names.split(",")}


def dotted(context: dict[str, Any]) -> set[str]:
    """Top-level names, and ``name.key`` for the keys of a top-level dict (what FIELDS lists)."""
    names = set()
    for key, value in context.items():
        if isinstance(value, dict):
            names |= {f"{key}.{sub}" for sub in value}
        else:
            names.add(key)
    return names


def test_fields_list_every_variable_of_the_contexts(result) -> None:
    report = report_context(result, "nam-dinh", "co-thi-dua-chinh-phu")
    have = dotted(cluster_context(result, "to-trinh")) | dotted(report)
    assert have == documented(), (sorted(have - documented()), sorted(documented() - have))


def test_docs_page_shows_the_generated_tables() -> None:
    page = (ROOT / "docs" / "awards.md").read_text(encoding="utf-8")
    assert fields_markdown() in page and legal_bases_markdown() in page, "run: python scripts/make_doc_templates.py"
    assert "| `signer.lines`, `signer.name` |" in fields_markdown()
    assert "| 01/07/2025 on |" in legal_bases_markdown()
