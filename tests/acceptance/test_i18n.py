"""Both languages everywhere; rule codes the same in each; NO_COLOR honoured; completion offered."""

from __future__ import annotations

import importlib
import json
import os
import re
import string
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from support import DATA, ROOT, copy_data, runner
from thidua.cli.app import app
from thidua.output import i18n
from thidua.output.messages import SEVERITY

SRC = ROOT / "src" / "thidua"


@pytest.fixture(autouse=True)
def no_language_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("THIDUA_LANG", "LANG", "LC_ALL", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language(None)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def catalogue_modules() -> list[str]:
    found = []
    for name in i18n.CATALOGUE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        found.append(name)
    return found


# --------------------------------------------------------------------------- the catalogues


@pytest.mark.parametrize("module", catalogue_modules())
def test_every_message_has_both_languages_with_the_same_placeholders(module: str) -> None:
    catalogue = importlib.import_module(module).CATALOGUE
    assert catalogue, module
    for key, entry in catalogue.items():
        assert set(entry) == {"en", "vi"}, f"{module}: {key}"
        assert entry["en"].strip() and entry["vi"].strip(), f"{module}: {key} has an empty text"
        assert placeholders(entry["en"]) == placeholders(entry["vi"]), f"{module}: {key}"


def test_the_tools_catalogue_is_merged() -> None:
    assert "thidua.output.messages_tools" in catalogue_modules()
    assert i18n.t("fmt.reformatted", lang="vi", where="x") == "đã định dạng lại x"


def test_no_key_is_defined_twice_across_modules() -> None:
    seen: dict[str, str] = {}
    for module in catalogue_modules():
        for key in importlib.import_module(module).CATALOGUE:
            assert key not in seen, f"{key} in both {seen.get(key)} and {module}"
            seen[key] = module


def rule_codes_in_source() -> set[str]:
    """Every TDnnn inside a string literal anywhere in src/thidua."""
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        with path.open("rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                    codes.update(re.findall(r"\bTD[0-9]{3}\b", token.string))
    return codes


def test_every_rule_code_in_the_source_has_a_message_in_both_languages_and_a_severity() -> None:
    codes = rule_codes_in_source()
    assert len(codes) > 40, "the scan found the codes"
    catalogue = i18n.catalogue()
    for code in sorted(codes):
        assert code in catalogue, code
        assert catalogue[code]["en"].strip() and catalogue[code]["vi"].strip(), code
        assert SEVERITY.get(code) in ("error", "warning", "info"), code


def test_every_severity_has_a_message() -> None:
    assert set(SEVERITY) <= set(i18n.catalogue())


def test_rule_codes_are_not_translated() -> None:
    for code in SEVERITY:
        for lang in ("en", "vi"):
            assert not re.search(r"\bTD[0-9]{3}\b", i18n.t(code, lang=lang)), "a message never renames a code"


# --------------------------------------------------------------------------- the language option


def test_lang_vi_validate_speaks_vietnamese() -> None:
    result = runner.invoke(app, ["--lang", "vi", "validate", str(DATA)])
    assert result.exit_code == 0
    assert "đã kiểm tra 18 tệp: 0 lỗi, 0 cảnh báo, 6 ghi chú" in result.stdout
    assert "ghi chú TD405 chưa nhập điểm năm 2024" in result.stdout
    assert "gợi ý: thêm `scores:` sau hội nghị tổng kết" in result.stdout


def test_english_is_the_default() -> None:
    result = runner.invoke(app, ["validate", str(DATA)])
    assert "18 files checked: 0 errors, 0 warnings, 6 notes" in result.stdout


@pytest.mark.parametrize(("variable", "value"), [("THIDUA_LANG", "vi"), ("LANG", "vi_VN.UTF-8")])
def test_the_language_comes_from_the_environment(variable: str, value: str) -> None:
    result = runner.invoke(app, ["validate", str(DATA)], env={variable: value})
    assert "đã kiểm tra 18 tệp" in result.stdout


def test_the_option_wins_over_the_environment() -> None:
    result = runner.invoke(app, ["--lang", "en", "validate", str(DATA)], env={"THIDUA_LANG": "vi"})
    assert "18 files checked" in result.stdout


def test_an_unknown_language_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--lang", "fr", "validate", str(DATA)])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_the_same_codes_in_both_languages(tmp_path: Path) -> None:
    copy_data(tmp_path / "data")
    year = tmp_path / "data" / "clusters" / "dbsh" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("chair: nam-dinh", 'chair: "24"'), encoding="utf-8")
    reports = {}
    for lang in ("en", "vi"):
        result = runner.invoke(app, ["--lang", lang, "validate", "--format", "json", str(tmp_path / "data")])
        reports[lang] = json.loads(result.stdout)["diagnostics"]
    strip = [(d["file"], d["line"], d["column"], d["code"], d["severity"]) for d in reports["en"]]
    assert strip == [(d["file"], d["line"], d["column"], d["code"], d["severity"]) for d in reports["vi"]]
    assert [d["message"] for d in reports["en"]] != [d["message"] for d in reports["vi"]]
    assert any(d["code"] == "TD203" for d in reports["vi"])


def test_official_names_stay_vietnamese_in_english_output(tmp_path: Path) -> None:
    copy_data(tmp_path / "data")
    year = tmp_path / "data" / "clusters" / "dbsh" / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("vinh-phuc, quang-ninh]", "vinh-phuc, quang-ninh, ninh-binh-2025]"), encoding="utf-8")
    result = runner.invoke(app, ["--lang", "en", "validate", str(tmp_path / "data")])
    assert "Ninh Bình" in result.stdout, "province names keep their diacritics in English text"


# --------------------------------------------------------------------------- colour and terminals


_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(text: str) -> list[str]:
    """SGR sequences that set a colour (foreground or background), not bold or italic."""
    found = []
    for params in _SGR.findall(text):
        numbers = [int(p) for p in params.split(";") if p]
        if any(30 <= n <= 49 or 90 <= n <= 107 for n in numbers):
            found.append(params)
    return found


def help_output(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "PY_COLORS")}
    done = subprocess.run(
        [sys.executable, "-m", "thidua", "--help"], env={**clean, "TERM": "xterm-256color", **env},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_no_color_removes_every_colour_from_a_forced_terminal() -> None:
    assert colour_codes(help_output(FORCE_COLOR="1")), "the help is coloured on a terminal"
    assert colour_codes(help_output(FORCE_COLOR="1", NO_COLOR="1")) == []


def test_tables_are_still_drawn_without_colour(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from thidua.output.render import text

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = text.table_text("Xếp hạng", ["#", "Thành viên"], [[1, "Nam Định"]], align="rl", terminal=True)
    assert "Nam Định" in out and "┃" in out, "a rich table, drawn"
    assert colour_codes(out) == []


def test_piped_output_has_no_escape_codes_at_all() -> None:
    result = runner.invoke(app, ["validate", str(DATA)], env={"FORCE_COLOR": None, "NO_COLOR": None})
    assert "\x1b[" not in result.stdout


def test_shell_completion_is_offered() -> None:
    out = runner.invoke(app, ["--help"], env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_help_and_version_do_not_load_the_heavy_modules() -> None:
    code = "import sys; from thidua.cli.app import app; print(','.join(m for m in ('pydantic', 'ruamel.yaml', 'docx', 'jsonschema') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
