"""Files to models and positioned diagnostics.

``load_repository`` reads a data directory (``provinces.yaml`` and ``clusters/<id>/*.yaml``), runs
every check and returns a Repository: the models the commands compute over, and every diagnostic
found (never only the first). Nothing here prints.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from thidua import checks
from thidua.diagnostics import Diagnostic, Issue, default_severity
from thidua.i18n import t
from thidua.models import (
    ClusterFile,
    ClusterYear,
    ClusterYearFile,
    RegistryFile,
    Rules,
    effective_rules,
)
from thidua.registry import Registry, check_units
from thidua.yamlsafe import MAX_FILE_BYTES, Finding, Parsed, decode, locate, parse

DATA_ENV = "THIDUA_DATA"
REGISTRY_FILE = "provinces.yaml"
CLUSTERS_DIR = "clusters"
CLUSTER_FILE = "cluster.yaml"
YEAR_FILE = re.compile(r"^([0-9]{4})\.yaml$")


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or "data")


def display_path(path: Path) -> str:
    """Relative to the working directory when below it: what CI annotations expect."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Document:
    """One file as read: its parsed YAML (with node positions) and what was wrong with it."""

    path: Path
    display: str
    parsed: Parsed | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def data(self) -> Any:
        return self.parsed.data if self.parsed and not self.parsed.fatal else None

    def add(self, code: str, line: int | None = None, column: int | None = None, params: dict[str, Any] | None = None, severity: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.display, line, column, code, severity or default_severity(code), params or {}))  # type: ignore[arg-type]

    def add_issue(self, issue: Issue) -> None:
        line, column = locate(self.parsed.root if self.parsed else None, issue.path, issue.key)
        self.add(issue.code, line, column, issue.params, issue.severity)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.add(finding.code, finding.line, finding.column, finding.params)


def read_document(path: Path, root_real: Path) -> Document:
    """Read and parse one file, refusing what could escape the root, hang or exhaust memory."""
    doc = Document(path, display_path(path))
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root_real):
                doc.add("TD020", params={})
                return doc
        if not path.is_file():
            doc.add("TD021", params={"name": path.name})
            return doc
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            doc.add("TD001", params={"size": size, "limit": MAX_FILE_BYTES})
            return doc
        with path.open("rb") as handle:  # read at most the limit, even if the file grows meanwhile
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        doc.add("TD021", params={"name": f"{path.name} ({exc.strerror})"})
        return doc
    if len(raw) > MAX_FILE_BYTES:
        doc.add("TD001", params={"size": len(raw), "limit": MAX_FILE_BYTES})
        return doc
    text, findings = decode(raw)
    doc.add_findings(findings)
    if text is None:
        return doc
    doc.parsed = parse(text)
    doc.add_findings(doc.parsed.findings)
    return doc


# --------------------------------------------------------------------------- schema errors

_EXPECTED = {
    "string_type": "type.text",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.number",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "date_type": "type.date",
    "none_required": "type.null",
}
_RANGE = {
    "greater_than": "> {gt}",
    "greater_than_equal": "≥ {ge}",
    "less_than": "< {lt}",
    "less_than_equal": "≤ {le}",
    "too_short": "≥ {min_length}",
    "too_long": "≤ {max_length}",
    "string_too_short": "≥ {min_length}",
    "string_too_long": "≤ {max_length}",
}


def _known_fields() -> list[str]:
    from thidua import models

    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            names.update(value.model_fields)
    return sorted(names)


def _describe(value: Any) -> str:
    if value is None:
        return t("type.null")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return t("type.list")
    if isinstance(value, dict):
        return t("type.mapping")
    return type(value).__name__


def _type_hint(kind: str, value: Any, field_name: str) -> str:
    if kind == "type.number" and isinstance(value, str) and re.fullmatch(r"-?[0-9.]+,[0-9]+", value):
        return t("hint.decimal_point", value=value.replace(".", "").replace(",", "."))
    if kind == "type.text" and isinstance(value, int) and field_name == "code":
        return t("hint.quote_code", value=f"{value:02d}")
    return ""


def _pattern_what(pattern: str) -> str:
    if "0-9]{2}" in pattern:
        return t("word.code")
    if "http" in pattern:
        return t("word.url")
    if "a-z0-9]+(-" in pattern:
        return t("word.unit_id")
    return t("word.value")


