"""The typed exceptions of the library: what a service refuses, and why.

Every exception is a ``ThiduaError``: a message catalogue key with its parameters (translated only
when shown, so a library caller can also branch on the class or the key), the exit code the
command line gives it (``DataError`` 1, ``UsageError`` 2), and optionally notes: lines said before
the message (each unusable cluster-year, each error a write would make). The command line turns
any of them into those lines on stderr and that exit code, in one place (``cli/errors.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua.repository.writer import RefusedOverwrite

if TYPE_CHECKING:
    from thidua.domain.diagnostics import Diagnostic
    from thidua.services.usable import Unusable

__all__ = [
    "BadTemplate",
    "ChangedSinceError",
    "DataError",
    "NotADataRepository",
    "RefusedOverwrite",
    "ThiduaError",
    "UnknownCluster",
    "UnknownName",
    "UnknownUnit",
    "UnusableData",
    "UsageError",
    "WouldNotValidate",
    "WriteFailed",
]


class ThiduaError(Exception):
    """Base of every error thidua raises on purpose."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params
        self.earlier: list[tuple[str, dict[str, Any]]] = []  # (key, params) of lines said first

    def notes(self) -> list[str]:
        """Lines said before the message, each complete as shown on stderr."""
        from thidua.output.i18n import t

        return [f"thidua: {t(key, **params)}" for key, params in self.earlier]

    def message(self) -> str:
        from thidua.output.i18n import t

        return t(self.key, **self.params)

    def __str__(self) -> str:
        return "\n".join([*self.notes(), self.message()])


class DataError(ThiduaError):
    """The data (or a file around it) stops the command: exit 1."""

    exit_code = 1


class UsageError(ThiduaError):
    """The request itself is wrong (an option, a name, a path): exit 2."""

    exit_code = 2


class NotADataRepository(UsageError):
    """``path`` is not a directory to read data from: a file ("not a directory"), or nothing there
    (a hint at ``--data``, ``$THIDUA_DATA`` and ``thidua init``)."""

    def __init__(self, path: Path, data_directory: bool = False) -> None:
        missing = "cli.no_data" if data_directory else "cli.no_path"
        super().__init__("cli.not_a_directory" if path.exists() else missing, path=path)
        self.path = path


def did_you_mean(suggestion: str | None) -> str:
    """``; did you mean 'dbsh'?``, the one suggestion every unknown name gets (or "")."""
    from thidua.output.i18n import t

    return "; " + t("word.did_you_mean", options=f"'{suggestion}'") if suggestion else ""


class UnknownName(UsageError):
    """A name the repository does not have (a cluster, a member, a unit); ``suggestion`` is the
    closest one it has, when one is close."""

    def __init__(self, key: str, name: str, suggestion: str | None, /, **params: Any) -> None:
        super().__init__(key, **params)
        self.name, self.suggestion = name, suggestion

    def message(self) -> str:
        from thidua.output.i18n import t

        return t(self.key, **self.params) + did_you_mean(self.suggestion)


class UnknownCluster(UnknownName):
    """No cluster ``id`` in the repository; ``suggestion`` is the closest id, if one is close."""

    def __init__(self, cluster: str, suggestion: str | None) -> None:
        super().__init__("cluster.unknown", cluster, suggestion, cluster=cluster)
        self.cluster = cluster


class UnknownUnit(UnknownName):
    """No unit ``id`` in the registry nor in any cluster."""

    def __init__(self, unit: str, suggestion: str | None) -> None:
        super().__init__("unit.unknown", unit, suggestion, unit=unit)


class ChangedSinceError(UsageError):
    """``--changed-since`` cannot be answered: git missing, not a repository, unknown ref."""


class WriteFailed(DataError):
    """The operating system refused a write (``detail`` is its reason)."""

    def __init__(self, path: Path | str, detail: object, key: str = "write.failed") -> None:
        super().__init__(key, path=path, detail=detail)
        self.path = path


class UnusableData(DataError):
    """Cluster-years the command must read have errors: each is said, then why that stops it."""

    def __init__(self, unusable: list[Unusable], key: str, /, **params: Any) -> None:
        super().__init__(key, **params)
        self.unusable = unusable

    def notes(self) -> list[str]:
        from thidua.output.i18n import t
        from thidua.output.render.diagnostics import unusable_reason

        return [*super().notes()] + ["thidua: " + t("rotate.err.unusable", cluster=u.cluster, year=u.year, where=u.where, reason=unusable_reason(u), path=u.path) for u in self.unusable]


class WouldNotValidate(DataError):
    """A file is not written (or shown) because the repository would then have errors."""

    def __init__(self, problems: list[Diagnostic], key: str, /, **params: Any) -> None:
        super().__init__(key, **params)
        self.problems = problems

    def notes(self) -> list[str]:
        from thidua.output.i18n import say, t

        return [f"{located(d)}: {t('severity.error')} {d.code} {say(d.message)}" for d in self.problems]


class BadTemplate(WouldNotValidate):
    """A Word template of the award dossier cannot be rendered: each problem (TD8xx, with its
    hint), then that nothing was written."""

    def notes(self) -> list[str]:
        from thidua.output.i18n import say, t

        lines = []
        for d in self.problems:
            lines.append(f"{located(d)}: {t('severity.error')} {d.code} {say(d.message)}")
            lines.append(f"  {t(d.code + '.hint')}")
        return lines


def located(d: Diagnostic) -> str:
    """``file:line:column`` of a diagnostic, as far as it is known."""
    if d.line is None:
        return str(d.file)
    return f"{d.file}:{d.line}" + (f":{d.column}" if d.column is not None else "")
