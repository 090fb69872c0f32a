"""What ``thidua COMMAND`` pays at start-up: only its own command, and no pydantic adapter for an absent option.

Guards the start-up gain of issue 16 (bench/startup.py measures it) without timing anything:
what a real run imports and how many typer runtime parameters (each a pydantic ``TypeAdapter``
built on the spot) it builds. And the other side of the trade: the one-command app that a shell
run gets answers exactly as the whole app does.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from support import DATA, runner
from thidua.cli.app import COMMANDS, app, app_for, command_word

# Runs ``thidua ARGV`` as the console script does (``thidua.cli.app.main``), counting the typer
# runtime parameters built, then prints the modules loaded and that count.
PROBE = """
import json, sys
try:
    import typer._coercion as coercion, typer.core as core
except ImportError:  # a typer without per-parameter adapters: nothing to count
    coercion = core = None
built = []
if coercion is not None and hasattr(core, "build_runtime_param"):
    real = coercion.build_runtime_param
    def counting(descriptor):
        built.append(str(descriptor.annotation))
        return real(descriptor)
    coercion.build_runtime_param = core.build_runtime_param = counting
sys.argv = ["thidua", *sys.argv[1:]]
from thidua.cli.app import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
print(json.dumps({"code": code, "modules": sorted(sys.modules), "built": built, "counted": coercion is not None}), file=sys.stderr)
"""

# Modules a registry-only `thidua validate DIR` (cache warm) must not load: the models, the checks,
# the YAML parser, the national units, rich, and every other command's module.
NOT_FOR_VALIDATE = ["thidua.domain.models", "thidua.domain.checks", "thidua.repository.yamlsafe", "yaml", "rich",
                    "thidua.repository.units", "thidua.domain.registry",
                    *sorted({module for name, (module, _) in COMMANDS.items() if name != "validate"})]


def probe(*argv: str, cwd: Path | None = None) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, check=False, cwd=cwd)
    return json.loads(done.stderr.strip().splitlines()[-1])


def loaded(result: dict[str, Any], names: list[str]) -> list[str]:
    return sorted(m for m in result["modules"] if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture
def registry_only(tmp_path: Path) -> Path:
    root = tmp_path / "registry-only"
    root.mkdir()
    shutil.copy(DATA / "provinces.yaml", root)
    return root


def test_a_registry_only_validate_loads_only_what_it_uses(registry_only: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    first = probe("validate", str(registry_only))  # fills the cache: reads the registry
    assert first["code"] == 0
    assert "yaml" in first["modules"], "the first run parsed the registry (the probe sees what a run loads)"
    warm = probe("validate", str(registry_only))
    assert warm["code"] == 0
    assert loaded(warm, NOT_FOR_VALIDATE) == []
    assert "thidua.cli.validate" in warm["modules"]
    if warm["counted"]:
        # PATHS is the one value given: the root's --lang/--data and validate's seven options are absent
        assert len(warm["built"]) == 1, warm["built"]


def test_help_loads_no_pydantic_and_no_parser() -> None:
    framework = set(json.loads(subprocess.run([sys.executable, "-c", "import json, sys, typer; print(json.dumps(sorted(sys.modules)))"],
                                              capture_output=True, text=True, check=True, timeout=60).stdout))
    result = probe("--help")
    assert result["code"] == 0
    heavy = [n for n in ("pydantic", "yaml", "rich", "thidua.domain.models", "thidua.repository.loader") if n not in framework]
    assert loaded(result, heavy) == []
    assert result["built"] == []


@pytest.mark.parametrize(("argv", "word"), [
    (["validate", "data"], "validate"),
    (["--lang", "en", "rank", "2023"], "rank"),
    (["--data", "rank", "awards", "2023"], "awards"),  # the value of --data is not the command
    (["--data=x", "--lang=vi", "sheet", "export"], "sheet"),
    (["--version"], None),
    (["-h"], None),
    (["-h", "validate"], None),  # the app's help, which lists every command
    (["--lang", "en", "--help", "rank"], None),
    (["validate", "-h"], "validate"),
    (["--", "validate"], None),
    ([], None),
])
def test_command_word(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def test_every_command_of_the_app_is_listed() -> None:
    group: Any = typer.main.get_command(app)
    assert list(group.commands) == list(COMMANDS)


def test_an_unknown_or_absent_command_gets_the_whole_app() -> None:
    assert app_for(["valdate"]) is app
    assert app_for(["--lang", "en"]) is app
    single: Any = typer.main.get_command(app_for(["rank", "2023"]))
    assert list(single.commands) == ["rank"]


@pytest.mark.parametrize("argv", [
    ["validate", "-h"],
    ["-h", "validate"],
    ["--lang", "en", "rank", "-h"],
    ["sheet", "export", "-h"],
    ["rank", "--bogus"],
    ["--lang", "en", "rank", "abc"],
    ["awards", "2023", "--format", "nope"],
    ["rotate", "--cluster", "dbsh", "--from", "2023", "--data", str(DATA)],
    ["rank", "2023", "--cluster", "dbsh", "--data", str(DATA), "-f", "json", "--no-cache"],
    ["units", "phuc xa", "--on", "2024-01-01", "--format", "json"],
    ["--data", str(DATA), "validate", str(DATA / "clusters" / "dbsh"), "--no-cache", "--lang", "en"],
])
def test_the_one_command_app_answers_as_the_whole_app(argv: list[str]) -> None:
    whole = runner.invoke(app, argv)
    alone = runner.invoke(app_for(argv), argv)
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)


def test_an_absent_value_is_coerced_as_typer_would() -> None:
    """For every parameter of every command: None gives what typer's own coercion gives."""
    coercion = pytest.importorskip("typer._coercion")
    if not hasattr(coercion, "build_runtime_param"):
        pytest.skip("this typer builds no runtime parameters")
    from thidua.cli.shell import _AbsentFirst

    group: Any = typer.main.get_command(app)
    commands = [group, *group.commands.values(), *group.commands["sheet"].commands.values()]
    checked = 0
    ctx = None  # typer's coercion of None looks at the parameter only
    for command in commands:
        for param in command.params:
            if not hasattr(param, "type_descriptor"):
                continue
            typer_own = coercion.build_runtime_param(param.type_descriptor).coerce(None, param=param, ctx=ctx)
            assert _AbsentFirst(param).coerce(None, param=param, ctx=ctx) == typer_own, (command.name, param.name)
            checked += 1
    assert checked > 40
