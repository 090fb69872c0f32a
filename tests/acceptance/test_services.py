"""The services: one use-case per command, typed results, typed errors mapped in one place."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import thidua
from support import ROOT, copy_data
from thidua.cli.app import app
from thidua.domain.layout import KINDS, file_kind
from thidua.services import errors

CLI = ROOT / "src" / "thidua" / "cli"
runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


def run(*args: str):
    return runner.invoke(app, ["--lang", "en", *args], env={"THIDUA_DATA": str(ROOT / "data")})


# --------------------------------------------------------------------------- one message for an unknown cluster


@pytest.mark.parametrize(("args", "line"), [
    (["rank", "2023", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?\n"),
    (["awards", "2023", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?\n"),
    (["rotate", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?\n"),
    (["rank", "2023", "-c", "nope"], "thidua: no cluster 'nope'\n"),
    (["awards", "2023", "-c", "nope"], "thidua: no cluster 'nope'\n"),
    (["rotate", "-c", "nope"], "thidua: no cluster 'nope'\n"),
])
def test_every_command_says_the_same_line_for_an_unknown_cluster(args: list[str], line: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, line, "")


def test_the_library_raises_the_typed_error_with_one_suggestion() -> None:
    for call in (lambda: thidua.rank_year(2023, ["dbhs"], ROOT / "data"),
                 lambda: thidua.recommend_awards(2023, ["dbhs"], ROOT / "data"),
                 lambda: thidua.propose_rotation("dbhs", ROOT / "data")):
        with pytest.raises(thidua.UnknownCluster) as caught:
            call()
        assert (caught.value.cluster, caught.value.suggestion, caught.value.exit_code) == ("dbhs", "dbsh", 2)


# --------------------------------------------------------------------------- errors, mapped in one place


def test_error_classes_carry_their_exit_codes() -> None:
    assert issubclass(errors.UnknownCluster, errors.UsageError) and errors.UsageError.exit_code == 2
    assert issubclass(errors.NotADataRepository, errors.UsageError)
    assert issubclass(errors.ChangedSinceError, errors.UsageError)
    assert issubclass(errors.UnusableData, errors.DataError) and errors.DataError.exit_code == 1
    assert issubclass(errors.DataError, errors.ThiduaError)
    assert thidua.RefusedOverwrite is __import__("thidua.repository.writer", fromlist=["x"]).RefusedOverwrite


def test_a_missing_data_directory_is_the_same_error_for_every_command(tmp_path: Path) -> None:
    with pytest.raises(thidua.NotADataRepository):
        thidua.rank_year(2023, data=tmp_path / "nowhere")
    for args in (["rank", "2023"], ["awards", "2023"], ["rotate", "-c", "dbsh"], ["validate"], ["fmt", str(tmp_path / "nowhere")]):
        result = runner.invoke(app, ["--lang", "en", *args], env={"THIDUA_DATA": str(tmp_path / "nowhere")})
        assert result.exit_code == 2, args
        assert result.stderr.startswith(("thidua: no data directory at ", "thidua: path does not exist: ")), args


def _decorated(function: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "reports_errors" for d in function.decorator_list)


def test_every_command_maps_errors_through_the_one_handler() -> None:
    from thidua.cli.app import COMMANDS  # name -> (module, function): every command the app registers

    commands = {function for _, function in COMMANDS.values()}
    ours = {"validate", "rank", "rotate", "awards", "schema", "init", "fmt", "units"}
    assert commands >= ours
    found = {}
    for path in CLI.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name in commands:
                found[node.name] = _decorated(node)
    assert {name: found[name] for name in ours} == dict.fromkeys(ours, True)


def test_the_cli_prints_and_exits_only_in_the_handler() -> None:
    # no command module catches a library error itself or prints a refusal of its own
    for name in ("validate", "rank", "rotate", "awards", "tools"):
        text = (CLI / f"{name}.py").read_text(encoding="utf-8")
        assert "except " not in text, name
        assert "file=sys.stderr" not in text, name


def test_services_neither_print_nor_exit() -> None:
    for path in (ROOT / "src" / "thidua" / "services").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert not calls & {"print", "exit"}, path.name
        assert "sys.exit" not in path.read_text(encoding="utf-8"), path.name


# --------------------------------------------------------------------------- typed results


def test_rank_result() -> None:
    result = thidua.rank_year(2023, ["dbsh"], ROOT / "data")
    assert isinstance(result, thidua.RankResult) and result.ok
    assert [s.cluster for s in result.shown] == ["dbsh"] and result.missing == []


def test_rotate_dry_run_returns_the_preview_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    copy_data(data)
    before = sorted(p.name for p in (data / "clusters" / "dbsh").iterdir())
    result = thidua.propose_rotation("dbsh", data, dry_run=True)
    assert result.preview is not None and result.written is None
    assert result.preview.after.startswith("#") and result.preview.target.name == "2025.yaml"
    assert sorted(p.name for p in (data / "clusters" / "dbsh").iterdir()) == before
    written = thidua.propose_rotation("dbsh", data, write=True)
    assert written.written == data / "clusters" / "dbsh" / "2025.yaml"
    assert written.written.read_text(encoding="utf-8") == result.preview.after
    with pytest.raises(thidua.DataError) as caught:
        thidua.propose_rotation("dbsh", data, from_year=2024, write=True)
    assert caught.value.key == "rotate.err.exists"


def test_rotate_refuses_option_combinations_as_usage_errors() -> None:
    with pytest.raises(thidua.UsageError):
        thidua.propose_rotation("dbsh", ROOT / "data", years=2, write=True)


def test_fmt_result_counts(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("b: 1\na:   2\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("x: [1\n", encoding="utf-8")
    checked = thidua.format_files([tmp_path], check=True)
    assert (checked.changed, checked.unchanged, checked.refused, checked.ok) == (1, 0, 1, False)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "b: 1\na:   2\n"
    done = thidua.format_files([tmp_path])
    assert [o.written for o in done.outcomes] == [True, False]


def test_awards_report_documents(tmp_path: Path) -> None:
    report = thidua.recommend_awards(2023, ["dbsh"], ROOT / "data", docx=tmp_path)
    # Tờ trình, Biên bản and one Báo cáo thành tích per collective proposed for a state award
    assert {d.status for d in report.documents} == {"wrote"} and len(report.documents) > 2 and report.ok
    again = thidua.recommend_awards(2023, ["dbsh"], ROOT / "data", docx=tmp_path)
    assert {d.status for d in again.documents} == {"exists"} and len(again.documents) == len(report.documents)
    assert not again.ok


# --------------------------------------------------------------------------- the layout, once


def test_year_files_end_in_yaml_for_the_loader_and_fmt_alike() -> None:
    assert file_kind(Path("data/clusters/x/2024.yaml")) == "cluster-year"
    assert file_kind(Path("data/clusters/x/2024.yml")) is None  # not a year file: fmt gives it no kind


def test_the_schema_kinds_are_one_list() -> None:
    from thidua.domain.models import SCHEMA_KINDS
    from thidua.services.fmt import KEY_ORDER

    assert list(KINDS) == list(SCHEMA_KINDS) == list(KEY_ORDER.__class__(dict.fromkeys(KINDS)))
    assert set(KEY_ORDER) == set(KINDS)
    result = run("schema", "--kind", "nope")
    assert result.exit_code == 2


def test_one_diff_function() -> None:
    from thidua.output import diff, nextyear
    from thidua.services import fmt

    assert not hasattr(nextyear, "diff") and not hasattr(fmt, "unified_diff")
    assert diff.unified_diff("a\n", "b\n", "x", "y") == "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n"


# --------------------------------------------------------------------------- the library stays cheap


def test_import_thidua_loads_nothing_but_itself() -> None:
    probe = "import json, sys, thidua; print(json.dumps(sorted(m for m in sys.modules if m.startswith('thidua'))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout) == ["thidua"]
    done = subprocess.run([sys.executable, "-c", "import thidua; print(thidua.rank_year.__module__)"], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "thidua.services.rank"
    with pytest.raises(AttributeError):
        _ = thidua.no_such_name
