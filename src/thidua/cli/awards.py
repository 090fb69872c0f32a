"""``thidua awards YEAR``: award recommendations by each cluster's ladder, and the draft documents."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import ClusterOption, DataOption, NoCacheOption, usage_error


class AwardsFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


@reports_errors
def awards(
    year: Annotated[int, typer.Argument(help="The emulation year (năm thi đua), e.g. 2023.", min=1945, max=2100)],
    cluster: ClusterOption = None,
    format: Annotated[AwardsFormat, typer.Option("--format", "-f", help="table, json, markdown, or xlsx (a workbook, with --output).")] = AwardsFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The workbook to write with --format xlsx (--force replaces it).", show_default=False)] = None,
    docx: Annotated[Path | None, typer.Option("--docx", help="Also write the dossier (Tờ trình, Biên bản, Báo cáo thành tích, .docx) of each cluster-year into this directory.", show_default=False)] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="With --docx: also convert each document to PDF (needs LibreOffice).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing .docx files.")] = False,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Walk each cluster's award ladder over its ranking: who is proposed for what, and why."""
    from thidua.output.i18n import t
    from thidua.output.render import awards as render
    from thidua.output.report import awards_documents, awards_notes
    from thidua.services.awards import recommend_awards

    if (format is AwardsFormat.xlsx) != (output is not None):
        usage_error(t("xlsx.needs_output"))
    report = recommend_awards(year, cluster, data, docx=docx, force=force, pdf=pdf, cache=not no_cache)
    awards_notes(report)
    if format is AwardsFormat.xlsx and output is not None:
        from thidua.cli.sheet import write_workbook
        from thidua.output.xlsx.report import awards_workbook

        write_workbook(output, awards_workbook(report.results), force)
    elif format is AwardsFormat.json:
        sys.stdout.write(render.json_output(report.results))
    elif format is AwardsFormat.markdown:
        sys.stdout.write(render.markdown(report.results))
    else:
        render.print_tables(report.results)
    awards_documents(report)
    raise typer.Exit(0 if report.ok else 1)
