"""Positioned diagnostics: what every check returns and every reporter prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from thidua.output.i18n import t

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. ``code`` is stable across versions and languages; text comes from it."""

    file: str
    line: int | None
    column: int | None
    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> str:
        return t(self.code, **self.params)

    @property
    def hint(self) -> str:
        hint = t(self.code + ".hint", **self.params)
        return "" if hint == self.code + ".hint" else hint

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }

    def promoted(self) -> Diagnostic:
        """The same finding as an error (``--strict``)."""
        return Diagnostic(self.file, self.line, self.column, self.code, "error", self.params)


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding from a rule, located by its path in the data (``("members", 3)``), not by line.

    Rules know the data, not the file; the loader turns an Issue into a positioned Diagnostic.
    ``key`` points at the mapping key rather than its value (for unknown or duplicate fields).
    """

    code: str
    path: tuple[Any, ...] = ()
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    key: bool = False
    severity: Severity | None = None  # None: the code's default


def default_severity(code: str) -> Severity:
    from thidua.output.messages import SEVERITY

    return SEVERITY.get(code, "error")  # type: ignore[return-value]
