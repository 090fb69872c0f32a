"""The ``thidua`` command: a thin typer shell over the library.

Only typer is imported at start-up; each command imports what it needs when it runs. The frame
(help in the reader's language, ``-h``, global options on either side of the command, one-line
usage errors) is ``cli/shell.py``; the words are in ``output/messages_cli.py``.

``app`` is the whole command line (every command: help, completion, tests, the generated
reference). ``thidua COMMAND …`` from a shell runs an app holding only that command
(``app_for``): typer builds every parameter of every registered command before it parses
anything, ~30 ms for the twelve, and importing their modules costs more; the command that runs
is the same object either way, so its parsing, help and errors are the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

import typer

from thidua import __version__
from thidua.cli.shell import ThiduaCommand, build_app

# command name → (module, attribute): the order is the order of the help's command list
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("thidua.cli.validate", "validate"),
    "rank": ("thidua.cli.rank", "rank"),
    "rotate": ("thidua.cli.rotate", "rotate"),
    "awards": ("thidua.cli.awards", "awards"),
    "units": ("thidua.cli.units", "units"),
    "schema": ("thidua.cli.tools", "schema"),
    "init": ("thidua.cli.tools", "init"),
    "fmt": ("thidua.cli.tools", "fmt"),
    "history": ("thidua.cli.history", "history"),
    "site": ("thidua.cli.site", "site"),
    "sheet": ("thidua.cli.sheet", "sheet_app"),  # a group of commands (add_typer)
}

# options of the app itself that take a value (the command word is the first other word)
_VALUED = ("--lang", "--data")
# options of the app that answer for the whole app when they come first (its help lists every command)
_WHOLE = ("-h", "--help", "--install-completion", "--show-completion")


def _version(value: bool) -> None:
    if value:
        print(f"thidua {__version__}")
        raise typer.Exit()


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


def _build(names: Iterable[str]) -> typer.Typer:
    """A typer app with the root options and the named commands (in ``COMMANDS`` order)."""
    application = build_app(name="thidua", no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False)
    application.callback()(root)
    for name in COMMANDS:
        if name not in names:
            continue
        module, attribute = COMMANDS[name]
        command = getattr(import_module(module), attribute)
        if isinstance(command, typer.Typer):
            application.add_typer(command)
        else:
            application.command(cls=ThiduaCommand)(command)
    return application


def command_word(argv: list[str]) -> str | None:
    """The command ``argv`` names (``validate`` in ``--lang en validate DIR``), if any before ``--``."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--" or arg in _WHOLE:
            return None
        if arg in _VALUED:
            i += 2
            continue
        if not arg.startswith("-"):
            return arg
        i += 1
    return None


def app_for(argv: list[str]) -> typer.Typer:
    """The app that runs ``thidua ARGV``: only the named command's when it names a known one
    (and no shell completion is asked), else the whole ``app``."""
    name = command_word(argv)
    if name in COMMANDS and "_THIDUA_COMPLETE" not in os.environ:  # completion lists every command
        return _build([name])
    return _whole()


def _whole() -> typer.Typer:
    built: typer.Typer | None = globals().get("_app")
    if built is None:
        built = globals()["_app"] = _build(COMMANDS)
    return built


def __getattr__(name: str) -> Any:
    if name == "app":  # built on first use: `from thidua.cli.app import app`
        return _whole()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    # `thidua --version` is what scripts call to check the install: answer before typer builds
    # every command and option.
    if sys.argv[1:] == ["--version"]:
        print(f"thidua {__version__}")
        return
    app_for(sys.argv[1:])()