def schema_issues(exc: ValidationError) -> list[Issue]:
    """Pydantic's errors as Issues with rule codes, placed on the offending key or value."""
    issues = []
    known = _known_fields()
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
        dotted = ".".join(str(p) for p in loc) or "/"
        last = str(loc[-1]) if loc else ""
        if kind == "missing":
            issues.append(Issue("TD101", loc[:-1], {"field": dotted, "name": last}))
        elif kind == "extra_forbidden":
            close = difflib.get_close_matches(last, known, n=1)
            suggestion = t("word.did_you_mean", options=f"'{close[0]}'") if close else ""
            issues.append(Issue("TD102", loc, {"field": dotted, "suggestion": suggestion}, key=True))
        elif kind in _EXPECTED:
            expected = _EXPECTED[kind]
            issues.append(Issue("TD103", loc, {"field": dotted, "expected": t(expected), "got": _describe(value), "suggestion": _type_hint(expected, value, last)}))
        elif kind == "string_pattern_mismatch":
            suggestion = ""
            if isinstance(value, str) and "a-z0-9]+(-" in ctx.get("pattern", ""):
                from thidua.registry import slugify

                suggestion = t("word.did_you_mean", options=f"'{slugify(value)}'") if slugify(value) else ""
            issues.append(Issue("TD104", loc, {"field": dotted, "value": value, "what": _pattern_what(ctx.get("pattern", "")), "suggestion": suggestion}))
        elif kind == "enum":
            issues.append(Issue("TD105", loc, {"field": dotted, "value": value, "choices": ctx.get("expected", "")}))
        elif kind in _RANGE:
            issues.append(Issue("TD106", loc, {"field": dotted, "value": _describe(value), "bound": _RANGE[kind].format(**ctx)}))
        elif kind == "value_error" and "date" in error["msg"]:
            issues.append(Issue("TD103", loc, {"field": dotted, "expected": t("type.date"), "got": _describe(value), "suggestion": ""}))
        elif kind == "value_error":
            issues.append(Issue("TD107", loc, {"field": dotted, "detail": error["msg"].removeprefix("Value error, ")}))
        else:
            issues.append(Issue("TD100", loc, {"field": dotted, "detail": error["msg"]}))
    return issues


def validate_model(doc: Document, model: type[BaseModel]) -> Any:
    data = doc.data
    if data is None:
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for issue in schema_issues(exc):
            doc.add_issue(issue)
        return None


# --------------------------------------------------------------------------- repository


@dataclass
class ClusterData:
    id: str
    directory: Path
    file: ClusterFile | None = None
    years: dict[int, ClusterYear] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)  # by display path


