"""Files to models and positioned diagnostics.

``load_repository`` reads a data directory (``provinces.yaml`` and ``clusters/<id>/*.yaml``), runs
every check and returns a Repository: the models the commands compute over, and every diagnostic
found (never only the first). Nothing here prints.

Large repositories are loaded by a pool of worker processes, one cluster directory per task (see
``load_repository``); each worker drops the parsed node trees once the cluster's diagnostics are
computed, so results pickle cheaply and memory stays flat as the repository grows.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thidua.domain.diagnostics import Diagnostic, Issue, default_severity
from thidua.domain.layout import CLUSTER_FILE, CLUSTERS_DIR, REGISTRY_FILE, YAML_SUFFIXES, YEAR_FILE
from thidua.domain.message import Message
from thidua.domain.record import ClusterData, Membership, Repository
from thidua.domain.textsafe import text_issues

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from thidua.domain.models import ClusterYear, ClusterYearFile
    from thidua.domain.registry import Registry
    from thidua.repository.cache import Cache
    from thidua.repository.yamlsafe import Finding, Locator, Parsed

# Parsing (yaml), the models (pydantic) and the checks are imported where they are used, not here:
# a run that the cache answers whole (nothing changed) never needs them, and start-up is most of
# its time. ``_yaml()`` is thidua.repository.yamlsafe, imported on first use.
MAX_FILE_BYTES = 1024 * 1024  # == yamlsafe.MAX_FILE_BYTES (tests/unit/test_cache_store.py checks it)


def _yaml() -> Any:
    from thidua.repository import yamlsafe

    return yamlsafe


DATA_ENV = "THIDUA_DATA"
JOBS_ENV = "THIDUA_JOBS"  # worker processes: 1 = serial; unset = all CPUs for large repositories
START_METHOD_ENV = "THIDUA_START_METHOD"  # how workers start: fork where there is one, else spawn
PARALLEL_MIN_FILES = 200  # below this, starting workers costs more than it saves
MAX_SUGGESTIONS = 50  # "did you mean" hints for unknown fields, per file


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or "data")


def display_path(path: Path) -> str:
    """Relative to the working directory when below it: what CI annotations expect."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _child_display(parent: str, name: str) -> str:
    """display_path(directory / name) from display_path(directory), without a getcwd per file."""
    return name if parent == "." else f"{parent}/{name}"


