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
from thidua.output.docx import LANGUAGE, set_language, to_bytes
from thidua.output.dossier.context import cluster_context, report_context, reports_needed
from thidua.output.dossier.templates import find_template, render_template


@dataclass(frozen=True)
class DossierFile:
    name: str  # e.g. dbsh-2023-to-trinh.docx
    data: bytes


def _finish(data: bytes, title: str, subject: str, written: dt.datetime | None) -> Document:
    """A rendered template with vi-VN on every style and thidua's core properties."""
    when = (written or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    document = python_docx.Document(io.BytesIO(data))
    set_language(document)
    props = document.core_properties
    props.author = props.last_modified_by = "thidua"
    props.title, props.subject, props.language = document_text(title), document_text(subject), LANGUAGE
    props.keywords, props.comments, props.revision = "", "", 1
    props.created = props.modified = when
    return document


def to_trinh(result: AwardsResult, written: dt.datetime | None = None, templates: Path | None = None) -> Document:
    """Tờ trình đề nghị khen thưởng: the cluster proposes its awards to the organiser."""
    cy = result.cluster_year
    data = render_template(find_template(templates, "to-trinh"), cluster_context(result, "to-trinh"))
    return _finish(data, f"Tờ trình đề nghị khen thưởng năm {cy.number} - {cy.cluster.name}", cy.cluster.name, written)


def bien_ban(result: AwardsResult, written: dt.datetime | None = None, templates: Path | None = None) -> Document:
    """Biên bản họp bình xét: time, place, attendees, content, the vote, the outcome."""
    cy = result.cluster_year
    data = render_template(find_template(templates, "bien-ban"), cluster_context(result, "bien-ban"))
    return _finish(data, f"Biên bản họp bình xét thi đua, khen thưởng năm {cy.number} - {cy.cluster.name}", cy.cluster.name, written)


def bao_cao(result: AwardsResult, member: str, award: str, history: Iterable[ClusterYear] = (), written: dt.datetime | None = None, templates: Path | None = None) -> Document:
    """The Báo cáo thành tích of ``member``, proposed for ``award`` by the cluster in ``result``."""
    cy = result.cluster_year
    context = report_context(result, member, award, history)
    data = render_template(find_template(templates, "bao-cao-thanh-tich"), context)
    title = f"Báo cáo thành tích đề nghị tặng {context['award']} - {result.cluster_year.units.full_name(member)} - năm {cy.number}"
    return _finish(data, title, cy.cluster.name, written)


def dossier(result: AwardsResult, history: Iterable[ClusterYear] = (), templates: Path | None = None, written: dt.datetime | None = None) -> list[DossierFile]:
    """Tờ trình, Biên bản, and a Báo cáo thành tích per collective proposed for a state award,
    each from ``templates/<name>.docx`` where the data repository has one, else the default.
    Raises TemplateProblem."""
    when = (written or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    cy = result.cluster_year
    stem = f"{cy.id}-{cy.number}"
    history = list(history)
    files = [
        DossierFile(f"{stem}-to-trinh.docx", to_bytes(to_trinh(result, when, templates))),
        DossierFile(f"{stem}-bien-ban.docx", to_bytes(bien_ban(result, when, templates))),
    ]
    for member, award in reports_needed(result):
        files.append(DossierFile(f"{stem}-bao-cao-thanh-tich-{member}.docx", to_bytes(bao_cao(result, member, award, history, when, templates))))
    return files