@dataclass
class Repository:
    root: Path
    registry: Registry
    clusters: dict[str, ClusterData] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    def cluster_years(self, year: int, only: Iterable[str] | None = None) -> list[ClusterYear]:
        wanted = set(only) if only else None
        return [
            data.years[year]
            for cid, data in sorted(self.clusters.items())
            if year in data.years and (wanted is None or cid in wanted)
        ]

    def history(self, cluster_id: str) -> list[ClusterYear]:
        data = self.clusters.get(cluster_id)
        return [data.years[y] for y in sorted(data.years)] if data else []

    def errors_in(self, *paths: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error" and d.file in paths]

    def is_clean(self, cluster_year: ClusterYear) -> bool:
        data = self.clusters[cluster_year.id]
        cluster_doc = display_path(data.directory / CLUSTER_FILE)
        return not self.errors_in(cluster_year.path, cluster_doc)


def find_data_root(path: Path) -> Path | None:
    """The data directory at or above ``path``: the one holding provinces.yaml or clusters/."""
    path = path.absolute()
    for candidate in [path, *path.parents] if path.is_dir() else list(path.parents):
        if (candidate / REGISTRY_FILE).exists() or (candidate / CLUSTERS_DIR).is_dir():
            return candidate
    return None


def load_registry(root: Path, root_real: Path) -> tuple[Registry, list[Diagnostic], int]:
    path = root / REGISTRY_FILE
    if not path.exists() and not path.is_symlink():
        diag = Diagnostic(display_path(path), None, None, "TD023", "error", {"path": display_path(root)})
        return Registry([]), [diag], 0
    doc = read_document(path, root_real)
    registry_file = validate_model(doc, RegistryFile)
    if registry_file is None:
        return Registry([]), doc.diagnostics, 1
    for issue in check_units(registry_file.units):
        doc.add_issue(issue)
    return Registry(registry_file.units), doc.diagnostics, 1


def load_cluster(directory: Path, registry: Registry, root_real: Path) -> ClusterData:
    """One cluster directory: its cluster.yaml, every year file, and the checks within it."""
    data = ClusterData(directory.name, directory)
    year_docs: dict[int, Document] = {}
    cluster_doc: Document | None = None
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith("."):
            continue
        match = YEAR_FILE.match(entry.name)
        if entry.name == CLUSTER_FILE:
            cluster_doc = read_document(entry, root_real)
        elif match:
            year_docs[int(match.group(1))] = read_document(entry, root_real)
        elif entry.suffix in (".yaml", ".yml"):
            doc = Document(entry, display_path(entry))
            doc.add("TD022", params={"name": entry.name})
            data.documents[doc.display] = doc
    if cluster_doc is None:
        doc = Document(directory / CLUSTER_FILE, display_path(directory / CLUSTER_FILE))
        doc.add("TD301", params={"cluster": directory.name})
        data.documents[doc.display] = doc
    else:
        data.documents[cluster_doc.display] = cluster_doc
        data.file = validate_model(cluster_doc, ClusterFile)
        if data.file is not None:
            for issue in checks.check_cluster_file(data.file, directory.name, registry):
                cluster_doc.add_issue(issue)
    units = registry.overlay(data.file.units) if data.file else registry
    rules = data.file.rules if data.file else Rules()
    for year, doc in sorted(year_docs.items()):
        data.documents[doc.display] = doc
        year_file = validate_model(doc, ClusterYearFile)
        if year_file is None:
            continue
        if data.file is None:
            continue  # TD301 already says why; without the cluster file there are no rules
        cluster_year = ClusterYear(data.file, year_file, effective_rules(rules, year_file.rules), units, doc.display)
        for issue in checks.check_cluster_year(cluster_year, directory.name, year):
            doc.add_issue(issue)
        data.years[year] = cluster_year
    for previous, current in zip(list(data.years.values()), list(data.years.values())[1:]):
        if current.number == previous.number + 1:
            for issue in checks.check_succession(previous, current, data.years):
                year_docs[current.number].add_issue(issue)
    return data


def load_repository(root: Path, only: Iterable[str] | None = None) -> Repository:
    """Read a whole data directory (or only some clusters, for commands that need fewer)."""
    root_real = root.resolve()
    registry, diagnostics, files = load_registry(root, root_real)
    repo = Repository(root, registry, diagnostics=list(diagnostics), files=files)
    clusters_dir = root / CLUSTERS_DIR
    wanted = set(only) if only else None
    if clusters_dir.is_dir():
        for entry in sorted(clusters_dir.iterdir()):
            if entry.name.startswith(".") or (wanted is not None and entry.name not in wanted):
                continue
            if entry.is_symlink() and not entry.resolve().is_relative_to(root_real):
                repo.diagnostics.append(Diagnostic(display_path(entry), None, None, "TD020", "error", {}))
                continue
            if not entry.is_dir():
                if entry.suffix in (".yaml", ".yml"):
                    repo.diagnostics.append(Diagnostic(display_path(entry), None, None, "TD022", "error", {"name": entry.name}))
                continue
            repo.clusters[entry.name] = load_cluster(entry, registry, root_real)
    for data in repo.clusters.values():
        for doc in data.documents.values():
            repo.diagnostics.extend(doc.diagnostics)
        repo.files += sum(1 for doc in data.documents.values() if doc.parsed is not None or doc.path.exists())
    all_years = [cy for data in repo.clusters.values() for cy in data.years.values()]
    documents = {d: doc for data in repo.clusters.values() for d, doc in data.documents.items()}
    for cluster_year, issue in checks.check_across_clusters(all_years):
        documents[cluster_year.path].add_issue(issue)
        repo.diagnostics.append(documents[cluster_year.path].diagnostics[-1])
    repo.diagnostics.sort(key=Diagnostic.sort_key)
    return repo