@dataclass
class Document:
    """One file as read: its parsed YAML (with node positions) and what was wrong with it.

    Once a cluster's diagnostics are computed the loader calls ``release``: the node tree and the
    plain data go (they are most of the memory, and do not pickle cheaply), and positions that
    later checks may still need (``("members", i)`` for the cross-cluster check) are kept.
    """

    path: Path
    display: str
    parsed: Parsed | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: dict[tuple[Any, ...], tuple[int | None, int | None]] = field(default_factory=dict)
    _locator: Locator | None = field(default=None, repr=False, compare=False)
    counted: bool | None = None  # among the files read (None: found out from the file when asked)
    # ``positions`` after release, as one JSON string (``pack_positions``): ~10× smaller than the
    # dict, which was most of what a load keeps per file (validate's memory, a warm cache's);
    # unpacked only when a later finding needs a position (``where``), which is rare.
    _packed: str | None = field(default=None, repr=False, compare=False)

    @property
    def data(self) -> Any:
        return self.parsed.data if self.parsed and not self.parsed.fatal else None

    def add(self, code: str, line: int | None = None, column: int | None = None, params: dict[str, Any] | None = None, severity: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.display, line, column, code, severity or default_severity(code), params or {}))  # type: ignore[arg-type]

    def where(self, path: tuple[Any, ...], key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of ``path``: from the node tree, or after release from what was kept."""
        root = self.parsed.root if self.parsed else None
        if root is not None:
            if self._locator is None or self._locator.root is not root:
                self._locator = _yaml().Locator(root)
            return self._locator.locate(path, key)
        positions = self.kept_positions()
        for end in range(len(path), -1, -1):  # the nearest kept ancestor, as locate would fall back
            found = positions.get(path[:end])
            if found is not None:
                return found
        return None, None

    def add_issue(self, issue: Issue) -> None:
        line, column = self.where(issue.path, issue.key)
        self.add(issue.code, line, column, issue.params, issue.severity)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.add(finding.code, finding.line, finding.column, finding.params)

    def keep_positions(self, path: tuple[Any, ...]) -> None:
        """Remember where ``path`` and each of its items are, for issues added after release."""
        root = self.parsed.root if self.parsed else None
        if root is None:
            return
        self.positions[path] = self.where(path)
        for index, position in enumerate(_yaml().child_positions(root, path)):
            self.positions[(*path, index)] = position
        self.positions.setdefault((), self.where(()))

    def was_counted(self) -> bool:
        """A file that was read (or exists): what ``Repository.files`` counts."""
        if self.counted is None:
            self.counted = self.parsed is not None or self.path.exists()
        return self.counted

    def kept_positions(self) -> dict[tuple[Any, ...], tuple[int | None, int | None]]:
        """What ``keep_positions`` kept (unpacked on first use after release)."""
        if self._packed is not None:
            self.positions = {**unpack_positions(self._packed), **self.positions}
            self._packed = None
        return self.positions

    def packed_positions(self) -> str:
        """The kept positions as ``pack_positions`` writes them (what the cache stores)."""
        return self._packed if self._packed is not None else pack_positions(self.positions)

    def release(self) -> None:
        self._locator = None
        if self.parsed is not None:
            self.parsed = _yaml().Parsed(fatal=self.parsed.fatal)
        if self.positions and self._packed is None:
            self._packed, self.positions = pack_positions(self.positions), {}


def pack_positions(positions: Mapping[tuple[Any, ...], tuple[int | None, int | None]]) -> str:
    """Kept positions as one JSON string: ``[[path, line, column], …]`` (paths hold str and int)."""
    import json

    return json.dumps([[list(path), line, column] for path, (line, column) in positions.items()], ensure_ascii=False, separators=(",", ":"))


def unpack_positions(text: str) -> dict[tuple[Any, ...], tuple[int | None, int | None]]:
    import json

    return {tuple(path): (line, column) for path, line, column in json.loads(text)}


def _escapes(path: Path, root_real: Path) -> bool:
    """A symbolic link (anywhere up to ``path``) that resolves outside the data root."""
    try:
        return not path.resolve().is_relative_to(root_real)
    except (OSError, RuntimeError):  # a loop: not outside, and not a file either (TD021 follows)
        return False


Overrides = Mapping[Path, str]  # path (made absolute) → text to read instead of the file (may not exist yet)


def _override(overrides: Overrides | None, path: Path) -> str | None:
    return overrides.get(Path(os.path.abspath(path))) if overrides else None


def read_document(path: Path, root_real: Path, display: str | None = None, text: str | None = None) -> Document:
    """Read and parse one file, refusing what could escape the root, hang or exhaust memory.

    ``text``: parse this instead of reading the file, as if it held it (a file about to be written).
    """
    doc = Document(path, display if display is not None else display_path(path))
    shorten, size_finding = _yaml().shorten, _yaml().size_finding
    if text is not None:
        return _parse_raw(doc, text.encode("utf-8"))
    try:
        if path.is_symlink() and _escapes(path, root_real):
            doc.add("TD020", params={})
            return doc
        if not path.is_file():  # a directory, a FIFO (reading it would block), a broken link
            doc.add("TD021", params={"name": shorten(path.name)})
            return doc
        too_big = size_finding(path.stat().st_size)
        if too_big is not None:
            doc.add_findings([too_big])
            return doc
        with path.open("rb") as handle:  # read at most the limit, even if the file grows meanwhile
            raw = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        doc.add("TD021", params={"name": f"{shorten(path.name)} ({getattr(exc, 'strerror', None) or exc})"})
        return doc
    return _parse_raw(doc, raw)


def _parse_raw(doc: Document, raw: bytes) -> Document:
    size_finding, decode, parse = _yaml().size_finding, _yaml().decode, _yaml().parse
    too_big = size_finding(len(raw))  # the file grew between stat and read, or the text given is too big
    if too_big is not None:
        doc.add_findings([too_big])
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


@functools.cache
def _known_fields() -> list[str]:
    from pydantic import BaseModel

    from thidua.domain import models

    names: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            names.update(value.model_fields)
    return sorted(names)


def _describe(value: Any) -> Message | str:
    if value is None:
        return Message("type.null")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return Message("type.list")
    if isinstance(value, dict):
        return Message("type.mapping")
    return type(value).__name__


def _shown(value: Any) -> Message | str:
    """A value for a message that quotes it ('{value}'): text as written, anything else by its kind."""
    return _yaml().shorten(value) if isinstance(value, str) else _describe(value)


def _type_hint(kind: str, value: Any, field_name: str) -> Message | str:
    if kind == "type.number" and isinstance(value, str) and re.fullmatch(r"-?[0-9.]+,[0-9]+", value):
        return Message("hint.decimal_point", {"value": value.replace(".", "").replace(",", ".")})
    if kind == "type.text" and isinstance(value, int) and field_name == "code":
        return Message("hint.quote_code", {"value": f"{value:02d}"})
    return ""


def _pattern_what(pattern: str) -> Message:
    if "0-9]{2}" in pattern:
        return Message("word.code")
    if "http" in pattern:
        return Message("word.url")
    if "a-z0-9]+(-" in pattern:
        return Message("word.unit_id")
    return Message("word.value")


def schema_issues(exc: ValidationError) -> list[Issue]:
    """Pydantic's errors as Issues with rule codes, placed on the offending key or value."""
    from thidua.domain.models import UNION_TAGS

    shorten = _yaml().shorten
    issues = []
    known = _known_fields()
    suggested = 0
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if p not in UNION_TAGS)  # a score's form is not a key
        kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
        dotted = shorten(".".join(str(p) for p in loc) or "/")  # keys can be hostile megabytes too
        last = shorten(loc[-1]) if loc else ""
        if kind == "missing":
            issues.append(Issue("TD101", loc[:-1], {"field": dotted, "name": last}))
        elif kind == "extra_forbidden":
            suggested += 1  # difflib is ~0.5 ms a key: a file of 20,000 unknown keys gets 50 hints
            close = difflib.get_close_matches(last, known, n=1) if suggested <= MAX_SUGGESTIONS else []
            suggestion: Message | str = Message("word.did_you_mean", {"options": f"'{close[0]}'"}) if close else ""
            issues.append(Issue("TD102", loc, {"field": dotted, "suggestion": suggestion}, key=True))
        elif kind in _EXPECTED:
            expected = _EXPECTED[kind]
            issues.append(Issue("TD103", loc, {"field": dotted, "expected": Message(expected), "got": _describe(value), "suggestion": _type_hint(expected, value, last)}))
        elif kind == "string_pattern_mismatch":
            suggestion = ""
            if isinstance(value, str) and len(value) <= 200 and "a-z0-9]+(-" in ctx.get("pattern", ""):
                from thidua.domain.registry import slugify

                suggestion = Message("word.did_you_mean", {"options": f"'{slugify(value)}'"}) if slugify(value) else ""
            issues.append(Issue("TD104", loc, {"field": dotted, "value": _shown(value), "what": _pattern_what(ctx.get("pattern", "")), "suggestion": suggestion}))
        elif kind == "enum":
            issues.append(Issue("TD105", loc, {"field": dotted, "value": _shown(value), "choices": ctx.get("expected", "")}))
        elif kind in _RANGE:
            issues.append(Issue("TD106", loc, {"field": dotted, "value": _describe(value), "bound": _RANGE[kind].format(**ctx)}))
        elif kind == "value_error" and "date" in error["msg"]:
            issues.append(Issue("TD103", loc, {"field": dotted, "expected": Message("type.date"), "got": _describe(value), "suggestion": ""}))
        elif kind == "value_error":
            issues.append(Issue("TD107", loc, {"field": dotted, "detail": shorten(error["msg"].removeprefix("Value error, "))}))
        else:
            issues.append(Issue("TD100", loc, {"field": dotted, "detail": shorten(error["msg"])}))
    return issues


