"""``thidua rotate``: hand over chair and vice-chairs for the next year, and write that year's file.

Exit codes: 0 done; 1 data errors (the source year does not validate, the target file exists
without --force, nothing can be written); 2 usage errors (bad option, unknown cluster or year).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, ForceOption, NoCacheOption, OutputOption, data_option, emit, terminal


class RotateFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@reports_errors
def rotate(
    cluster: Annotated[str, typer.Option("--cluster", "-c", metavar="ID", show_default=False)],
    from_year: Annotated[int | None, typer.Option("--from", metavar="YEAR", show_default=False)] = None,
    years: Annotated[int | None, typer.Option("--years", min=1, max=50, show_default=False)] = None,
    write: Annotated[bool, typer.Option("--write")] = False,
    force: ForceOption = False,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    format: Annotated[RotateFormat, typer.Option("--format", "-f")] = RotateFormat.text,
    output: OutputOption = None,
    data: DataOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Propose next year's chair (Cụm trưởng) and vice-chairs (Cụm phó), and write that year's file."""
    from thidua.output.render import rotation as render
    from thidua.output.report import rotate_written
    from thidua.services.rotate import propose_rotation

    # --force replaces the year file with --write, the report with --output; alone it is refused
    file_force = force if (write or output is None) else False
    result = propose_rotation(cluster, data_option(data), from_year=from_year, years=years, write=write, force=file_force, dry_run=dry_run, cache=not no_cache)
    rotate_written(result)
    if dry_run:
        return
    schedule = bool(result.schedule)
    if format is RotateFormat.json:
        emit(render.json_output(result.proposals, schedule=result.schedule), output, force)
    elif format is RotateFormat.markdown:
        emit(render.markdown(result.proposals, schedule), output, force)
    elif not schedule:
        emit(render.proposal_text(result.proposals[0], terminal=terminal(output)), output, force)
    else:
        emit(render.schedule_text(result.proposals, terminal=terminal(output)), output, force)
