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
    xlsx = "xlsx"


def awards(
    year: Annotated[int, typer.Argument(help="The emulation year (năm thi đua), e.g. 2023.", min=1945, max=2100)],
    cluster: ClusterOption = None,
    format: Annotated[AwardsFormat, typer.Option("--format", "-f", help="table, json, markdown, or xlsx (a workbook, with --output).")] = AwardsFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The workbook to write with --format xlsx (--force replaces it).", show_default=False)] = None,
    docx: Annotated[Path | None, typer.Option("--docx", help="Also write the draft Tờ trình and Biên bản (.docx) of each cluster-year into this directory.", show_default=False)] = None,
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

    if (format is AwardsFormat.xlsx) != (output is not None):
        usage_error(t("xlsx.needs_output"))
    root = data_root(data)
    if docx is not None and docx.exists() and not docx.is_dir():
        usage_error(t("awards.docx.not_dir", path=docx))
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
    if format is AwardsFormat.xlsx and output is not None:
        from thidua.cli.sheet import write_workbook
        from thidua.output.xlsx.report import awards_workbook

        write_workbook(output, awards_workbook(results), force)
    elif format is AwardsFormat.json:
        sys.stdout.write(render.json_output(results))
    elif format is AwardsFormat.markdown:
        sys.stdout.write(render.markdown(results))
    else:
        render.print_tables(results)
    if docx is not None:
        failed = _write_documents(results, docx, force) or failed
    raise typer.Exit(1 if failed else 0)


def _write_documents(results: list, directory: Path, force: bool) -> bool:
    """Write both drafts of each cluster-year; True if some file was refused or could not be written."""
    from thidua.output.docx import bien_ban, save, to_trinh
    from thidua.output.i18n import t
    from thidua.repository.writer import RefusedOverwrite

    failed = False
    for result in results:
        if result.ranking is None and not result.decided:
            print(f"thidua: {t('awards.docx.nothing', cluster=result.cluster, year=result.year)}", file=sys.stderr)
            continue
        for suffix, build in (("to-trinh", to_trinh), ("bien-ban", bien_ban)):
            path = directory / f"{result.cluster}-{result.year}-{suffix}.docx"
            try:
                save(build(result), path, overwrite=force)
            except RefusedOverwrite:
                print(f"thidua: {t('awards.docx.exists', path=path)}", file=sys.stderr)
                failed = True
            except OSError as exc:
                print(f"thidua: {path}: {exc.strerror or exc}", file=sys.stderr)
                failed = True
            else:
                print(t("awards.docx.wrote", path=path), file=sys.stderr)
    return failed
