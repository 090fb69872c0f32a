"""``thidua awards YEAR``: award recommendations by each cluster's ladder, and the draft documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import (
    ClusterOption,
    DataOption,
    ForceOption,
    NoCacheOption,
    OutputOption,
    TableFormat,
    data_option,
    emit,
    terminal,
)


@reports_errors
def awards(
    year: Annotated[int, typer.Argument(min=1945, max=2100)],
    cluster: ClusterOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    output: OutputOption = None,
    docx: Annotated[Path | None, typer.Option("--docx", metavar="DIR", show_default=False)] = None,
    pdf: Annotated[bool, typer.Option("--pdf")] = False,
    force: ForceOption = False,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Walk each cluster's award ladder over its ranking: who is proposed for what, and why."""
    from thidua.output.render import awards as render
    from thidua.output.report import awards_documents, awards_notes
    from thidua.services.awards import recommend_awards
    from thidua.services.errors import UsageError

    if format is TableFormat.xlsx and output is None:
        raise UsageError("xlsx.needs_output")
    report = recommend_awards(year, cluster, data_option(data), docx=docx, force=force, pdf=pdf, cache=not no_cache)
    awards_notes(report)
    if format is TableFormat.xlsx:
        from thidua.output.xlsx.report import awards_workbook

        emit(awards_workbook(report.results), output, force)
    elif format is TableFormat.text:
        emit(render.text(report.results, terminal=terminal(output)), output, force)
    else:
        report_of = {TableFormat.json: render.json_output, TableFormat.csv: render.csv, TableFormat.markdown: render.markdown}
        emit(report_of[format](report.results), output, force)
    awards_documents(report)
    raise typer.Exit(0 if report.ok else 1)
