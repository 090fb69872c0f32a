"""Render the dossier's Word templates (docxtpl): the package's defaults, or a data repository's own.

A data repository overrides a document by putting a file of the same name in ``templates/``
beside ``data/`` (``templates/to-trinh.docx``). A template that names a field the data does not
have is a ``TemplateProblem`` (rule TD801, with the template, the field and the paragraph where it
is used), found before rendering where it can be (every ``{{ x }}`` and ``x.y`` checked against the
context, even inside a branch the data does not take) and otherwise while rendering (jinja2
StrictUndefined): never a silent blank in a paper sent for signature.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Any

TEMPLATE_NAMES = ("to-trinh", "bien-ban", "bao-cao-thanh-tich")
DEFAULTS = Path(__file__).parents[2] / "templates" / "documents"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


class TemplateProblem(Exception):
    """A template cannot be rendered: ``code`` (TD801 unknown field, TD802 broken jinja2,
    TD803 not a Word document) with raw ``params`` for the message."""

    def __init__(self, code: str, template: Path, **params: Any) -> None:
        super().__init__(f"{template}: {code} {params}")
        self.code, self.template, self.params = code, template, params


def find_template(directory: Path | None, name: str) -> Path:
    """``<directory>/<name>.docx`` when the data repository has one, else the package's default."""
    if directory is not None:
        path = directory / f"{name}.docx"
        if path.is_file():
            return path
    return DEFAULTS / f"{name}.docx"


def stray_templates(directory: Path | None) -> list[Path]:
    """Word files in ``templates/`` that no document uses (a misspelt name, a .doc): TD804."""
    if directory is None or not directory.is_dir():
        return []
    known = {f"{name}.docx" for name in TEMPLATE_NAMES}
    return sorted(
        p
        for p in directory.iterdir()
        if p.suffix.lower() in (".docx", ".doc", ".dotx", ".odt") and p.name not in known and not p.name.startswith(("~$", "."))
    )


def _paragraphs(path: Path) -> list[str]:
    """The template's paragraphs (body, then table cells in order), runs joined."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def _locate(path: Path, name: str) -> tuple[int | None, str, str]:
    """(paragraph number, its text, the dotted field as written) of the first use of ``name``."""
    field = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.)*" + re.escape(name) + r")\b")
    for number, text in enumerate(_paragraphs(path), start=1):
        for tag in TAG.findall(text):
            found = field.search(tag)
            if found:
                return number, _short(text), found.group(1)
    return None, "", name


def _unbalanced(path: Path) -> tuple[int | None, str]:
    for number, text in enumerate(_paragraphs(path), start=1):
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            return number, _short(text)
    return None, ""


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown(path: Path, name: str) -> TemplateProblem:
    paragraph, text, field = _locate(path, name)
    return TemplateProblem("TD801", path, field=field, paragraph=paragraph or "?", text=text)


@functools.lru_cache(maxsize=32)
def _uses(path: Path, stamp: tuple[int, int]) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The top-level names a template uses, and each ``name.attribute`` on a name it does not set
    itself (a loop variable), from its body, headers and footers; cached per file version."""
    del stamp  # part of the cache key only
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]
    from jinja2 import Environment, meta, nodes

    template = DocxTemplate(str(path))
    document = template.get_docx()
    xml = template.patch_xml(template.xml_to_string(document._element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            xml += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    ast = Environment().parse(xml)
    declared = {n.name for n in ast.find_all(nodes.Name) if n.ctx == "store"}
    attributes = dict.fromkeys((n.node.name, n.attr) for n in ast.find_all(nodes.Getattr) if isinstance(n.node, nodes.Name) and n.node.name not in declared)
    return frozenset(meta.find_undeclared_variables(ast)), tuple(attributes)  # in the template's order


def _check_fields(path: Path, env: Any, context: dict[str, Any]) -> None:
    """Every top-level name the template uses is in ``context``, and every ``name.attribute`` of a
    dict in it is a key of that dict, whether or not the data takes that branch."""
    status = path.stat()
    names, attributes = _uses(path.resolve(), (status.st_mtime_ns, status.st_size))
    missing = sorted(names - set(context) - set(env.globals))
    if missing:
        raise _unknown(path, missing[0])
    for name, attribute in attributes:
        value = context.get(name)
        if isinstance(value, dict) and attribute not in value:
            raise _unknown(path, f"{name}.{attribute}")


def render_template(path: Path, context: dict[str, Any]) -> bytes:
    """Render ``path`` with ``context``; the .docx as bytes. Raises TemplateProblem."""
    import jinja2
    from docxtpl import DocxTemplate

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except Exception as exc:  # not a .docx, a damaged zip: python-docx raises many kinds
        raise TemplateProblem("TD803", path, detail=str(exc) or type(exc).__name__) from None
    try:
        _check_fields(path, env, context)
        template.render(context, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise _unknown(path, _variable(str(exc))) from None
    except jinja2.TemplateSyntaxError as exc:
        paragraph, text = _unbalanced(path)
        raise TemplateProblem("TD802", path, detail=exc.message or str(exc), paragraph=paragraph or "?", text=text) from None
    except (jinja2.TemplateError, TypeError, ValueError) as exc:
        raise TemplateProblem("TD802", path, detail=str(exc), paragraph="?", text="") from None
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _variable(message: str) -> str:
    """The name in jinja2's "'x' is undefined" or "'dict object' has no attribute 'y'"."""
    attribute = re.search(r"has no attribute '([^']+)'", message)
    if attribute:
        return attribute.group(1)
    named = re.search(r"'([^']+)' is undefined", message)
    return named.group(1) if named else message
