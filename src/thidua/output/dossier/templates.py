"""Dossier documents from Word templates (docxtpl): a data repository's own ``templates/``.

A template that names a variable the context does not have is an error naming the template and
the variable (jinja2 StrictUndefined), never a silent blank in a document sent for signature.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

TEMPLATE_NAMES = ("to-trinh", "bien-ban", "bao-cao-thanh-tich")
DEFAULTS = Path(__file__).parents[2] / "templates" / "documents"


class TemplateVariableError(Exception):
    def __init__(self, template: Path, variable: str, detail: str) -> None:
        super().__init__(f"{template}: unknown variable '{variable}' ({detail})")
        self.template, self.variable, self.detail = template, variable, detail


class TemplateBroken(Exception):
    def __init__(self, template: Path, detail: str) -> None:
        super().__init__(f"{template}: {detail}")
        self.template, self.detail = template, detail


def find_template(directory: Path | None, name: str) -> Path | None:
    """``<directory>/<name>.docx`` when the data repository has one, else None (built-in layout)."""
    if directory is None:
        return None
    path = directory / f"{name}.docx"
    return path if path.is_file() else None


def _variable(message: str) -> str:
    """The name in jinja2's "'x' is undefined" or "'dict object' has no attribute 'y'"."""
    attribute = re.search(r"has no attribute '([^']+)'", message)
    if attribute:
        return attribute.group(1)
    named = re.search(r"'([^']+)' is undefined", message)
    return named.group(1) if named else message


def render_template(path: Path, context: dict[str, Any]) -> bytes:
    """Render ``path`` with ``context``; the .docx as bytes."""
    import jinja2
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    try:
        template = DocxTemplate(str(path))
        template.render(context, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateVariableError(path, _variable(str(exc)), str(exc)) from None
    except jinja2.TemplateError as exc:
        raise TemplateBroken(path, str(exc)) from None
    except (OSError, KeyError, ValueError) as exc:  # not a .docx, a damaged zip
        raise TemplateBroken(path, f"not a readable Word template ({exc})") from None
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
