"""The one place where a typed error becomes lines on stderr and an exit code.

Every command is wrapped in ``@reports_errors``: a ``ThiduaError`` from a service prints its notes
and its message (``thidua: …``) and exits with its code (``DataError`` 1, ``UsageError`` 2); a
write refused by the writer (``RefusedOverwrite``) exits 1.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run ``command``; turn the library's typed errors into their message and exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from thidua.services.errors import RefusedOverwrite, ThiduaError

        try:
            return command(*args, **kwargs)
        except ThiduaError as exc:
            for line in exc.notes():
                print(line, file=sys.stderr)
            print(f"thidua: {exc.message()}", file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
        except RefusedOverwrite as exc:
            from thidua.output.i18n import t

            print(f"thidua: {t('write.exists', path=exc)}", file=sys.stderr)
            raise typer.Exit(1) from None

    return run
