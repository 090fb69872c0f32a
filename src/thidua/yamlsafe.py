"""Safe, positioned YAML reading with the traps of YAML 1.1 turned into findings.

libyaml composes the node tree (each node keeps its line and column); we then build plain Python
values ourselves instead of letting PyYAML's constructors do it, because:

* no tag constructs an object, and merge keys (``<<``), whose expansion takes PyYAML minutes and
  gigabytes on a one-kilobyte file, are refused before anything is built;
* YAML 1.1 resolution is replaced by a small core schema: ``01``, ``yes``, ``12:30`` and ``0x1F``
  are findings, not silently numbers or booleans;
* duplicate keys are findings, not silently overwritten;
* every limit below is checked before it can cost memory or time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # libyaml when present: several times faster than the pure-Python parser
    from yaml import CParser as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    LIBYAML = False

# Named limits (README, "Limits"). Real cluster-year files are 5–30 KiB, 4–6 levels deep.
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 64
MAX_NODES = 200_000
MAX_DOCUMENTS = 1
MAX_NUMBER_CHARS = 30

PLAIN = "!thidua/plain"  # what an untagged plain scalar resolves to, until we resolve it
STR, SEQ, MAP = BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG
ALLOWED_TAGS = {PLAIN, STR, SEQ, MAP}

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_OTHER_BASES = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Only a scalar starting with one of these can be anything but text: the common case stays fast.
_MAYBE_SPECIAL = set("0123456789+-.~nNtTfFyYoO")
_LEAD = re.compile(r"^[ \t?:-]*", re.M)


@dataclass(slots=True)
class Finding:
    """A problem in the YAML itself, before any schema: a rule code and where it is."""

    code: str
    line: int | None = None
    column: int | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Parsed:
    data: Any = None
    root: Node | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return self.root is None


class _Composer(_Parser, BaseResolver):  # type: ignore[misc]
    """libyaml's composer with a resolver that leaves plain scalars for us to resolve."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is SequenceNode else MAP


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes) -> tuple[str | None, list[Finding]]:
    """Bytes to text: UTF-8 only; a BOM is reported and dropped so the rest can still be read."""
    findings: list[Finding] = []
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        return None, [Finding("TD002", 1, 1, {"detail": "UTF-16/UTF-32"})]
    if raw.startswith(b"\xef\xbb\xbf"):
        findings.append(Finding("TD003", 1, 1))
        raw = raw[3:]
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line = raw.count(b"\n", 0, offset) + 1
        return None, [*findings, Finding("TD002", line, None, {"detail": "NUL"})]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [*findings, Finding("TD002", line, column, {"detail": f"byte 0x{raw[exc.start]:02x}"})]
    return text, findings


def text_findings(text: str) -> list[Finding]:
    """Formatting rules checked on the whole text: each reported once, at its first place."""
    findings = []
    if "\r" in text:
        findings.append(Finding("TD004", *_line_col(text, text.index("\r"))))
    if "\t" in text:
        findings.append(Finding("TD005", *_line_col(text, text.index("\t"))))
    if not unicodedata.is_normalized("NFC", text):
        for number, line in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", line):
                column = next(i for i, ch in enumerate(line) if unicodedata.normalize("NFC", line[: i + 1]) != line[: i + 1] or unicodedata.combining(ch)) + 1
                findings.append(Finding("TD017", number, column))
                break
    return findings


def _too_deep(text: str) -> Finding | None:
    """Refuse nesting beyond MAX_DEPTH before libyaml's recursive composer sees it.

    A cheap upper bound (brackets plus the widest run of indentation and ``- ``) clears every
    ordinary file; only a suspicious one pays for an exact count over parser events.
    """
    bound = text.count("[") + text.count("{") + 2 * max(map(len, _LEAD.findall(text)), default=0) + 2
    if bound <= MAX_DEPTH:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader if LIBYAML else yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = event.start_mark.line + 1, event.start_mark.column + 1
                    return Finding("TD008", line, column, {"limit": MAX_DEPTH})
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error with its position
    return None


