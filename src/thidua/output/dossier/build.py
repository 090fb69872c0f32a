"""A cluster-year's dossier as files in memory: the caller decides where (and whether) to save."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import docx as python_docx
from docx.document import Document

from thidua.domain.awards import AwardsResult
from thidua.domain.models import ClusterYear
from thidua.domain.textsafe import document_text
from thidua.output.docx import _language, bien_ban, to_trinh
from thidua.output.dossier.context import cluster_context, report_context
from thidua.output.dossier.report import bao_cao, reports_needed
from thidua.output.dossier.templates import find_template, render_template


@dataclass(frozen=True)
class DossierFile:
    name: str  # e.g. dbsh-2023-to-trinh.docx
    data: bytes


def document_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _finish(data: bytes, title: str, subject: str, written: dt.datetime) -> bytes:
    """A template's output gets the same language and core properties as a built document."""
    document = python_docx.Document(io.BytesIO(data))
    _language(document)
    props = document.core_properties
    props.author = props.last_modified_by = "thidua"
    props.title, props.subject, props.language = document_text(title), document_text(subject), "vi-VN"
    props.created = props.modified = written
    return document_bytes(document)


def dossier(result: AwardsResult, history: Iterable[ClusterYear] = (), templates: Path | None = None, written: dt.datetime | None = None) -> list[DossierFile]:
    """Tờ trình, Biên bản, and a Báo cáo thành tích per collective proposed for a state award.

    A template in ``templates`` (``to-trinh.docx``, ``bien-ban.docx``, ``bao-cao-thanh-tich.docx``)
    replaces the built-in layout of that document. Raises TemplateVariableError / TemplateBroken.
    """
    when = (written or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    cy = result.cluster_year
    stem = f"{cy.id}-{cy.number}"
    history = list(history)
    files = []
    for name, build, title in (
        ("to-trinh", to_trinh, f"Tờ trình đề nghị khen thưởng năm {cy.number} - {cy.cluster.name}"),
        ("bien-ban", bien_ban, f"Biên bản họp bình xét thi đua, khen thưởng năm {cy.number} - {cy.cluster.name}"),
    ):
        template = find_template(templates, name)
        if template is not None:
            data = _finish(render_template(template, cluster_context(result)), title, cy.cluster.name, when)
        else:
            data = document_bytes(build(result, when))
        files.append(DossierFile(f"{stem}-{name}.docx", data))
    template = find_template(templates, "bao-cao-thanh-tich")
    for member, award in reports_needed(result):
        if template is not None:
            context = report_context(result, member, award, history)
            title = f"Báo cáo thành tích đề nghị tặng {context['award']} - {context['unit']['full_name']} - năm {cy.number}"
            data = _finish(render_template(template, context), title, cy.cluster.name, when)
        else:
            data = document_bytes(bao_cao(result, member, award, history, when))
        files.append(DossierFile(f"{stem}-bao-cao-thanh-tich-{member}.docx", data))
    return files