def validate_model(doc: Document, model: type[BaseModel], skip: Iterable[tuple[Any, ...]] = ()) -> Any:
    return _validated(doc, model, tuple(skip))[0]


def _validated(doc: Document, model: type[BaseModel], skip: tuple[tuple[Any, ...], ...] = ()) -> tuple[Any, ValidationError | None]:
    """The model, or None and the error after reporting it (less what ``skip`` paths explain)."""
    from pydantic import ValidationError

    data = doc.data
    if data is None:
        return None, None
    # TD024 on every string of every file type, whatever the schema says (unless the text rules it out)
    unsafe = [] if doc.parsed is not None and doc.parsed.surely_clean else text_issues(data)
    try:
        return model.model_validate(data), None
    except ValidationError as refused:
        exc = _errors_by_form(model, data, refused)
        # A YAML trap (`yes`, `08`, `12:30`) left its text in place, which the schema then refuses
        # too: one problem, reported once, by the finding that explains it.
        trapped = {(d.line, d.column) for d in doc.diagnostics if d.code < "TD100"}
        for issue in schema_issues(exc):
            if any(issue.path[: len(p)] == p for p in skip):
                continue
            if doc.where(issue.path, issue.key) not in trapped:
                doc.add_issue(issue)
        return None, exc
    finally:  # after the schema's findings, so that a TD104 on the same value is not taken for a trap
        for issue in unsafe:
            doc.add_issue(issue)


def _errors_by_form(model: type[BaseModel], data: Any, refused: ValidationError) -> ValidationError:
    """The errors to report for ``data`` that ``model`` refused: from the model that words them
    (``models.ERRORS_FROM``: a year file's scores checked in the form written), else ``refused``."""
    from pydantic import ValidationError

    from thidua.domain.models import ERRORS_FROM

    wording = ERRORS_FROM.get(model)
    if wording is None:
        return refused
    try:
        wording.model_validate(data)
    except ValidationError as exc:
        return exc
    return refused  # not reached: both accept the same files (tests/unit/test_scores_by_form.py)


