"""``thidua validate`` as a library call: paths in, a result with every diagnostic out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thidua.diagnostics import Diagnostic
from thidua.loader import display_path, find_data_root, load_repository


@dataclass
class ValidationResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def _within(diagnostic: Diagnostic, scopes: list[str]) -> bool:
    return any(diagnostic.file == s or diagnostic.file.startswith(s.rstrip("/") + "/") for s in scopes)


def validate_paths(paths: list[Path], strict: bool = False, only_files: set[str] | None = None) -> ValidationResult:
    """Validate the data directories holding ``paths``, reporting only what lies under them.

    Each data root is loaded whole, so cross-file checks see every file even when one file is
    asked about. ``only_files`` narrows the report further (``--changed-since``).
    """
    roots: dict[Path, list[str]] = {}
    result = ValidationResult()
    for path in paths:
        root = find_data_root(path)
        if root is None:
            result.diagnostics.append(Diagnostic(display_path(path), None, None, "TD023", "error", {"path": display_path(path)}))
            continue
        scope = display_path(path.absolute()) if path.absolute() != root else ""
        roots.setdefault(root, []).append(scope)
    for root, scopes in roots.items():
        repo = load_repository(root)
        found = repo.diagnostics
        if "" not in scopes:
            found = [d for d in found if _within(d, scopes)]
        if only_files is not None:
            found = [d for d in found if d.file in only_files]
        result.diagnostics.extend(found)
        result.files += repo.files
    if strict:
        result.diagnostics = [d.promoted() if d.severity == "warning" else d for d in result.diagnostics]
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result
