"""Located findings: a rule's Message with where it was found.

An ``Issue`` is located by its path in the data (what a rule knows); a ``Diagnostic`` by file,
line and column (what the loader adds). Both carry the finding as data (``code`` and raw
``params``, i.e. a ``Message``): output/ turns it into words in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thidua.domain.message import Message
from thidua.domain.rules import SEVERITY_ORDER, Severity, default_severity

__all__ = ["SEVERITY_ORDER", "Diagnostic", "Issue", "Severity", "default_severity"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding in a file. ``code`` is stable across versions and languages; words come from it."""

    file: str
    line: int | None
    column: int | None
    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code)

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

    @property
    def message(self) -> Message:
        return Message(self.code, self.params)