def parse(text: str) -> Parsed:
    """Compose and build one YAML document. Never raises on bad input."""
    result = Parsed(findings=text_findings(text))
    deep = _too_deep(text)
    if deep:
        result.findings.append(deep)
        return result
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark
        code = "TD007" if "single document" in (exc.context or "") else "TD006"
        params = {"limit": MAX_DOCUMENTS} if code == "TD007" else {"detail": exc.problem or str(exc)}
        result.findings.append(Finding(code, mark.line + 1 if mark else None, mark.column + 1 if mark else None, params))
        return result
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        result.findings.append(
            Finding("TD006", mark.line + 1 if mark else None, mark.column + 1 if mark else None, {"detail": exc.problem or exc.context or "?"})
        )
        return result
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:  # reader errors carry no mark
        result.findings.append(Finding("TD006", None, None, {"detail": type(exc).__name__}))
        return result
    finally:
        composer.dispose()
    if root is None:
        result.findings.append(Finding("TD018"))
        return result
    builder = _Builder()
    try:
        result.data = builder.build(root, 0)
    except _Stop as stop:
        result.findings.extend(builder.findings)
        result.findings.append(stop.finding)
        return result
    result.findings.extend(builder.findings)
    result.root = root
    if not isinstance(result.data, dict):
        result.findings.append(Finding("TD019", *_pos(root), {"got": type(result.data).__name__}))
        result.root = None
    return result


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


class _Builder:
    """Nodes to plain values, counting what could blow up."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()

    def build(self, node: Node, depth: int) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH:
            raise _Stop(Finding("TD008", *_pos(node), {"limit": MAX_DEPTH}))
        if self.nodes > MAX_NODES:
            raise _Stop(Finding("TD009", *_pos(node), {"limit": MAX_NODES}))
        tag = node.tag
        if tag not in ALLOWED_TAGS:
            self.findings.append(Finding("TD011", *_pos(node), {"tag": tag}))
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node) if tag == PLAIN else node.value
        if id(node) in self.seen:  # the same collection node again: an alias
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Stop(Finding("TD009", *_pos(node), {"limit": MAX_ALIASES}))
        self.seen.add(id(node))
        if isinstance(node, SequenceNode):
            return [self.build(child, depth + 1) for child in node.value]
        return self.mapping(node, depth)

    def mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == PLAIN and key_node.value == "<<":
                self.findings.append(Finding("TD010", *_pos(key_node)))
                continue
            if not isinstance(key_node, ScalarNode):
                self.findings.append(Finding("TD019", *_pos(key_node), {"got": "complex key"}))
                continue
            key = self.build(key_node, depth + 1)
            if isinstance(key, float):
                key = key_node.value
            if key in out:
                self.findings.append(Finding("TD012", *_pos(key_node), {"key": key}))
                continue
            out[key] = self.build(value_node, depth + 1)
        return out

    def scalar(self, node: ScalarNode) -> Any:
        value: str = node.value
        if not value:
            return None
        if value[0] not in _MAYBE_SPECIAL:
            return value
        if value in _NULLS:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value.lower() in _YAML11_BOOL:
            self.findings.append(Finding("TD013", *_pos(node), {"value": value}))
            return value
        if len(value) > MAX_NUMBER_CHARS and _FLOAT.fullmatch(value):
            self.findings.append(Finding("TD016", *_pos(node), {"value": value[:20] + "…"}))
            return None
        if _INT.fullmatch(value):
            return int(value)
        if _LEADING_ZERO.fullmatch(value) or _OTHER_BASES.fullmatch(value):
            self.findings.append(Finding("TD014", *_pos(node), {"value": value}))
            return value
        if _SEXAGESIMAL.fullmatch(value):
            self.findings.append(Finding("TD015", *_pos(node), {"value": value}))
            return value
        if _FLOAT.fullmatch(value):
            return float(value)
        if _SPECIAL_FLOAT.fullmatch(value):
            self.findings.append(Finding("TD016", *_pos(node), {"value": value}))
            return None
        return value


def locate(root: Node | None, path: tuple[Any, ...], key: bool = False) -> tuple[int | None, int | None]:
    """Line and column of the value at ``path`` (or of its key), else of the nearest ancestor."""
    if root is None:
        return None, None
    node = root
    where = _pos(root)
    for index, step in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == str(step):
                    node = value_node
                    where = _pos(key_node) if (last and key) else _pos(value_node)
                    break
            else:
                return where
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            where = _pos(node)
        else:
            return where
    return where