def validate_year(doc: Document) -> tuple[ClusterYearFile | None, frozenset[str]]:
    """A year file's model, salvaged when the schema refuses part of it, and what was set aside.

    A decimal comma in a flow mapping (``{grdp: 28,5}``) is reported once, at the comma (TD108),
    instead of as a stray key ``5``. See ``thidua.domain.salvage``.
    """
    from thidua.domain import salvage
    from thidua.domain.models import ClusterYearFile

    commas = salvage.decimal_commas(doc.parsed.root) if doc.data is not None and doc.parsed else []
    for path, line, column, meant in commas:
        doc.add("TD108", line, column, {"member": _yaml().shorten(path[1]), "value": meant})
    year_file, exc = _validated(doc, ClusterYearFile, tuple(path for path, *_ in commas))
    if exc is None:
        return year_file, frozenset()
    return salvage.salvage(doc.data, exc)


# --------------------------------------------------------------------------- repository


def find_data_root(path: Path) -> Path | None:
    """The data directory at or above ``path``: the one holding provinces.yaml or clusters/."""
    path = path.absolute()
    for candidate in [path, *path.parents] if path.is_dir() else list(path.parents):
        if (candidate / REGISTRY_FILE).exists() or (candidate / CLUSTERS_DIR).is_dir():
            return candidate
    return None


def load_registry(root: Path, root_real: Path) -> tuple[Registry, list[Diagnostic], int]:
    from thidua.domain.models import RegistryFile
    from thidua.domain.registry import Registry, check_units
    from thidua.repository.units import NationalRegistry

    path = root / REGISTRY_FILE
    if not path.exists() and not path.is_symlink():
        diag = Diagnostic(display_path(path), None, None, "TD023", "error", {"path": display_path(root)})
        return Registry([], national=NationalRegistry()), [diag], 0
    doc = read_document(path, root_real)
    registry_file = validate_model(doc, RegistryFile)
    if registry_file is None:
        return Registry([], national=NationalRegistry()), doc.diagnostics, 1
    for issue in check_units(registry_file.units):
        doc.add_issue(issue)
    return Registry(registry_file.units, national=NationalRegistry()), doc.diagnostics, 1


def _missing_cluster_file(data: ClusterData, base: str, year_docs: dict[int, Document]) -> None:
    """TD301 on each year file (at its ``cluster:`` key, else 1:1): the files a change touches.

    Only a directory with no year file either gets it on the missing cluster.yaml, without a line.
    """
    params = {"cluster": data.id}
    for doc in year_docs.values():
        has_key = isinstance(doc.data, dict) and "cluster" in doc.data
        line, column = doc.where(("cluster",), key=True) if has_key else (1, 1)
        doc.add("TD301", line, column, params)
    if not year_docs:
        doc = Document(data.directory / CLUSTER_FILE, _child_display(base, CLUSTER_FILE))
        doc.add("TD301", params=params)
        data.documents[doc.display] = doc


def _check_succession(checked: dict[int, tuple[ClusterYear, frozenset[str]]], year: int, doc: Document) -> None:
    """``year``'s leadership against the checked year before it, reported on ``doc`` (the year's
    file, before its node tree is released): over salvaged years too, unless the election or
    rules it reads were set aside (``thidua.domain.salvage``). Reads only years up to ``year``."""
    from thidua.domain import checks

    earlier = [y for y in checked if y < year]
    if not earlier:
        return
    (previous, before), (current, _) = checked[earlier[-1]], checked[year]
    if current.number != previous.number + 1 or before & {"election", "rules"}:
        return
    years = {y: cy for y, (cy, _) in checked.items() if y < year}
    for issue in checks.check_succession(previous, current, years):
        doc.add_issue(issue)


