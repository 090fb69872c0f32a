"""The ``thidua`` command: a thin typer shell over the library.

Only typer is imported at start-up; each command imports what it needs when it runs. The frame
(help in the reader's language, ``-h``, global options on either side of the command, one-line
usage errors) is ``cli/shell.py``; the words are in ``output/messages_cli.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from thidua import __version__
from thidua.cli.awards import awards
from thidua.cli.history import history
from thidua.cli.rank import rank
from thidua.cli.rotate import rotate
from thidua.cli.sheet import sheet_app
from thidua.cli.shell import ThiduaCommand, build_app
from thidua.cli.site import site
from thidua.cli.tools import fmt, init, schema
from thidua.cli.units import units
from thidua.cli.validate import validate

app = build_app(name="thidua", no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False)


def _version(value: bool) -> None:
    if value:
        print(f"thidua {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[str | None, typer.Option("--lang", metavar="vi|en", show_default=False)] = None,
    data: Annotated[Path | None, typer.Option("--data", metavar="DIR", show_default=False)] = None,
) -> None:
    """thidua: emulation clusters, computed by their own rules."""
    from thidua.cli.options import set_global_data

    # --lang is read by the frame before anything runs (cli.shell.take_language); --data given
    # before the command is the default of every command's own --data
    set_global_data(data)


app.command(cls=ThiduaCommand)(validate)
app.command(cls=ThiduaCommand)(rank)
app.command(cls=ThiduaCommand)(rotate)
app.command(cls=ThiduaCommand)(awards)
app.command(cls=ThiduaCommand)(units)
app.command(cls=ThiduaCommand)(schema)
app.command(cls=ThiduaCommand)(init)
app.command(cls=ThiduaCommand)(fmt)
app.command(cls=ThiduaCommand)(history)
app.command(cls=ThiduaCommand)(site)
app.add_typer(sheet_app)


def main() -> None:
    # `thidua --version` is what scripts call to check the install: answer before typer builds
    # every command and option.
    if sys.argv[1:] == ["--version"]:
        print(f"thidua {__version__}")
        return
    app()
