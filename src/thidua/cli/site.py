"""``thidua site``: a static website of the whole data repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.options import DataOption, data_root, usage_error


def site(
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write the site into.")] = Path("site-out"),
    data: DataOption = None,
    base_url: Annotated[str | None, typer.Option("--base-url", help="Public address of the site, for canonical links (pages link relatively either way).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty directory that thidua did not make.")] = False,
) -> None:
    """Build a static website (Vietnamese, with English under en/): clusters, years, units, awards."""
    from thidua.output.i18n import t
    from thidua.repository.loader import load_repository
    from thidua.services.site import Refused, build_site

    repo = load_repository(data_root(data))
    try:
        pages = build_site(repo, output, base_url=base_url, force=force)
    except Refused:
        usage_error(t("site.refused", path=output))
    except NotADirectoryError:
        usage_error(t("site.not_dir", path=output))
    print(t("site.written", pages=pages, path=output))