def load_cluster(directory: Path, registry: Registry, root_real: Path, display: str | None = None, models: bool = True, overrides: Overrides | None = None, years: set[int] | None = None, *, later_issues: bool = True) -> ClusterData:
    """One cluster directory: its cluster.yaml, every year file, and the checks within it.

    ``models=False`` drops the ClusterYears once checked, keeping only their Memberships.
    ``overrides`` replace or add files of the directory in memory (see ``load_repository``).
    ``years``: read only these year files (for their models; the diagnostics are then partial).
    ``later_issues=False``: no issue will be added once the files are released (a site's first
    pass), so the members' positions are not kept for one (a sixth of the load's time).
    """
    from thidua.domain import checks, salvage
    from thidua.domain.models import ClusterFile, ClusterYear, Rules, effective_rules

    shorten = _yaml().shorten
    base = display if display is not None else display_path(directory)
    data = ClusterData(directory.name, directory, display=base)
    year_docs: dict[int, Document] = {}
    cluster_doc: Document | None = None
    entries = set(directory.iterdir())
    if overrides:
        here = Path(os.path.abspath(directory))
        entries |= {directory / path.name for path in overrides if path.parent == here}
    for entry in sorted(entries):
        if entry.name.startswith("."):
            continue
        match = YEAR_FILE.match(entry.name)
        shown = _child_display(base, entry.name)
        if entry.name == CLUSTER_FILE:
            cluster_doc = read_document(entry, root_real, shown, _override(overrides, entry))
        elif match:
            if years is not None and int(match.group(1)) not in years:
                continue
            year_docs[int(match.group(1))] = read_document(entry, root_real, shown, _override(overrides, entry))
        elif entry.suffix in YAML_SUFFIXES:
            doc = Document(entry, shown)
            doc.add("TD022", params={"name": shorten(entry.name)})
            data.documents[doc.display] = doc
    if cluster_doc is None:
        _missing_cluster_file(data, base, year_docs)
    else:
        data.documents[cluster_doc.display] = cluster_doc
        data.file = validate_model(cluster_doc, ClusterFile)
        if data.file is not None:
            for issue in checks.check_cluster_file(data.file, directory.name, registry):
                cluster_doc.add_issue(issue)
    units = registry.overlay(data.file.units) if data.file else registry
    rules = data.file.rules if data.file else Rules()
    checked: dict[int, tuple[ClusterYear, frozenset[str]]] = {}  # with the sections set aside
    for year, doc in sorted(year_docs.items()):
        data.documents[doc.display] = doc
        year_file, broken = validate_year(doc)
        if year_file is None:
            continue
        if data.file is None:
            continue  # TD301 already says why; without the cluster file there are no rules
        cluster_year = ClusterYear(data.file, year_file, effective_rules(rules, year_file.rules), units, doc.display)
        for issue in salvage.keep(checks.check_cluster_year(cluster_year, directory.name, year), broken):
            doc.add_issue(issue)
        if year_file.year != year:  # TD302 said so; what is computed over it follows the file name
            cluster_year.year = year_file.model_copy(update={"year": year})
        checked[year] = (cluster_year, broken)
        _check_succession(checked, year, doc)
        if not broken:  # a file the schema refused is checked as far as it parsed, not computed over
            data.years[year] = cluster_year
            if later_issues:
                doc.keep_positions(("members",))  # what check_across_clusters may point at later
        # Its node tree is no longer needed: releasing it now keeps one file's tree in memory at a
        # time instead of the whole cluster's (fewer pages touched: ~10 % of the load's time).
        doc.release()
    for doc in data.documents.values():
        doc.release()
    data.memberships = [Membership.of(cy) for cy in data.years.values()]
    if not models:
        data.years = {}
    return data


# --------------------------------------------------------------------------- parallel loading

_worker: dict[str, Any] = {}  # per worker process: the registry and root, set once at start


def _start_worker(registry: Registry, root_real: Path, models: bool) -> None:
    gc.disable()  # a worker lives for one load; see paused_gc
    _worker.update(registry=registry, root=root_real, models=models)


def _load_in_worker(job: tuple[Path, str]) -> ClusterData:
    data = load_cluster(job[0], _worker["registry"], _worker["root"], job[1], _worker["models"])
    for cluster_year in data.years.values():  # the registry travels once, not with every year
        cluster_year.units = None
    return data


def _reattach(data: ClusterData, registry: Registry) -> ClusterData:
    units = registry.overlay(data.file.units) if data.file else registry
    for cluster_year in data.years.values():
        cluster_year.units = units
    return data


def jobs_for(files: int, models: bool = False) -> int:
    """How many processes to load ``files`` files with: $THIDUA_JOBS, else every CPU when large.

    Only when the models are not kept: unpickling 30 KB of models per file in the parent costs
    more than the workers save (measured: 44 s against 36 s serial on 20,000 files).
    """
    forced = os.environ.get(JOBS_ENV, "").strip()
    if forced.isdigit() and int(forced) >= 1:
        return int(forced)
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return cpus if files > PARALLEL_MIN_FILES and not models else 1


def _prepare_for_fork() -> None:
    """Import what every worker runs, once, before forking: each worker would otherwise import
    the checks itself (their dataclasses compile source: ~40 ms per worker, measured with
    callgrind as the workers' extra cost against 932bdc5)."""
    from thidua.domain import checks, salvage  # noqa: F401


