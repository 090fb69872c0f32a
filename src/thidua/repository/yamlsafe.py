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

import functools
import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from thidua.domain.textsafe import source_surely_clean

try:  # libyaml when present: ~30 times faster than the pure-Python parser
    from yaml._yaml import CParser as _Parser  # not re-exported by ``yaml`` itself

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

# Named limits (README, "Limits"). Real cluster-year files are 5–30 KiB, 4–6 levels deep and
# hold a few thousand nodes; each limit leaves a wide margin above that and far below harm.
MAX_FILE_BYTES = 1024 * 1024  # TD001: refused from its size, before a byte is read
MAX_DEPTH = 64  # TD008: libyaml composes recursively in C: 200,000 levels (a 400 KB file) segfault
MAX_ALIASES = 64  # TD009: each alias of a collection re-walks it (billion laughs)
MAX_NODES = 100_000  # TD009: a composed node costs ~300 bytes; this caps a file at ~30 MB
MAX_DOCUMENTS = 1  # TD007
MAX_NUMBER_CHARS = 30  # TD016: longer digit strings are refused, not converted
MAX_SHOWN_CHARS = 60  # values quoted back in messages are cut to this

PLAIN = "!thidua/plain"  # what an untagged plain scalar resolves to, until we resolve it
STR, SEQ, MAP = BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG
ALLOWED_TAGS = {PLAIN, STR, SEQ, MAP}
_YAML_TAGS = "tag:yaml.org,2002:"  # what ``!!`` expands to: shown back as ``!!``

# Number patterns, only ever run on scalars of at most MAX_NUMBER_CHARS characters: several of
# them backtrack quadratically, harmless on 30 characters, a hang on a 900 KB line.
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_OTHER_BASES = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_LONG_NUMBER = re.compile(r"[-+]?([0-9_]+(\.[0-9_]*)?|\.[0-9_]+)([eE][-+]?[0-9_]+)?")  # unambiguous: linear
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Only a scalar starting with one of these can be anything but text: the common case stays fast.
_MAYBE_SPECIAL = frozenset("0123456789+-.~nNtTfFyYoO")
# What YAML 1.1 allows in a stream (libyaml refuses the rest with a ReaderError and no line).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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
    fatal: bool = True  # no usable data: nothing further (schema, rules) can be checked
    surely_clean: bool = False  # no string in ``data`` holds an unsafe character (TD024 need not look)


