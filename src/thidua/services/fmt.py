"""Canonical formatting of data files, keeping every comment (``thidua fmt``).

The canonical form is what the shipped data already looks like, so that formatting a clean
repository changes nothing:

* UTF-8 without BOM, LF line endings, Unicode NFC, no tabs, no trailing spaces;
* 2-space indentation, sequences indented under their key (``key:\\n  - item``);
* a full-line comment is indented like the line it describes (the next non-comment line);
* two-digit codes double-quoted (``code: "01"``), whatever the clerk wrote (``01``, ``'01'``);
* the top-level keys of each file kind in a known order (unknown keys keep their place at the
  end); a key moves together with the comment block directly above it;
* everything else as written: quotes, flow lists like ``members: [a, b]``, blank lines,
  comment text.

The pipeline is text → text and never trusts itself: a file that is not valid YAML is refused
(never rewritten), and the result must hold exactly the same data as the input (read back with
the same safe reader ``validate`` uses) and every comment of the input (``check_comments``), or
the file is refused too. ruamel.yaml drops a comment inside a flow collection spanning lines and
one above ``---``: such files are refused rather than rewritten into another style. What follows
the ``...`` end marker (comments only) is kept as written, as ruamel.yaml would drop it.
"""

from __future__ import annotations

import bisect
import collections
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua.domain.layout import YAML_SUFFIXES, file_kind
from thidua.domain.message import Message, MessageError
from thidua.repository.yamlsafe import MAX_FILE_BYTES, Finding, decode, parse, shorten, size_finding

# Top-level key order per file kind. It follows the shipped files: ``note`` closes a year file,
# ``sources`` closes the registry (the draft put them first; the data never did).
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "registry": ("units", "sources"),
    "cluster": ("id", "name", "kind", "organiser", "period", "units", "award_titles", "rules", "documents", "sources"),
    "cluster-year": (
        "cluster", "year", "as_of", "scores_illustrative", "members", "basis", "leadership", "election", "appointment",
        "pledge", "review", "groups", "indicators", "scores", "votes", "ranking", "awards", "facts", "rules", "documents", "sources",
        "note",
    ),
}
CODE_KEYS = frozenset({"code"})  # mapping keys whose value is a two-digit statistics-office code
WIDTH = 4096  # never fold a long line: clerks' one-line notes stay one line

# yamlsafe findings after which there is no trustworthy tree to format.
_REFUSE = frozenset({"TD001", "TD002", "TD006", "TD007", "TD008", "TD009"})


class NotFormattable(MessageError):
    """The file is left as it is; ``message`` (a code and raw params) says why, ``line``/``column`` where."""

    def __init__(self, code: str, line: int | None = None, column: int | None = None, **params: Any) -> None:
        super().__init__(Message(code, params), line, column)


# --------------------------------------------------------------------------- text level


def normalise_text(raw: bytes) -> str:
    """Bytes to canonical text: UTF-8 without BOM, LF, NFC. Raises NotFormattable."""
    too_big = _too_big(len(raw))
    if too_big is not None:
        raise too_big
    text, findings = decode(raw)
    if text is None:
        first = findings[-1]
        raise NotFormattable(first.code, first.line, first.column, **first.params)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _too_big(size: int) -> NotFormattable | None:
    """TD001 from the one size check validate uses too, so both report the same sizes."""
    finding = size_finding(size)
    return None if finding is None else NotFormattable(finding.code, None, None, **finding.params)


def _refusal(findings: list[Finding]) -> NotFormattable | None:
    for finding in findings:
        if finding.code in _REFUSE:
            return NotFormattable(finding.code, finding.line, finding.column, **finding.params)
    return None


def _scalar_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(line, column) start and end of every scalar token: where '#' and tabs are data."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml, as validate: same tab rules
    spans = []
    try:
        for token in yaml.scan(text, Loader=loader):  # lines and columns count characters
            if isinstance(token, yaml.ScalarToken):
                start = (token.start_mark.line, token.start_mark.column)
                if token.style in ("|", ">"):  # the header line ('| # note') is not data: its comment is one
                    start = (start[0] + 1, 0)
                spans.append((start, (token.end_mark.line, token.end_mark.column)))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise NotFormattable("TD006", mark.line + 1 if mark else None, mark.column + 1 if mark else None, detail=exc.problem or "?") from None
    return spans


def _inside(spans: list[tuple[tuple[int, int], tuple[int, int]]], where: tuple[int, int]) -> bool:
    """Is ``where`` strictly inside a scalar? Tokens come in order and never overlap, so only the
    last one starting before ``where`` can hold it."""
    index = bisect.bisect_left(spans, (where,)) - 1
    return index >= 0 and spans[index][0] < where < spans[index][1]