def _load_clusters(jobs_list: list[tuple[Path, str]], registry: Registry, root_real: Path, workers: int, models: bool) -> Iterator[ClusterData]:
    if workers > 1 and len(jobs_list) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # fork: workers inherit the imported modules instead of importing them again. Workers
        # return diagnostics as data (codes and raw params), so spawned ones (Windows' only
        # method; $THIDUA_START_METHOD=spawn here) give the same output in any language.
        methods = multiprocessing.get_all_start_methods()
        wanted = os.environ.get(START_METHOD_ENV, "").strip()
        context = multiprocessing.get_context(wanted if wanted in methods else "fork" if "fork" in methods else None)
        if context.get_start_method() == "fork":
            _prepare_for_fork()
        workers = min(workers, len(jobs_list))
        chunk = max(1, len(jobs_list) // (workers * 8))
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(registry, root_real, models)) as pool:
                results = list(pool.map(_load_in_worker, jobs_list, chunksize=chunk))
            yield from (_reattach(data, registry) for data in results)
            return
        except (OSError, BrokenProcessPool):
            pass  # no processes here (a sandbox, a killed worker): the serial path gives the same result
    for directory, shown in jobs_list:
        yield load_cluster(directory, registry, root_real, shown, models)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading (and, with it, while ``thidua site`` builds).

    Loading allocates millions of small objects that all stay alive, and each automatic collection
    re-scans them: on 2,000 files that was 75% of the time (13.4 s against 3.3 s). Nothing the
    loader makes forms reference cycles, so reference counting frees all its garbage anyway.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_repository(
    root: Path,
    only: Iterable[str] | None = None,
    *,
    models: bool = True,
    overrides: Overrides | None = None,
    cache: Cache | None = None,
    keep: Iterable[str] | None = None,
    keep_years: Iterable[int] | None = None,
) -> Repository:
    """Read a whole data directory (or only some clusters, for commands that need fewer).

    ``models=False`` is for ``validate``: the same diagnostics and file count, but no ClusterYears
    are kept (``clusters[id].years`` stays empty), so memory does not grow with the repository,
    and large repositories are loaded by worker processes (``THIDUA_JOBS``).

    ``keep`` and ``keep_years`` narrow which models are kept (with ``models=True``): only the
    clusters in ``keep``, only the years in ``keep_years``; every other cluster is still read for
    its diagnostics and memberships (``years`` empty), so cross-file checks and ``is_clean`` give
    the same answers as a whole load. With a ``cache`` (``thidua.repository.cache``) those come
    from the entries of unchanged clusters, and only the files whose models are kept are parsed.

    ``overrides`` (path → text) are read as if the files held that text, new year files
    included: how ``rotate --write`` validates a file, with every cross-file check, before writing it.
    """
    if overrides:
        overrides = {Path(os.path.abspath(path)): text for path, text in overrides.items()}
    wanted = _Wanted(models, set(keep) if keep is not None else None, set(keep_years) if keep_years is not None else None)
    with paused_gc():
        repo = _load_repository(root, only, wanted, overrides, cache)
    if cache is not None:
        cache.finish()
    return repo


@dataclass(frozen=True)
class _Wanted:
    """Which models a load keeps: none (``models=False``), or those of ``clusters`` × ``years``."""

    models: bool
    clusters: set[str] | None = None  # None: every cluster
    years: set[int] | None = None  # None: every year

    def cluster(self, cid: str) -> bool:
        return self.models and (self.clusters is None or cid in self.clusters)


class _Registry:
    """The registry, loaded only when a cluster has to be checked (the cache answers the rest)."""

    def __init__(self, root: Path, root_real: Path, cache: Cache | None) -> None:
        self.root, self.root_real, self.cache = root, root_real, cache
        self._loaded: Registry | None = None
        self.key: bytes | None = None  # what cluster entries are addressed by; None: not cacheable
        self.diagnostics: list[Diagnostic] = []
        self.files = 0

    def read(self) -> None:
        """The registry's diagnostics, from the cache when its bytes are known, else by loading it."""
        from thidua.repository import cache as store

        path = self.root / REGISTRY_FILE
        raw = _plain_bytes(path) if self.cache is not None else None
        if self.cache is None or raw is None:
            self.get()
            return
        key = self.cache.key(b"registry", raw)
        self.key = key.encode()
        shown = display_path(path)
        entry = self.cache.get(key)
        if entry is not None:
            try:
                self.diagnostics = [store.decode_diagnostic(item, shown) for item in entry["diagnostics"]]
                self.files = entry["files"]
                return
            except (KeyError, TypeError, ValueError):
                pass
        self.get()
        try:
            value = {"diagnostics": [store.encode_diagnostic(d, REGISTRY_FILE) for d in self.diagnostics], "files": self.files}
        except store.Unstorable:
            return
        self.cache.put(key, value)

    def get(self) -> Registry:
        if self._loaded is None:
            self._loaded, diagnostics, self.files = load_registry(self.root, self.root_real)
            self.diagnostics = list(diagnostics)
        return self._loaded


def plain_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file that the loader reads as is; None for anything else (a link, a
    directory, a file too big, an unreadable one), which the cache leaves to the loader."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    return raw if len(raw) <= MAX_FILE_BYTES else None


_plain_bytes = plain_bytes


