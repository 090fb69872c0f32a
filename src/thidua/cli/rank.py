"""``thidua rank YEAR``: rank every cluster's members, explain a place, test how stable it is.

Exit codes: 0 ranked (cluster-years without scores are reported, not errors); 1 a cluster-year
with validation errors was skipped, or nothing to rank for YEAR; 2 usage errors.
"""

from __future__ import annotations

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
def rank(
    year: Annotated[int, typer.Argument(min=1945, max=2100, show_default=False)],
    cluster: ClusterOption = None,
    data: DataOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    output: OutputOption = None,
    explain: Annotated[str | None, typer.Option("--explain", "-e", metavar="MEMBER", show_default=False)] = None,
    stability: Annotated[bool, typer.Option("--stability")] = False,
    samples: Annotated[int, typer.Option("--samples", min=1, max=100_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed")] = 1,
    tolerance: Annotated[float, typer.Option("--tolerance", min=0.0, max=1000.0)] = 0.5,
    weight_spread: Annotated[float, typer.Option("--weight-spread", min=0.0, max=0.95)] = 0.2,
    force: ForceOption = False,
    differences: Annotated[bool, typer.Option("--differences")] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Rank each cluster's members for YEAR by the cluster's own indicators and rules."""
    from thidua.domain.stability import Settings
    from thidua.output.render import ranking as render
    from thidua.output.report import rank_notes
    from thidua.services.errors import UsageError
    from thidua.services.rank import rank_year

    if format is TableFormat.csv and explain and stability:
        raise UsageError("rank.csv_both")
    if format is TableFormat.xlsx and output is None:
        raise UsageError("xlsx.needs_output")
    settings = Settings(samples=samples, seed=seed, weight_spread=weight_spread, tolerance=tolerance) if stability else None
    result = rank_year(year, cluster, data_option(data), explain=explain, stability=settings, cache=not no_cache)
    rank_notes(result)
    if format is TableFormat.xlsx:
        from thidua.output.xlsx.report import ranking_workbook

        emit(ranking_workbook(result.shown), output, force)
    elif format is TableFormat.text:
        emit(render.text_report(result.shown, result.explanation, result.stabilities, differences, terminal=terminal(output)), output, force)
    else:
        report = {TableFormat.json: render.json_report, TableFormat.csv: render.csv_report, TableFormat.markdown: render.markdown_report}
        emit(report[format](result.shown, result.explanation, result.stabilities, differences), output, force)
    raise typer.Exit(0 if result.ok else 1)
