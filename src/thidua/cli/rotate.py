"""``thidua rotate``: hand over chair and vice-chairs for the next year, and write that year's file.

Exit codes: 0 done; 1 data errors (the source year does not validate, the target file exists
without --force, nothing can be written); 2 usage errors (bad option, unknown cluster or year).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, NoCacheOption


class RotateFormat(StrEnum):
    table = "table"
    json = "json"


@reports_errors
def rotate(
    cluster: Annotated[str, typer.Option("--cluster", "-c", help="Cluster id (its directory under clusters/).", show_default=False)],
    from_year: Annotated[int | None, typer.Option("--from", help="Source year (default: the cluster's latest year file).", show_default=False)] = None,
    years: Annotated[int | None, typer.Option("--years", min=1, max=50, help="Schedule of the next N years under the policy.", show_default=False)] = None,
    write: Annotated[bool, typer.Option("--write", help="Create clusters/<id>/<next year>.yaml from the source year.")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --write: overwrite an existing file.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the diff of the file --write would create; write nothing.")] = False,
    format: Annotated[RotateFormat, typer.Option("--format", "-f", help="table or json.")] = RotateFormat.table,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Propose next year's chair (Cụm trưởng) and vice-chairs (Cụm phó), and write that year's file."""
    from thidua.output.render.rotation import json_output, print_proposal, print_schedule
    from thidua.output.report import rotate_written
    from thidua.services.rotate import propose_rotation

    result = propose_rotation(cluster, data, from_year=from_year, years=years, write=write, force=force, dry_run=dry_run, cache=not no_cache)
    rotate_written(result)
    if dry_run:
        return
    if format is RotateFormat.json:
        sys.stdout.write(json_output(result.proposals, schedule=result.schedule))
    elif not result.schedule:
        print_proposal(result.proposals[0])
    else:
        print_schedule(result.proposals)
