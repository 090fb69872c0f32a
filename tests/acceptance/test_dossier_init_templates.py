"""``thidua init --templates``: the dossier's default Word templates copied for a province to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.output.dossier.templates import DEFAULTS, TEMPLATE_NAMES

runner = CliRunner()
NAMES = [f"{name}.docx" for name in TEMPLATE_NAMES]


def test_init_copies_the_templates_only_when_asked(tmp_path: Path) -> None:
    plain = runner.invoke(app, ["init", str(tmp_path / "plain")])
    assert plain.exit_code == 0, plain.stderr
    assert not (tmp_path / "plain" / "templates").exists(), "copies would hide later fixes of the defaults"
    result = runner.invoke(app, ["init", "--templates", str(tmp_path / "repo")])
    assert result.exit_code == 0, result.stderr
    copied = tmp_path / "repo" / "templates"
    assert sorted(p.name for p in copied.iterdir()) == sorted(NAMES)
    for name in NAMES:
        assert (copied / name).read_bytes() == (DEFAULTS / name).read_bytes(), name
        assert f"{(copied / name).as_posix()}" in result.stdout


def test_init_force_templates_adds_them_to_an_existing_repository_keeping_an_edited_one(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert runner.invoke(app, ["init", str(repo)]).exit_code == 0
    (repo / "templates").mkdir()
    (repo / "templates" / "to-trinh.docx").write_bytes(b"edited")
    result = runner.invoke(app, ["init", "--force", "--templates", str(repo)])
    assert result.exit_code == 0, result.stderr
    assert (repo / "templates" / "to-trinh.docx").read_bytes() == b"edited", "never overwritten"
    assert (repo / "templates" / "bien-ban.docx").read_bytes() == (DEFAULTS / "bien-ban.docx").read_bytes()
    assert "templates/to-trinh.docx" in result.stderr


def test_copied_templates_render_the_same_dossier(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert runner.invoke(app, ["init", "--templates", str(repo)]).exit_code == 0
    out_own, out_default = tmp_path / "own", tmp_path / "default"
    own = runner.invoke(app, ["awards", "2023", "--data", str(repo / "data"), "--docx", str(out_own)])
    shutil.rmtree(repo / "templates")
    default = runner.invoke(app, ["awards", "2023", "--data", str(repo / "data"), "--docx", str(out_default)])
    assert own.exit_code == default.exit_code == 0, own.stderr + default.stderr
    names = sorted(p.name for p in out_own.iterdir())
    assert names and names == sorted(p.name for p in out_default.iterdir())
    for name in names:
        a = [p.text for p in docx.Document(str(out_own / name)).paragraphs]
        b = [p.text for p in docx.Document(str(out_default / name)).paragraphs]
        assert a == b, name