def _untab(text: str) -> str:
    """Tabs used as spacing or inside comments become spaces; tabs inside values are kept here
    (the YAML writer escapes them as ``\\t``), so no datum changes."""
    if "\t" not in text:
        return text
    spans = _scalar_spans(text)
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "\t" in line:
            lines[number] = "".join(
                " " if ch == "\t" and not _inside(spans, (number, column)) else ch for column, ch in enumerate(line)
            )
    return "\n".join(lines)


def reorder_top_level(text: str, root: Any, order: tuple[str, ...]) -> str:
    """Put the top-level keys in ``order``, moving each with its comment block and blank lines.

    Works on lines, from the key positions of the parsed tree. A key's chunk starts at the blank
    lines and the comment block directly above it and runs to the next chunk. The
    file's opening comment (the schema line, the description) stays on top: above the first key,
    only a comment block separated from it by a blank line belongs to that key.
    """
    from yaml.nodes import MappingNode, ScalarNode

    if not isinstance(root, MappingNode) or root.flow_style:
        return text
    keys = [k for k, _ in root.value]
    if not keys or any(not isinstance(k, ScalarNode) or k.start_mark.column != 0 for k in keys):
        return text
    names = [k.value for k in keys]
    rank = {name: i for i, name in enumerate(order)}
    wanted = sorted(range(len(names)), key=lambda i: (rank.get(names[i], len(order)), i))
    if wanted == list(range(len(names))):
        return text
    lines = text.split("\n")
    spans = _scalar_spans(text)

    def comment(number: int) -> bool:  # a full-line comment, not a line of a multi-line value
        stripped = lines[number].lstrip(" ")
        return stripped.startswith("#") and not _inside(spans, (number, len(lines[number]) - len(stripped)))

    starts = []
    for index, key in enumerate(keys):
        line = key.start_mark.line
        start = line
        while start > 0 and comment(start - 1):
            start -= 1
        if index == 0 and (start == 0 or lines[start - 1].strip()):
            start = line  # the file's opening comment, not this key's
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        starts.append(start)
    ends = [*starts[1:], len(lines)]
    header = lines[: starts[0]]
    chunks = [lines[s:e] for s, e in zip(starts, ends, strict=True)]
    tail_break = chunks[-1][-1:] == [""]  # the file's last line break is the file's, not the chunk's
    if tail_break:
        chunks[-1] = chunks[-1][:-1]
    out = list(header)
    for position, index in enumerate(wanted):
        chunk = chunks[index]
        if position == 0:
            # Keep the gap the file had under its opening comment, and at least one blank line
            # before a comment block, which would otherwise join the opening comment.
            gap = (len(chunks[0]) - len(_lstrip_blank(chunks[0]))) if header else 0
            chunk = _lstrip_blank(chunk)
            if header and chunk[0].startswith("#"):
                gap = max(gap, 1)
            chunk = [""] * gap + chunk
        out.extend(chunk)
    return "\n".join(out) + ("\n" if tail_break else "")


def _lstrip_blank(lines: list[str]) -> list[str]:
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    return lines[i:]


def tidy_lines(text: str) -> str:
    """Indent each full-line comment like the next content line (comments describe what
    follows) and drop trailing spaces, except inside values, where they may be data."""
    lines = text.split("\n")
    spans = _scalar_spans(text)
    indent = None  # indentation of the next content line, walking upwards
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if line != line.rstrip(" ") and not _inside(spans, (number, len(line) - 1)):
            line = line.rstrip(" ")
        stripped = line.lstrip(" ")
        column = len(line) - len(stripped)
        if stripped.startswith("#") and not _inside(spans, (number, column)):
            if indent is not None:
                line = " " * indent + stripped
        elif stripped:
            indent = column
        lines[number] = line
    return "\n".join(lines)


# --------------------------------------------------------------------------- comments


@dataclass(frozen=True)
class Comment:
    """One comment: where it starts (1-based) and its text as fmt writes it."""

    line: int
    column: int
    text: str  # from '#' to the end of the line, tabs as spaces, no trailing spaces


def comments_of(text: str) -> list[Comment]:
    """Every comment of a YAML text, found from the scanner's tokens: a '#' inside a scalar is
    data, the first '#' of a line outside every scalar starts a comment (libyaml's own rule)."""
    spans = _scalar_spans(text)
    found: list[Comment] = []
    for number, line in enumerate(text.split("\n")):
        column = line.find("#")
        while column >= 0 and _inside(spans, (number, column)):
            column = line.find("#", column + 1)
        if column >= 0:
            found.append(Comment(number + 1, column + 1, line[column:].replace("\t", " ").rstrip(" ")))
    return found