def _cluster_key(cache: Cache, registry_key: bytes, directory: Path) -> str | None:
    """The address of a cluster directory's result: its name, each file's name and bytes, and the
    registry's. None when one of its entries is not a plain file (left to the loader each time)."""
    from thidua.repository.cache import file_digest

    parts: list[tuple[str, bytes]] = []
    try:
        names = sorted(entry.name for entry in os.scandir(directory))
    except OSError:
        return None
    for name in names:
        if name.startswith("."):
            continue
        if name != CLUSTER_FILE and not YEAR_FILE.match(name) and Path(name).suffix not in YAML_SUFFIXES:
            continue  # the loader ignores it
        raw = _plain_bytes(directory / name)
        if raw is None:
            return None
        parts.append((name, raw))
    return cache.key(b"cluster", registry_key, directory.name.encode("utf-8", "surrogateescape"), file_digest(parts))


def _summary(data: ClusterData) -> dict[str, Any]:
    """What the cache keeps of a loaded cluster (before the cross-cluster check adds to it)."""
    from thidua.repository.cache import encode, encode_diagnostic

    docs = []
    for doc in data.documents.values():
        name = doc.path.name
        docs.append([name, doc.was_counted(), [encode_diagnostic(d, name)[1:] for d in doc.diagnostics]])
    by_path = {doc.display: doc for doc in data.documents.values()}
    members = []
    for m in data.memberships:
        doc = by_path[m.path]
        members.append([doc.path.name, m.id, list(m.organiser), m.number, m.members, doc.packed_positions(), encode(m.basis)])
    return {"documents": docs, "memberships": members}


def _from_summary(directory: Path, shown: str, entry: dict[str, Any]) -> ClusterData:
    """The cluster as its cache entry describes it: diagnostics and memberships, no models."""
    from thidua.repository.cache import decode, decode_diagnostic

    data = ClusterData(directory.name, directory, display=shown)
    for name, counted, diagnostics in entry["documents"]:
        doc = Document(directory / name, _child_display(shown, name), counted=counted)
        doc.diagnostics = [decode_diagnostic([name, *item], doc.display) for item in diagnostics]
        data.documents[doc.display] = doc
    for name, cid, organiser, number, members, positions, basis in entry["memberships"]:
        doc = data.documents[_child_display(shown, name)]
        if not isinstance(positions, str):
            raise ValueError("positions are packed")  # a foreign entry: loaded again
        doc._packed = positions
        ids = [sys.intern(m) for m in members]  # one string per id across the repository, as a parse gives
        data.memberships.append(Membership(cid, tuple(organiser), number, ids, doc.display, decode(basis)))
    return data


def _with_models(cached: ClusterData, registry: Registry, root_real: Path, wanted: _Wanted) -> ClusterData:
    """A cached cluster with the models a command needs: only those files are parsed, and their
    diagnostics (which a partial read cannot know) stay the cached ones."""
    loaded_years = {m.number for m in cached.memberships}
    years = loaded_years if wanted.years is None else loaded_years & wanted.years
    parsed = load_cluster(cached.directory, registry, root_real, cached.display, models=True, years=years)
    cached.file = parsed.file
    cached.years = {year: cy for year, cy in parsed.years.items() if year in years}
    return cached


def _narrowed(data: ClusterData, wanted: _Wanted) -> ClusterData:
    if not wanted.cluster(data.id):
        data.years = {}
    elif wanted.years is not None:
        data.years = {year: cy for year, cy in data.years.items() if year in wanted.years}
    return data


def _load_repository(root: Path, only: Iterable[str] | None, wanted: _Wanted, overrides: Overrides | None = None, cache: Cache | None = None) -> Repository:
    from thidua.domain.across import check_across_clusters

    root_real = root.resolve()
    registry = _Registry(root, root_real, cache)
    registry.read()
    repo = Repository(root, None, diagnostics=list(registry.diagnostics), files=registry.files)  # type: ignore[arg-type]
    jobs_list, found_here = cluster_directories(root, root_real, only)
    repo.diagnostics.extend(found_here)
    found: dict[Path, ClusterData] = {}
    keys: dict[Path, str] = {}
    if cache is not None and registry.key is not None:
        touched = {path.parent for path in overrides or {}}  # their texts are not the files': never cached
        found, keys = _from_cache(cache, registry.key, [job for job in jobs_list if Path(os.path.abspath(job[0])) not in touched])
    cached = set(found)
    missing = [(directory, shown) for directory, shown in jobs_list if directory not in found]
    for data in _load_missing(missing, registry, root_real, wanted, overrides):
        key = keys.get(data.directory)
        if cache is not None and key is not None:
            _store(cache, key, data)
        found[data.directory] = _narrowed(data, wanted)
    for directory, _ in jobs_list:
        data = found[directory]
        if directory in cached and wanted.cluster(data.id):
            data = _with_models(data, registry.get(), root_real, wanted)  # a cached cluster whose models are asked for
        repo.clusters[data.id] = data
    repo.registry = registry.get() if wanted.models else _LazyRegistry(registry)  # type: ignore[assignment]
    for data in repo.clusters.values():
        for doc in data.documents.values():
            repo.diagnostics.extend(doc.diagnostics)
        repo.files += sum(1 for doc in data.documents.values() if doc.was_counted())
    all_years = [m for data in repo.clusters.values() for m in data.memberships]
    documents = {d: doc for data in repo.clusters.values() for d, doc in data.documents.items()}
    for membership, issue in check_across_clusters(all_years):
        documents[membership.path].add_issue(issue)
        repo.diagnostics.append(documents[membership.path].diagnostics[-1])
    repo.diagnostics.sort(key=Diagnostic.sort_key)
    return repo


