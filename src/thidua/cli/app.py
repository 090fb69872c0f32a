"""The ``thidua`` command: a thin typer shell over the library.

Only typer is imported at start-up; each command imports what it needs when it runs.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from thidua import __version__
from thidua.cli.awards import awards
from thidua.cli.history import history
from thidua.cli.rank import rank
from thidua.cli.rotate import rotate
from thidua.cli.site import site
from thidua.cli.tools import fmt, init, schema
from thidua.cli.units import units
from thidua.cli.validate import validate

app = typer.Typer(
    name="thidua",
    help="Records, rankings, rotations and awards of Vietnam's emulation clusters (cụm / khối thi đua).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"thidua {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Language of messages: vi or en (default: $THIDUA_LANG, then $LANG).", show_default=False)] = None,
) -> None:
    """thidua: emulation clusters, computed by their own rules."""
    from thidua.output.i18n import LANGUAGES, default_language, set_language

    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter("use vi or en", param_hint="--lang")
    set_language(lang or default_language())  # read the environment once, not per message


app.command()(validate)
app.command()(rank)
app.command()(rotate)
app.command()(awards)
app.command()(units)
app.command()(schema)
app.command()(init)
app.command()(fmt)
app.command()(history)
app.command()(site)


def main() -> None:
    # `thidua --version` is what scripts call to check the install: answer before typer builds
    # every command and option.
    if sys.argv[1:] == ["--version"]:
        print(f"thidua {__version__}")
        return
    app()