def check_comments(before: str, after: str) -> None:
    """Refuse a result that lost or changed a comment: ruamel.yaml silently drops some (inside a
    flow list spanning lines, above a '---' line), and fmt must never lose a clerk's note."""
    kept = collections.Counter(c.text for c in comments_of(after))
    for comment in comments_of(before):
        if kept[comment.text] == 0:
            raise NotFormattable("fmt.comment_lost", comment.line, comment.column, comment=shorten(comment.text))
        kept[comment.text] -= 1
    extra = next((text for text, count in kept.items() if count > 0), None)
    if extra is not None:  # a comment fmt would write that the clerk never did
        raise NotFormattable("fmt.comment_changed", None, None, comment=shorten(extra))


def split_tail(text: str) -> tuple[str, str]:
    """(the document, the rest from its '...' end marker on). ruamel.yaml drops the marker and
    every comment after it, so the rest (only comments and blank lines: a second document is
    refused before) is kept as written."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, yaml.DocumentEndToken):
            offset = token.start_mark.index  # characters, as the text is a str
            return text[:offset], text[offset:]
    return text, ""


def _tidy_tail(tail: str) -> str:
    """The text after '...': no tabs, no trailing spaces; nothing else to canonicalise."""
    return "\n".join(line.replace("\t", " ").rstrip(" ") for line in tail.split("\n"))


# --------------------------------------------------------------------------- tree level


def _located_constructor() -> type:
    """ruamel's round-trip constructor, raising a ConstructorError at the value's line for a value
    it cannot build (``2024-02-30`` is a timestamp to YAML, and no such day exists) instead of a
    bare ValueError without any position."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
    from ruamel.yaml.nodes import ScalarNode

    class LocatedConstructor(RoundTripConstructor):
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, TypeError, ArithmeticError) as exc:  # innermost node: the value's own
                value = shorten(node.value) if isinstance(node, ScalarNode) else "?"
                raise ConstructorError(None, None, f"{value}: {exc}", node.start_mark) from None

    return LocatedConstructor


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Constructor = _located_constructor()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def _canonical_code(value: Any) -> Any:
    """``24``, ``01`` (an int of width 2), ``'24'`` → ``"24"``; anything else is left for validate."""
    from ruamel.yaml.scalarint import ScalarInt
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        width = getattr(value, "_width", None) if isinstance(value, ScalarInt) else None
        text = str(int(value)).zfill(width or 0)
        return DoubleQuotedScalarString(text) if re.fullmatch(r"[0-9]{2}", text) else value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{2}", value) and not isinstance(value, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    return value


def _canonical_tree(node: Any) -> None:
    """Quote codes; write any text holding a tab double-quoted (the tab becomes ``\\t``)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def fix(key: Any, value: Any) -> Any:
        if key in CODE_KEYS:
            value = _canonical_code(value)
        if isinstance(value, str) and "\t" in value and not isinstance(value, DoubleQuotedScalarString):
            value = DoubleQuotedScalarString(value)
        return value

    if isinstance(node, dict):
        for key in list(node):
            node[key] = fix(key, node[key])
            _canonical_tree(node[key])
    elif isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = fix(None, item)
            _canonical_tree(node[index])


def _quoted_codes(data: Any) -> Any:
    """``data`` as it must read after formatting: the only change allowed is 24 → "24" at a code."""
    if isinstance(data, dict):
        return {
            k: str(v) if k in CODE_KEYS and type(v) is int and re.fullmatch(r"[0-9]{2}", str(v)) else _quoted_codes(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_quoted_codes(item) for item in data]
    return data


def _round_trip(text: str) -> str:
    from ruamel.yaml.constructor import ConstructorError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _yaml()
    try:
        tree = yaml.load(text)
    except ConstructorError as exc:  # read as YAML, but a value cannot be built (an impossible date)
        raise _located("fmt.bad_value", exc) from None
    except MarkedYAMLError as exc:
        raise _located("TD006", exc) from None
    except (YAMLError, RecursionError) as exc:
        raise NotFormattable("TD006", None, None, detail=type(exc).__name__) from None
    except Exception as exc:  # a clerk's file must give a diagnostic, never a traceback
        raise NotFormattable("fmt.bad_value", None, None, detail=shorten(f"{type(exc).__name__}: {exc}")) from None
    _canonical_tree(tree)
    buffer = io.StringIO()
    try:
        yaml.dump(tree, buffer)
    except Exception as exc:  # same: refuse the file, never crash on it
        raise NotFormattable("fmt.bad_value", None, None, detail=shorten(f"{type(exc).__name__}: {exc}")) from None
    return buffer.getvalue()


def _located(code: str, exc: Any) -> NotFormattable:
    """A ruamel error as a refusal at its mark (1-based), when it has one."""
    mark = exc.problem_mark or exc.context_mark
    detail = shorten(exc.problem or exc.context or "?")
    return NotFormattable(code, mark.line + 1 if mark else None, mark.column + 1 if mark else None, detail=detail)


# --------------------------------------------------------------------------- the pipeline


def format_text(text: str, kind: str | None = None) -> str:
    """Canonical form of one file's text (already decoded). Raises NotFormattable."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    before = parse(text)
    refusal = _refusal(before.findings)
    if refusal:
        raise refusal
    if before.root is None:
        # Comments only, or not a mapping (validate says so): the text-level rules only.
        return _untab(text)
    original = text
    text, tail = split_tail(_untab(text))
    if kind in KEY_ORDER:
        text = reorder_top_level(text, before.root, KEY_ORDER[kind])
    result = tidy_lines(_round_trip(text)).replace("\t", " ") + _tidy_tail(tail)  # tabs left are in comments
    after = parse(result)
    if _refusal(after.findings) or after.data != _quoted_codes(before.data):
        raise NotFormattable("fmt.would_change_data")
    check_comments(original, result)
    return result


