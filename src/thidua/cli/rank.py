"""``thidua rank YEAR``: rank every cluster's members, explain a place, test how stable it is.

Exit codes: 0 ranked (cluster-years without scores are reported, not errors); 1 a cluster-year
with validation errors was skipped, or nothing to rank for YEAR; 2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import ClusterOption, DataOption, NoCacheOption, TableFormat


@reports_errors
def rank(
    year: Annotated[int, typer.Argument(help="The emulation year (năm thi đua), e.g. 2023.", min=1945, max=2100, show_default=False)],
    cluster: ClusterOption = None,
    data: DataOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="table (rich on a terminal, plain when piped), json, csv, markdown, or xlsx (a workbook, with --output).")] = TableFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The workbook to write with --format xlsx.", show_default=False)] = None,
    explain: Annotated[str | None, typer.Option("--explain", "-e", metavar="MEMBER", help="Explain one member's place: id or Vietnamese name.", show_default=False)] = None,
    stability: Annotated[bool, typer.Option("--stability", help="Test how stable the ranking is under changed weights and scores.")] = False,
    samples: Annotated[int, typer.Option("--samples", help="Stability: number of random trials.", min=1, max=100_000)] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Stability: random seed; the same seed gives the same output.")] = 1,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Stability: each score moves by up to ± this many points.", min=0.0, max=1000.0)] = 0.5,
    weight_spread: Annotated[float, typer.Option("--weight-spread", help="Stability: each weight is multiplied by 1 ± up to this share.", min=0.0, max=0.95)] = 0.2,
    force: Annotated[bool, typer.Option("--force", help="With --output: replace an existing file.")] = False,
    differences: Annotated[bool, typer.Option("--differences", help="List every self-score the appraisal changed, with its reason.")] = False,
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
    if (format is TableFormat.xlsx) != (output is not None):
        raise UsageError("xlsx.needs_output")
    settings = Settings(samples=samples, seed=seed, weight_spread=weight_spread, tolerance=tolerance) if stability else None
    result = rank_year(year, cluster, data, explain=explain, stability=settings, cache=not no_cache)
    rank_notes(result)
    if format is TableFormat.xlsx and output is not None:
        from thidua.cli.sheet import write_workbook
        from thidua.output.xlsx.report import ranking_workbook

        write_workbook(output, ranking_workbook(result.shown), force)
    elif format is TableFormat.table:
        render.print_report(result.shown, result.explanation, result.stabilities, differences)
    else:
        report = {TableFormat.json: render.json_report, TableFormat.csv: render.csv_report, TableFormat.markdown: render.markdown_report}
        sys.stdout.write(report[format](result.shown, result.explanation, result.stabilities, differences))
    raise typer.Exit(0 if result.ok else 1)
