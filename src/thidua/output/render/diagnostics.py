"""Reporters for ``thidua validate``: text, JSON, GitHub annotations, Markdown summary."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from thidua.domain.diagnostics import Diagnostic
from thidua.domain.message import as_data
from thidua.domain.textsafe import github_data, github_property, json_safe, markdown_cell, markdown_code, safe_text
from thidua.domain.usable import Unusable
from thidua.output.docs_links import docs_base, rule_url
from thidua.output.i18n import say, say_hint, t

JSON_VERSION = 1


def diagnostic_data(d: Diagnostic) -> dict[str, Any]:
    """One finding for JSON: its code and raw params, the same in every language, then the words."""
    return {
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": d.severity,
        "params": as_data(d.message)["params"],
        "message": say(d.message),
        "hint": say_hint(d.message),
    }


def unusable_reason(refused: Unusable) -> str:
    """``TD103 <the first error in words>``: why a cluster-year cannot be used."""
    first = refused.first
    return f"{first.code} {say(first.message)}" if first else ""


def _where(d: Diagnostic) -> str:
    parts = [d.file]
    if d.line is not None:
        parts.append(str(d.line))
        if d.column is not None:
            parts.append(str(d.column))
    return ":".join(parts)


def counts(diagnostics: Sequence[Diagnostic]) -> Counter:
    return Counter(d.severity for d in diagnostics)


def summary_line(diagnostics: Sequence[Diagnostic], files: int) -> str:
    c = counts(diagnostics)
    if not diagnostics:
        return t("validate.clean", files=files)
    return t("validate.summary", files=files, errors=c["error"], warnings=c["warning"], infos=c["info"])


_RULE = re.compile(r"TD\d{3}")


def render_text(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """``file:line:col: severity CODE message`` then an indented hint: the compiler convention."""
    lines = []
    base = docs_base()
    for d in diagnostics:  # the file name is data too (a directory can be named anything)
        lines.append(safe_text(f"{_where(d)}: {t('severity.' + d.severity)} {d.code} {say(d.message)}"))
        hint = say_hint(d.message)
        if hint:
            lines.append(safe_text(f"    {t('label.hint')}: {hint}"))
        if base is not None and _RULE.fullmatch(d.code):
            lines.append(f"    {t('label.docs')}: {safe_text(rule_url(d.code, base))}")
    lines.append(summary_line(diagnostics, files))
    return "\n".join(lines) + "\n"


def render_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    c = counts(diagnostics)
    return json_safe(json.dumps(
        {
            "version": JSON_VERSION,
            "files": files,
            "summary": {"errors": c["error"], "warnings": c["warning"], "infos": c["info"]},
            "diagnostics": [diagnostic_data(d) for d in diagnostics],
        },
        ensure_ascii=False,
        indent=2,
    )) + "\n"


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = []
    for d in diagnostics:
        props = [f"file={github_property(d.file)}"]
        if d.line is not None:
            props.append(f"line={d.line}")
            if d.column is not None:
                props.append(f"col={d.column}")
        props.append(f"title={github_property('thidua ' + d.code)}")
        hint = say_hint(d.message)
        message = say(d.message) + (f" ({t('label.hint')}: {hint})" if hint else "")
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::{github_data(message)}")
    lines.append(summary_line(diagnostics, files))
    return "\n".join(lines) + "\n"


def render_markdown(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """A short summary for ``$GITHUB_STEP_SUMMARY``: counts, then a table of findings."""
    out = ["### thidua validate", "", summary_line(diagnostics, files), ""]
    if diagnostics:
        out += ["| | file | code | message |", "|---|---|---|---|"]
        icon = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
        for d in diagnostics[:200]:
            out.append(f"| {icon[d.severity]} | {markdown_code(_where(d))} | {d.code} | {markdown_cell(say(d.message))} |")
        if len(diagnostics) > 200:
            out.append(f"| | … | | +{len(diagnostics) - 200} |")
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github, "markdown": render_markdown}
