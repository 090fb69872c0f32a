"""The docs site's reference pages are generated from the code and kept current."""

from __future__ import annotations

import importlib.util
import re
from typing import Any

import pytest
import typer

from support import ROOT
from thidua.cli.app import app
from thidua.output.docs_links import DOCS_BASE_URL, rule_url
from thidua.output.messages import SEVERITY


def _generator():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _commands() -> dict[str, Any]:
    # no ``import click``: newer typer vendors its own copy, so click may not be installed
    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="thidua")
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


@pytest.mark.parametrize("page", ["cli.md", "rules.md"])
def test_committed_reference_pages_are_what_the_generator_writes(page: str) -> None:
    generated = {path.name: text for path, text in _generator().pages().items()}
    committed = (ROOT / "docs" / "reference" / page).read_text(encoding="utf-8")
    assert committed == generated[page], "run: python scripts/gen_docs.py"


def test_every_rule_code_has_an_anchor_in_the_rule_reference() -> None:
    text = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"^### (TD\d{3}) \{#(td\d{3})\}$", text, flags=re.M))
    assert {(code, code.lower()) for code in SEVERITY} <= anchors
    for code in SEVERITY:
        assert f"Severity: **{SEVERITY[code]}**" in text.split(f"{{#{code.lower()}}}")[1].split("### ")[0]


def test_every_command_and_option_appears_in_the_cli_reference() -> None:
    text = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"validate", "rank", "rotate", "awards", "init", "schema", "fmt"} <= set(commands)
    for name, command in commands.items():
        section = text.split(f"## `thidua {name}` {{#{name}}}")[1].split("\n## ")[0]
        for param in command.params:
            if getattr(param, "param_type_name", "") == "argument":
                assert f"`{param.name.upper()}`" in section, (name, param.name)
            else:
                for opt in param.opts:
                    assert f"`{opt}`" in section, (name, opt)


def test_rule_url_points_at_the_anchor() -> None:
    assert rule_url("TD101") == f"{DOCS_BASE_URL}reference/rules/#td101"
    assert rule_url(" td203 ") == f"{DOCS_BASE_URL}reference/rules/#td203"
    assert DOCS_BASE_URL.endswith("/")
    with pytest.raises(ValueError):
        rule_url("TD1")


def test_mkdocs_site_url_matches_the_links_module() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_url: {DOCS_BASE_URL}\n" in config