def format_bytes(raw: bytes, kind: str | None = None) -> tuple[str, str]:
    """(original text, canonical text) of a file's bytes. Raises NotFormattable."""
    original = raw.decode("utf-8", errors="replace")
    return original, format_text(normalise_text(raw), kind)


# --------------------------------------------------------------------------- files


@dataclass
class Outcome:
    """What fmt makes of one file."""

    path: Path
    display: str
    before: str = ""
    after: str = ""
    error: NotFormattable | None = None
    skipped: bool = False  # a symbolic link: never rewritten through
    changed: bool = False  # the bytes on disk differ from the canonical text (BOM and CRLF count)
    written: bool = False  # rewritten in canonical form (not with ``check``)
    write_error: str | None = None  # why the rewrite failed (the operating system's reason)

    @property
    def refused(self) -> bool:
        """Left as it is although it is not canonical: not formattable, or not writable."""
        return self.error is not None or self.write_error is not None


@dataclass
class FmtResult:
    """What ``format_files`` did to every file it found."""

    targets: list[Path]
    check: bool
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """Files reformatted (with ``check``: that would be)."""
        return sum(1 for o in self.outcomes if o.changed and not o.refused)

    @property
    def unchanged(self) -> int:
        return sum(1 for o in self.outcomes if not o.changed and not o.refused and not o.skipped)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.refused)

    @property
    def ok(self) -> bool:
        """Nothing refused and, with ``check``, nothing to change."""
        return not self.refused and not (self.check and self.changed)


def collect_files(paths: list[Path]) -> list[Path]:
    """Files named, and every *.yaml / *.yml below the directories named (hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path).parts
                hidden = any(p.startswith(".") for p in relative)
                if candidate.suffix in YAML_SUFFIXES and not hidden and (candidate.is_file() or candidate.is_symlink()):
                    found.append(candidate)
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def examine(path: Path, display: str) -> Outcome:
    """Read one file and compute its canonical form (reading is the only I/O)."""
    outcome = Outcome(path, display)
    if path.is_symlink():
        outcome.skipped = True
        return outcome
    try:
        outcome.error = _too_big(path.stat().st_size)  # the real size, before reading a byte
        if outcome.error is not None:
            return outcome
        with path.open("rb") as handle:  # at most the limit, even if the file grows meanwhile
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        outcome.error = NotFormattable("fmt.unreadable", None, None, detail=exc.strerror or str(exc))
        return outcome
    try:
        outcome.before, outcome.after = format_bytes(raw, file_kind(path))
    except NotFormattable as exc:
        outcome.error = exc
        return outcome
    outcome.changed = raw != outcome.after.encode("utf-8")
    return outcome


def format_files(paths: Iterable[Path | str] | None = None, *, check: bool = False) -> FmtResult:
    """Format the files named and every YAML file below the directories named (default: the data
    directory); with ``check`` change nothing. Each file is rewritten atomically, only when it holds
    the same data and every comment after formatting."""
    from thidua.repository.loader import default_data_dir, display_path
    from thidua.repository.writer import atomic_write
    from thidua.services.errors import NotADataRepository

    targets = [Path(p) for p in paths or []] or [default_data_dir()]
    for path in targets:
        if not path.exists() and not path.is_symlink():
            raise NotADataRepository(path)
    result = FmtResult(targets, check)
    for path in collect_files(targets):
        outcome = examine(path, display_path(path))
        result.outcomes.append(outcome)
        if outcome.changed and not outcome.refused and not check:
            try:
                atomic_write(path, outcome.after, overwrite=True)  # asked for: that is what fmt does
            except OSError as exc:
                outcome.write_error = str(exc.strerror or exc)
            else:
                outcome.written = True
    return result