class _Composer(_Parser, BaseResolver):
    """libyaml's composer with a resolver that leaves plain scalars for us to resolve."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is SequenceNode else MAP

    # No path resolvers are registered: BaseResolver's bookkeeping, two calls per node, is not
    # needed. The composer still makes both calls; C callables that ignore their arguments cost
    # ~6 % less composing than Python methods that return None (callgrind, 301 files).
    descend_resolver: Any = {}.get  # (parent, index) -> index, unused
    ascend_resolver: Any = tuple  # () -> (), unused


def shorten(value: Any) -> str:
    """A value quoted back to the user, cut so that a hostile megabyte is never echoed whole."""
    text = str(value)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def size_finding(size: int) -> Finding | None:
    """TD001 when ``size`` bytes is over MAX_FILE_BYTES, else None: the one size check, used by
    validate (from the file's size, then from what was read) and by fmt, so both say the same."""
    if size <= MAX_FILE_BYTES:
        return None
    limit = f"{MAX_FILE_BYTES / 1048576:.1f}"
    shown = f"{size / 1048576:.1f}"
    if shown == limit:  # one byte over must not read "1.0 MiB, over the limit of 1.0 MiB"
        shown = f"{size / 1048576:.6f}".rstrip("0")
    return Finding("TD001", None, None, {"size": shown, "limit": limit})


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


def _nfc_column(line: str) -> int:
    """1-based column of the first character that NFC would change, scanning once.

    A character can only change under NFC together with the characters since the last starter
    (combining class 0) before it, so each check looks at that short window. Characters below
    U+0300 are NFC-stable and never combine with what precedes them: they are skipped.
    """
    starter = 0
    for index, char in enumerate(line):
        if char >= "\u0300" and not unicodedata.is_normalized("NFC", line[starter : index + 1]):
            return starter + 1
        if not unicodedata.combining(char):
            starter = index
    return 1


def text_findings(text: str) -> list[Finding]:
    """Formatting rules checked on the whole text: each reported once, at its first place."""
    findings = []
    if "\r" in text:
        findings.append(Finding("TD004", *_line_col(text, text.index("\r"))))
    if "\t" in text:
        findings.append(Finding("TD005", *_line_col(text, text.index("\t"))))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        for number, line in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", line):
                findings.append(Finding("TD017", number, _nfc_column(line)))
                break
    return findings


def _prescan(text: str) -> Finding | None:
    """Refuse excessive nesting or node counts before libyaml's composer builds anything.

    libyaml composes recursively in C (200,000 levels overflow the C stack: a segfault, not an
    exception) and a composed node costs ~300 bytes. Cheap upper bounds (str.count is a memchr) clear every ordinary file:
    depth ≤ brackets + 2 levels per column of the widest run of indentation, ``- ``, ``? ``;
    nodes ≤ 2 per separator (``, - : ? [ {`` or a line break). Only a file over a bound pays for
    an exact count over parser events, which stops at the first excess.
    """
    brackets = text.count("[") + text.count("{")
    widest = (MAX_DEPTH - 2 - brackets) // 2  # the widest lead that keeps the depth bound
    shallow = widest >= 0 and not _lead_wider_than(widest, text)
    # separators <= len(text): a text of fewer than MAX_NODES / 2 characters needs no counting
    if shallow and 2 * len(text) + 2 <= MAX_NODES:
        return None
    separators = brackets + text.count(",") + text.count("-") + text.count(":") + text.count("?") + text.count("\n")
    if shallow and 2 * separators + 2 <= MAX_NODES:
        return None
    try:
        return _count_events(text, yaml.CSafeLoader if LIBYAML else yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        if _NESTING_REFUSED not in (exc.problem or ""):
            return None  # a syntax error: parse() reports it, with its position, as TD006
        # libyaml 0.2.6 refuses flow nesting beyond 1,000 levels before emitting the events that
        # would show it: recount the text up to where it stopped with the pure-Python parser (no
        # such limit, and not recursive), so the finding and its position are the same whichever
        # libyaml is installed.
        return _deep_prefix_finding(text, exc.problem_mark)
    except Exception:  # a reader error (a control character), or whatever the C extension raises:
        return None  # parse() meets it again and reports it with its own code and position


_NESTING_REFUSED = "exceeded maximum nesting depth"  # libyaml >= 0.2.6, yaml_parser_increase_flow_level


def _count_events(text: str, loader: type) -> Finding | None:
    """TD009 or TD008 at the first event over a limit; None when the document stays within both."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            nodes += 1
            if nodes > MAX_NODES:
                return Finding("TD009", *_event_pos(event), {"limit": MAX_NODES})
            if kind is not yaml.ScalarEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    return Finding("TD008", *_event_pos(event), {"limit": MAX_DEPTH})
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            depth -= 1
    return None


def _deep_prefix_finding(text: str, mark: Any) -> Finding:
    end = mark.index + 1 if mark is not None else len(text)
    try:
        found = _count_events(text[:end], yaml.SafeLoader)
    except yaml.YAMLError:  # the prefix ends mid-collection: expected once the limit is not reached
        found = None
    if found is not None and found.code == "TD008":
        return found
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return Finding("TD008", line, column, {"limit": MAX_DEPTH})


def _lead_wider_than(width: int, text: str) -> bool:
    """Whether a line's indentation and ``- ``/``? ``/``: `` indicators run wider than ``width``."""
    first, later = _leads(width)
    return first.match(text) is not None or later.search(text) is not None


@functools.cache
def _leads(width: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The first line, then a line break and the next line's lead: a pattern that starts with a
    # literal is searched for that literal first (a ``^`` in MULTILINE mode is tried at every
    # character: 4 % of validate's instructions).
    lead = "[ \t?:-]{" + str(width + 1) + "}"
    return re.compile(lead), re.compile("\n" + lead)


def _event_pos(event: yaml.Event) -> tuple[int | None, int | None]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _syntax_finding(exc: BaseException, text: str) -> Finding:
    """A parser exception as a finding with a line wherever one can be found."""
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in (exc.context or ""):
        mark = exc.problem_mark
        return Finding("TD007", mark.line + 1 if mark else None, mark.column + 1 if mark else None, {"limit": MAX_DOCUMENTS})
    if isinstance(exc, yaml.MarkedYAMLError) and _NESTING_REFUSED in (exc.problem or ""):
        return _deep_prefix_finding(text, exc.problem_mark)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        detail = shorten(exc.problem or exc.context or "?")
        return Finding("TD006", mark.line + 1 if mark else None, mark.column + 1 if mark else None, {"detail": detail})
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:  # libyaml's ReaderError: a control character, with a byte offset only
        return Finding("TD002", *_line_col(text, bad.start()), {"detail": f"control character U+{ord(bad.group()):04X}"})
    return Finding("TD006", None, None, {"detail": type(exc).__name__})


def parse(text: str) -> Parsed:
    """Compose and build one YAML document. Never raises on bad input."""
    result = Parsed(findings=text_findings(text))
    refused = _prescan(text)
    if refused:
        result.findings.append(refused)
        return result
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except Exception as exc:  # a C extension on hostile input: whatever it raises is a finding
        result.findings.append(_syntax_finding(exc, text))
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
    except RecursionError:  # unreachable with MAX_DEPTH far below the interpreter's limit; kept as a net
        result.findings.append(Finding("TD008", *_pos(root), {"limit": MAX_DEPTH}))
        return result
    result.findings.extend(builder.findings)
    if not isinstance(result.data, dict):
        result.findings.append(Finding("TD019", *_pos(root), {"got": type(result.data).__name__}))
        return result
    result.root = root
    result.fatal = False
    result.surely_clean = source_surely_clean(text, builder.line_break)
    return result


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


_MISS = object()
_CLEAN: dict[str, Any] = {}  # plain scalars already resolved without a finding ("7.5" -> 7.5)
_CLEAN_SIZE = 4096


class _Builder:
    """Nodes to plain values, counting what could blow up.

    The hot path (a plain scalar that cannot be a number, a boolean or null) is inlined in the
    collection loops: a file is mostly such scalars, and a call per node was a third of the time.
    """

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.nodes = 0
        self.aliases = 0
        self.seen: set[int] = set()
        self.line_break = False  # a string (any scalar's text) holds a line break

    def build(self, node: Node, depth: int) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH:
            raise _Stop(Finding("TD008", *_pos(node), {"limit": MAX_DEPTH}))
        if self.nodes > MAX_NODES:  # aliases re-walk nodes: the composed count alone is not enough
            raise _Stop(Finding("TD009", *_pos(node), {"limit": MAX_NODES}))
        tag = node.tag
        if tag not in ALLOWED_TAGS:
            shown = "!!" + tag.removeprefix(_YAML_TAGS) if tag.startswith(_YAML_TAGS) else tag
            self.findings.append(Finding("TD011", *_pos(node), {"tag": shorten(shown)}))
            return None
        if type(node) is ScalarNode:
            if tag == PLAIN:
                return self.scalar(node)
            if "\n" in node.value:
                self.line_break = True
            return node.value
        if id(node) in self.seen:  # the same collection node again: an alias
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Stop(Finding("TD009", *_pos(node), {"limit": MAX_ALIASES}))
        self.seen.add(id(node))
        if type(node) is SequenceNode:
            return self.sequence(node, depth)
        assert isinstance(node, MappingNode)  # a composed node is one of three kinds
        return self.mapping(node, depth)

    def child(self, node: Node, depth: int) -> Any:
        if type(node) is ScalarNode and node.tag == PLAIN:
            self.nodes += 1
            value = node.value
            if value and value[0] not in _MAYBE_SPECIAL:
                if "\n" in value:
                    self.line_break = True
                return value
            return self.scalar(node)
        return self.build(node, depth)

    def sequence(self, node: SequenceNode, depth: int) -> list[Any]:
        child = self.child
        return [child(item, depth + 1) for item in node.value]

    def mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        child = self.child
        intern = sys.intern  # ids repeat across files: one string each, faster lookups
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.findings.append(Finding("TD019", *_pos(key_node), {"got": "complex key"}))
                continue
            text = key_node.value
            if text == "<<" and key_node.tag == PLAIN:  # never expanded: see module doc
                self.findings.append(Finding("TD010", *_pos(key_node)))
                continue
            if key_node.tag == PLAIN and text and text[0] not in _MAYBE_SPECIAL:
                self.nodes += 1
                if "\n" in text:
                    self.line_break = True
                key = intern(text)
            else:
                key = child(key_node, depth + 1)
                if type(key) is str:
                    key = intern(key)
                elif isinstance(key, float):
                    key = text
            if key in out:
                self.findings.append(Finding("TD012", *_pos(key_node), {"key": shorten(key)}))
                continue
            if type(value_node) is ScalarNode and value_node.tag == PLAIN:
                self.nodes += 1
                text = value_node.value
                if text and text[0] not in _MAYBE_SPECIAL:
                    if "\n" in text:
                        self.line_break = True
                    out[key] = text
                else:
                    out[key] = self.scalar(value_node)
            else:
                out[key] = self.build(value_node, depth + 1)
        return out

    def scalar(self, node: ScalarNode) -> Any:
        value: str = node.value
        if "\n" in value:
            self.line_break = True
        known = _CLEAN.get(value, _MISS)
        if known is not _MISS:
            return known
        finding = None
        result: Any
        if not value or value in _NULLS:
            result = None
        elif value[0] not in _MAYBE_SPECIAL:
            return value
        elif len(value) > MAX_NUMBER_CHARS:  # never convert or regex-match a long digit string
            if not _LONG_NUMBER.fullmatch(value):
                return value
            finding, result = "TD016", None
        elif value in _TRUE or value in _FALSE:
            result = value in _TRUE
        elif value.lower() in _YAML11_BOOL:
            finding, result = "TD013", value
        elif _INT.fullmatch(value):
            result = int(value)
        elif _LEADING_ZERO.fullmatch(value) or _OTHER_BASES.fullmatch(value):
            finding, result = "TD014", value
        elif _SEXAGESIMAL.fullmatch(value):
            finding, result = "TD015", value
        elif _FLOAT.fullmatch(value):
            result = float(value)
            if not math.isfinite(result):  # 1e999 is inf
                finding, result = "TD016", None
        elif _SPECIAL_FLOAT.fullmatch(value):
            finding, result = "TD016", None
        else:
            result = value
        if finding is not None:
            self.findings.append(Finding(finding, *_pos(node), {"value": shorten(value)}))
            return result
        if len(_CLEAN) >= _CLEAN_SIZE:
            _CLEAN.clear()
        _CLEAN[value] = result
        return result


class Locator:
    """Positions of data paths in one node tree, for as many lookups as there are issues.

    Each mapping's keys are indexed on first use, so a file with 20,000 unknown keys costs 20,000
    lookups, not 20,000 scans of 20,000 keys. The first of duplicate keys wins, as in a scan.
    """

    def __init__(self, root: Node | None) -> None:
        self.root = root
        self._tables: dict[int, dict[str, tuple[Node, Node]]] = {}

    def _entry(self, node: MappingNode, step: Any) -> tuple[Node, Node] | None:
        table = self._tables.get(id(node))
        if table is None:
            table = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    table.setdefault(key_node.value, (key_node, value_node))
            self._tables[id(node)] = table
        return table.get(str(step))

    def locate(self, path: tuple[Any, ...], key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the value at ``path`` (or of its key), else of the nearest ancestor."""
        if self.root is None:
            return None, None
        node = self.root
        where = _pos(node)
        for index, step in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, MappingNode):
                entry = self._entry(node, step)
                if entry is None:
                    return where
                key_node, node = entry
                where = _pos(key_node) if (last and key) else _pos(node)
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                where = _pos(node)
            else:
                return where
        return where


def locate(root: Node | None, path: tuple[Any, ...], key: bool = False) -> tuple[int | None, int | None]:
    """Line and column of the value at ``path`` (or of its key), else of the nearest ancestor."""
    return Locator(root).locate(path, key)


def child_positions(root: Node | None, path: tuple[Any, ...]) -> list[tuple[int, int]]:
    """Line and column of each item of the sequence at ``path`` (none if it is not a sequence)."""
    if root is None:
        return []
    node: Node | None = root
    for step in path:
        if isinstance(node, MappingNode):
            node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(step)), None)
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return []
        if node is None:
            return []
    return [_pos(child) for child in node.value] if isinstance(node, SequenceNode) else []
