"""``thidua site``: a static website of the whole data repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.errors import reports_errors
from thidua.cli.options import DataOption, data_option


@reports_errors
def site(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR")] = Path("site-out"),
    data: DataOption = None,
    base_url: Annotated[str | None, typer.Option("--base-url", metavar="URL", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """Build a static website (Vietnamese, with English under en/): clusters, years, units, awards."""
    from thidua.output.i18n import t
    from thidua.services.common import data_root
    from thidua.services.errors import UsageError
    from thidua.services.site import Refused, build_site_from

    try:  # each cluster is loaded where it is ranked and written: never the whole repository at once
        pages = build_site_from(data_root(data_option(data)), output, base_url=base_url, force=force)
    except Refused:
        raise UsageError("site.refused", path=output) from None
    except NotADirectoryError:
        raise UsageError("site.not_dir", path=output) from None
    print(t("site.written", pages=pages, path=output))