def cluster_directories(root: Path, root_real: Path, only: Iterable[str] | None = None) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """The cluster directories under ``root/clusters`` (each with how it is shown), sorted by name,
    and the diagnostics of what there is not one (a link out of the root, a stray YAML file)."""
    clusters_dir = root / CLUSTERS_DIR
    chosen = set(only) if only else None
    jobs_list: list[tuple[Path, str]] = []
    diagnostics: list[Diagnostic] = []
    if _escapes(clusters_dir, root_real):
        diagnostics.append(Diagnostic(display_path(clusters_dir), None, None, "TD020", "error", {}))
    elif clusters_dir.is_dir():
        clusters_shown = display_path(clusters_dir)
        for entry in sorted(clusters_dir.iterdir()):
            if entry.name.startswith(".") or (chosen is not None and entry.name not in chosen):
                continue
            shown = _child_display(clusters_shown, entry.name)
            if entry.is_symlink() and _escapes(entry, root_real):
                diagnostics.append(Diagnostic(shown, None, None, "TD020", "error", {}))
                continue
            if not entry.is_dir():
                if entry.suffix in YAML_SUFFIXES:
                    diagnostics.append(Diagnostic(shown, None, None, "TD022", "error", {"name": _yaml().shorten(entry.name)}))
                continue
            jobs_list.append((entry, shown))
    return jobs_list, diagnostics


class _LazyRegistry:
    """``Repository.registry`` of a ``models=False`` load: loaded when first used, never when the
    cache answered everything (validate then reads no model)."""

    def __init__(self, registry: _Registry) -> None:
        self._registry = registry

    def __getattr__(self, name: str) -> Any:
        return getattr(self._registry.get(), name)


def _from_cache(cache: Cache, registry_key: bytes, jobs_list: list[tuple[Path, str]]) -> tuple[dict[Path, ClusterData], dict[Path, str]]:
    found: dict[Path, ClusterData] = {}
    keys: dict[Path, str] = {}
    for directory, shown in jobs_list:
        key = _cluster_key(cache, registry_key, directory)
        if key is None:
            continue
        keys[directory] = key
        entry = cache.get(key)
        if entry is None:
            continue
        try:
            found[directory] = _from_summary(directory, shown, entry)
        except (KeyError, TypeError, ValueError, IndexError):
            continue  # a foreign or damaged entry: loaded again, and replaced
    return found, keys


def _store(cache: Cache, key: str, data: ClusterData) -> None:
    from thidua.repository.cache import Unstorable

    try:
        value = _summary(data)
    except Unstorable:
        return
    cache.put(key, value)


def _load_missing(jobs_list: list[tuple[Path, str]], registry: _Registry, root_real: Path, wanted: _Wanted, overrides: Overrides | None) -> Iterator[ClusterData]:
    """The clusters the cache did not answer, loaded: those whose models are kept in this process,
    the others (diagnostics and memberships only) in worker processes when there are many."""
    if not jobs_list:
        return
    units = registry.get()
    if overrides:  # a check before a write: one pass, in this process, with the texts at hand
        yield from (load_cluster(d, units, root_real, shown, wanted.models, overrides) for d, shown in jobs_list)
        return
    with_models = [(d, shown) for d, shown in jobs_list if wanted.cluster(d.name)]
    light = [(d, shown) for d, shown in jobs_list if not wanted.cluster(d.name)]
    for group, models in ((with_models, True), (light, False)):
        workers = jobs_for(_count_files([directory for directory, _ in group]), models) if len(group) > 1 else 1
        yield from _load_clusters(group, units, root_real, workers, models)


def _count_files(directories: list[Path]) -> int:
    """Files to load, counted only until the parallel threshold is known to be passed."""
    total = 0
    for directory in directories:
        try:
            total += sum(1 for _ in os.scandir(directory))
        except OSError:
            continue
        if total > PARALLEL_MIN_FILES:
            break
    return total
