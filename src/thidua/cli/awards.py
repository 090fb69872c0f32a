"""``thidua awards YEAR``: award recommendations by each cluster's ladder, and the draft documents."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.options import ClusterOption, DataOption, data_root, usage_error


class AwardsFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def awards(
    year: Annotated[int, typer.Argument(help="The emulation year (năm thi đua), e.g. 2023.", min=1945, max=2100)],
    cluster: ClusterOption = None,
    format: Annotated[AwardsFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = AwardsFormat.table,
    docx: Annotated[Path | None, typer.Option("--docx", help="Also write the dossier (Tờ trình, Biên bản, Báo cáo thành tích, .docx) of each cluster-year into this directory.", show_default=False)] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="With --docx: also convert each document to PDF (needs LibreOffice).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing .docx files.")] = False,
    data: DataOption = None,
) -> None:
    """Walk each cluster's award ladder over its ranking: who is proposed for what, and why."""
    from thidua.domain.awards import recommend_year
    from thidua.domain.ranking import has_scores, missing_scores
    from thidua.output.i18n import t
    from thidua.output.render import awards as render
    from thidua.output.render.diagnostics import unusable_reason
    from thidua.repository.loader import load_repository
    from thidua.services.usable import unusable_years

    root = data_root(data)
    if docx is not None and docx.exists() and not docx.is_dir():
        usage_error(t("awards.docx.not_dir", path=docx))
    if pdf and docx is None:
        usage_error(t("awards.pdf.needs_docx"))
    if pdf:
        from thidua.output.dossier.pdf import soffice

        if soffice() is None:
            print(f"thidua: {t('awards.pdf.no_soffice')}", file=sys.stderr)
            raise typer.Exit(1)
    repo = load_repository(root)
    for wanted in cluster or []:
        if wanted not in repo.clusters:
            usage_error(t("awards.unknown_cluster", cluster=wanted, known=", ".join(sorted(repo.clusters))))
    every = repo.cluster_years(year)
    chosen = repo.cluster_years(year, cluster)
    refused = unusable_years(repo, year, cluster)
    for bad in refused:  # loaded or not (a schema error drops it from ``chosen``): always said
        print(f"thidua: {t('awards.unusable', cluster=bad.cluster, year=year, where=bad.where, reason=unusable_reason(bad), path=bad.path)}", file=sys.stderr)
    if not chosen and not refused:
        print(f"thidua: {t('awards.no_year', year=year)}", file=sys.stderr)
        raise typer.Exit(1)
    failed = bool(refused)
    clean = []
    for cy in chosen:
        missing = missing_scores(cy) if has_scores(cy) else []
        if not repo.is_clean(cy):
            continue  # said above
        elif missing:  # the checks report these as errors already; never rank with a hole
            shown = ", ".join(f"{m}:{i}" for m, i in missing[:3]) + (", …" if len(missing) > 3 else "")
            print(f"thidua: {t('awards.missing_scores', cluster=cy.id, year=year, missing=shown)}", file=sys.stderr)
            failed = True
        else:
            clean.append(cy)
    others = [cy for cy in every if repo.is_clean(cy) and not (has_scores(cy) and missing_scores(cy))]
    results = recommend_year(clean, others)
    if format is AwardsFormat.json:
        sys.stdout.write(render.json_output(results))
    elif format is AwardsFormat.markdown:
        sys.stdout.write(render.markdown(results))
    else:
        render.print_tables(results)
    if docx is not None:
        history = [cy for cid in sorted(repo.clusters) for cy in repo.history(cid) if repo.is_clean(cy)]
        failed = _write_documents(results, docx, force, history, root.parent / "templates", pdf) or failed
    raise typer.Exit(1 if failed else 0)


def _write_documents(results: list, directory: Path, force: bool, history: list, templates: Path, pdf: bool) -> bool:
    """Write each cluster-year's dossier; True if some file was refused or could not be written."""
    from thidua.output.dossier.build import dossier
    from thidua.output.dossier.pdf import PdfFailed, PdfUnavailable, to_pdf
    from thidua.output.dossier.templates import TemplateBroken, TemplateVariableError
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite, atomic_write

    failed = False
    written: list[Path] = []
    for result in results:
        if result.ranking is None and not result.decided:
            print(f"thidua: {t('awards.docx.nothing', cluster=result.cluster, year=result.year)}", file=sys.stderr)
            continue
        try:
            files = dossier(result, history, templates if templates.is_dir() else None)
        except TemplateVariableError as exc:
            print(f"thidua: {t('awards.template.variable', template=exc.template, variable=exc.variable)}", file=sys.stderr)
            return True
        except TemplateBroken as exc:
            print(f"thidua: {t('awards.template.broken', template=exc.template, detail=exc.detail)}", file=sys.stderr)
            return True
        for file in files:
            path = directory / file.name
            try:
                atomic_write(path, file.data, overwrite=force)
            except RefusedOverwrite:
                print(f"thidua: {t('awards.docx.exists', path=path)}", file=sys.stderr)
                failed = True
            except OSError as exc:
                print(f"thidua: {path}: {exc.strerror or exc}", file=sys.stderr)
                failed = True
            else:
                written.append(path)
                print(t("awards.docx.wrote", path=path), file=sys.stderr)
    if pdf and written:
        try:
            for path in to_pdf(written, directory):
                print(t("awards.docx.wrote", path=path), file=sys.stderr)
        except PdfUnavailable:
            print(f"thidua: {t('awards.pdf.no_soffice')}", file=sys.stderr)
            failed = True
        except (PdfFailed, OSError) as exc:
            print(f"thidua: {t('awards.pdf.failed', detail=exc)}", file=sys.stderr)
            failed = True
    return failed
