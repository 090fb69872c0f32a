"""``thidua awards`` as a library call: which cluster-years can be judged, each cluster's award
ladder walked over its ranking, and the draft documents (.docx) written where asked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from thidua.services.common import check_clusters, data_root
from thidua.services.errors import BadTemplate, DataError, UsageError

if TYPE_CHECKING:
    from thidua.domain.awards import AwardsResult
    from thidua.domain.models import ClusterYear
    from thidua.services.usable import Unusable


@dataclass(frozen=True)
class DocumentOutcome:
    """One draft document: written, refused (it exists, no ``force``), failed (``detail`` says why),
    or ``nothing`` for a cluster-year with neither scores nor decided awards (``path`` is None);
    ``ignored``: a Word file in ``templates/`` that no document uses (TD804, a warning)."""

    cluster: str
    year: int
    status: Literal["wrote", "exists", "failed", "nothing", "ignored"]
    path: Path | None = None
    detail: str = ""


@dataclass
class AwardsReport:
    year: int
    results: list[AwardsResult]  # one per cluster-year judged
    unusable: list[Unusable] = field(default_factory=list)  # refused: the data has errors
    missing_scores: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (cluster, [(member, indicator)])
    documents: list[DocumentOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        failed = any(d.status in ("exists", "failed") for d in self.documents)
        return not self.unusable and not self.missing_scores and not failed


def recommend_awards(
    year: int,
    clusters: Iterable[str] | None = None,
    data: Path | str | None = None,
    *,
    docx: Path | None = None,
    force: bool = False,
    pdf: bool = False,
    cache: bool = True,
) -> AwardsReport:
    """Award recommendations for ``year``; with ``docx``, also write the Tờ trình and Biên bản of
    each cluster-year into that directory (an existing file is kept unless ``force``)."""
    from thidua.domain.awards import recommend_year
    from thidua.domain.ranking import has_scores, missing_scores
    from thidua.repository.loader import load_repository
    from thidua.services.usable import unusable_years

    root = data_root(data)
    if docx is not None and docx.exists() and not docx.is_dir():
        raise UsageError("awards.docx.not_dir", path=docx)
    if pdf and docx is None:
        raise UsageError("awards.pdf.needs_docx")
    if pdf:
        from thidua.output.dossier.pdf import soffice

        if soffice() is None:  # said before anything is written
            raise DataError("awards.pdf.no_soffice")
    from thidua.repository.cache import open_cache

    # Every cluster's file for ``year`` of the organisers whose flag cap is shared (all of them
    # without --cluster), and the history behind the dossiers only when they are asked for.
    wanted = list(clusters or [])
    keep = _sharing_a_cap(root, wanted, year) if wanted and docx is None and cache else None
    repo = load_repository(root, cache=open_cache(root, cache), keep=keep, keep_years=None if docx is not None else {year})
    check_clusters(repo, wanted)
    every = repo.cluster_years(year)
    chosen = repo.cluster_years(year, wanted or None)
    report = AwardsReport(year, [], unusable_years(repo, year, wanted or None))
    if not chosen and not report.unusable:
        raise DataError("awards.no_year", year=year)
    clean = []
    for cy in chosen:
        missing = missing_scores(cy) if has_scores(cy) else []
        if not repo.is_clean(cy):
            continue  # among ``unusable``
        if missing:  # the checks report these as errors already; never rank with a hole
            report.missing_scores.append((cy.id, missing))
        else:
            clean.append(cy)
    others = [cy for cy in every if repo.is_clean(cy) and not (has_scores(cy) and missing_scores(cy))]
    report.results = recommend_year(clean, others)
    if docx is not None:
        history = [cy for cid in sorted(repo.clusters) for cy in repo.history(cid) if repo.is_clean(cy)]
        report.documents = write_documents(report.results, docx, force, history, root.parent / "templates", pdf)
    return report


def _sharing_a_cap(root: Path, wanted: list[str], year: int) -> set[str] | None:
    """``wanted`` and every cluster whose ``year`` has the organiser of one of theirs: whose models
    the Government-flag cap needs (``flag_caps`` counts per organiser), read from the cache's
    memberships by a load that keeps no model. A cold cache is filled by it (what the load with
    models would have parsed anyway). None (keep every cluster) when a wanted id is unknown, so
    that the usual error is raised."""
    from thidua.repository.cache import open_cache
    from thidua.repository.loader import load_repository

    light = load_repository(root, models=False, cache=open_cache(root, True))
    if any(cid not in light.clusters for cid in wanted):
        return None
    organisers = {m.organiser for cid in wanted for m in light.clusters[cid].memberships if m.number == year}
    return set(wanted) | {cid for cid, data in light.clusters.items() if any(m.number == year and m.organiser in organisers for m in data.memberships)}


def write_documents(
    results: list[AwardsResult],
    directory: Path,
    force: bool = False,
    history: list[ClusterYear] | None = None,
    templates: Path | None = None,
    pdf: bool = False,
) -> list[DocumentOutcome]:
    """Write each cluster-year's dossier (Tờ trình, Biên bản, a Báo cáo thành tích per proposed
    collective) atomically, from the repository's own Word templates where it has them; with
    ``pdf`` also a PDF of each. What became of each file."""
    from thidua.domain.diagnostics import Diagnostic
    from thidua.output.dossier.build import dossier
    from thidua.output.dossier.pdf import PdfFailed, PdfUnavailable, to_pdf
    from thidua.output.dossier.templates import TemplateProblem, stray_templates
    from thidua.repository.loader import display_path
    from thidua.repository.writer import RefusedOverwrite, atomic_write

    own = templates if templates is not None and templates.is_dir() else None
    done: list[DocumentOutcome] = []
    written: list[Path] = []
    owner: dict[str, tuple[str, int]] = {}  # file stem → (cluster, year): the PDFs are named alike
    done += [DocumentOutcome("", 0, "ignored", Path(display_path(path)), "TD804") for path in stray_templates(own)]
    rendered = []  # every document is rendered before any is written: a bad template writes nothing
    for result in results:
        if result.ranking is None and not result.decided:
            done.append(DocumentOutcome(result.cluster, result.year, "nothing"))
            continue
        try:
            rendered.append((result, dossier(result, history or [], own)))
        except TemplateProblem as exc:
            problem = Diagnostic(display_path(exc.template), None, None, exc.code, "error", exc.params)
            raise BadTemplate([problem], "awards.template.failed") from None
    for result, files in rendered:
        for file in files:
            path = directory / file.name
            try:
                atomic_write(path, file.data, overwrite=force)
            except RefusedOverwrite:
                done.append(DocumentOutcome(result.cluster, result.year, "exists", path))
            except OSError as exc:
                done.append(DocumentOutcome(result.cluster, result.year, "failed", path, str(exc.strerror or exc)))
            else:
                written.append(path)
                owner[path.stem] = (result.cluster, result.year)
                done.append(DocumentOutcome(result.cluster, result.year, "wrote", path))
    if pdf and written:
        try:
            for path in to_pdf(written, directory):
                cluster, year = owner.get(path.stem, ("", 0))
                done.append(DocumentOutcome(cluster, year, "wrote", path))
        except PdfUnavailable:
            raise DataError("awards.pdf.no_soffice") from None
        except (PdfFailed, OSError) as exc:
            raise DataError("awards.pdf.failed", detail=str(exc)) from None
    return done
