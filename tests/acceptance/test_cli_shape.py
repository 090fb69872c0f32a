"""One command line (issue 11): -h everywhere, help in Vietnamese and English, global options on
either side of the command, one-line usage errors, the same format names, --output, one message
for an unknown name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from thidua.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
runner = CliRunner()


def cli(*args: str, **env: str | None):
    return runner.invoke(app, list(args), env={"THIDUA_DATA": str(DATA), "THIDUA_LANG": None, "LANG": "C", **env})


def every_command() -> list[list[str]]:
    group = typer.main.get_command(app)
    out: list[list[str]] = [[]]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        out.append([name])
        out += [[name, sub] for sub in getattr(command, "commands", {})]
    return out


# --------------------------------------------------------------------------- -h and --help


@pytest.mark.parametrize("path", every_command(), ids=lambda p: " ".join(p) or "thidua")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_answers_h_and_help(path: list[str], flag: str) -> None:
    result = cli(*path, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: thidua" + "".join(" " + p for p in path))
    assert "<bool>" not in result.stdout and "<path>" not in result.stdout and "<int" not in result.stdout


def test_help_names_what_to_write_not_the_type() -> None:
    out = cli("rank", "-h").stdout
    assert "-f, --format text|json|csv|markdown|xlsx" in out
    assert "-o, --output FILE" in out
    assert "  --stability  " in out or "  --stability\n" in out or "--stability " in out
    assert "[1945 to 2100]" in out


@pytest.mark.parametrize("path", every_command(), ids=lambda p: " ".join(p) or "thidua")
def test_help_in_vietnamese_from_lang_or_the_environment(path: list[str]) -> None:
    before = cli("--lang", "vi", *path, "-h").stdout
    after = cli(*path, "-h", "--lang", "vi").stdout
    environment = cli(*path, "-h", THIDUA_LANG="vi").stdout
    assert before == after == environment
    assert before.startswith("Cách dùng: thidua")
    english = cli(*path, "-h").stdout
    assert english != before


def test_vietnamese_help_of_rank() -> None:
    out = cli("rank", "-h", "--lang", "vi").stdout
    assert "Đối số:" in out and "Tùy chọn:" in out
    assert "Năm thi đua, ví dụ 2023. [từ 1945 đến 2100]" in out
    assert "Hiện trợ giúp này rồi thoát." in out


def test_help_text_exists_in_both_languages_for_every_parameter() -> None:
    from thidua.cli.shell import help_text

    group = typer.main.get_command(app)
    missing = []

    def walk(command, path: str) -> None:
        for lang in ("vi", "en"):
            if not help_text(path, lang=lang):
                missing.append((path, lang))
            for param in command.params:
                if not getattr(param, "hidden", False) and not help_text(path, param.name, lang=lang):
                    missing.append((f"{path}.{param.name}", lang))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, name if path == "thidua" else f"{path}.{name}")

    walk(group, "thidua")
    assert missing == []


# --------------------------------------------------------------------------- global options


def test_lang_before_or_after_the_command_gives_the_same_output() -> None:
    before = cli("--lang", "vi", "rank", "2023", "-c", "dbsh")
    after = cli("rank", "2023", "-c", "dbsh", "--lang", "vi")
    equals = cli("rank", "--lang=vi", "2023", "-c", "dbsh")
    assert before.exit_code == after.exit_code == equals.exit_code == 0
    assert before.stdout == after.stdout == equals.stdout
    assert "Tổng điểm" in before.stdout


def test_data_before_or_after_the_command_gives_the_same_output(tmp_path: Path) -> None:
    env = {"THIDUA_DATA": str(tmp_path / "nowhere")}
    before = cli("--data", str(DATA), "rank", "2023", "-c", "dbsh", **env)
    after = cli("rank", "2023", "-c", "dbsh", "--data", str(DATA), **env)
    assert before.exit_code == after.exit_code == 0, before.stderr
    assert before.stdout == after.stdout and "Nam Định" in before.stdout
    validate = cli("--lang=vi", "--data", str(DATA), "validate", **env)
    assert validate.exit_code == 0 and "tệp" in validate.stdout


def test_a_bad_language_is_a_usage_error() -> None:
    result = cli("rank", "2023", "--lang", "fr")
    assert (result.exit_code, result.stderr) == (2, "thidua: --lang: use vi or en, not 'fr'\n")
    missing = cli("rank", "2023", "--lang")
    assert (missing.exit_code, missing.stderr) == (2, "thidua: option --lang needs a value\n")


# --------------------------------------------------------------------------- usage errors


USAGE = [
    (["rank", "2023", "--foo"],
     "thidua: no such option --foo; did you mean --force? (see thidua rank -h)",
     "thidua: không có tùy chọn --foo; có phải là --force? (xem thidua rank -h)"),
    (["rank", "2023", "--explian", "x"],
     "thidua: no such option --explian; did you mean --explain? (see thidua rank -h)",
     "thidua: không có tùy chọn --explian; có phải là --explain? (xem thidua rank -h)"),
    (["rank"],
     "thidua: missing argument YEAR (see thidua rank -h)",
     "thidua: thiếu đối số YEAR (xem thidua rank -h)"),
    (["rotate"],
     "thidua: missing option --cluster (see thidua rotate -h)",
     "thidua: thiếu tùy chọn --cluster (xem thidua rotate -h)"),
    (["rank", "abc"],
     "thidua: invalid value for YEAR: 'abc'; expected 1945 to 2100 (see thidua rank -h)",
     "thidua: giá trị không hợp lệ cho YEAR: 'abc'; cần từ 1945 đến 2100 (xem thidua rank -h)"),
    (["rank", "2023", "-f", "xml"],
     "thidua: invalid value for --format: 'xml'; choose one of text, json, csv, markdown, xlsx (see thidua rank -h)",
     "thidua: giá trị không hợp lệ cho --format: 'xml'; chọn một trong text, json, csv, markdown, xlsx (xem thidua rank -h)"),
    (["rank", "2023", "extra"],
     "thidua: unexpected extra argument extra (see thidua rank -h)",
     "thidua: thừa đối số extra (xem thidua rank -h)"),
    (["rank", "2023", "--format"],
     "thidua: option --format needs a value (see thidua rank -h)",
     "thidua: tùy chọn --format cần một giá trị (xem thidua rank -h)"),
    (["rnak", "2023"],
     "thidua: no such command 'rnak'; did you mean 'rank'? (see thidua -h)",
     "thidua: không có lệnh 'rnak'; có phải là 'rank'? (xem thidua -h)"),
    (["sheet", "exprt"],
     "thidua: no such command 'exprt'; did you mean 'export'? (see thidua sheet -h)",
     "thidua: không có lệnh 'exprt'; có phải là 'export'? (xem thidua sheet -h)"),
]


@pytest.mark.parametrize(("args", "en", "vi"), USAGE, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_usage_errors_are_one_line_in_the_chosen_language(args: list[str], en: str, vi: str) -> None:
    english = cli(*args)
    assert (english.exit_code, english.stderr, english.stdout) == (2, en + "\n", "")
    vietnamese = cli(*args, "--lang", "vi")
    assert (vietnamese.exit_code, vietnamese.stderr, vietnamese.stdout) == (2, vi + "\n", "")


def test_a_group_without_its_command_shows_its_help() -> None:
    result = cli("sheet", "--lang", "vi")
    assert result.exit_code == 2 and result.stdout.startswith("Cách dùng: thidua sheet") and result.stderr == ""
    assert cli().stdout.startswith("Usage: thidua [OPTIONS] COMMAND")


def test_usage_errors_from_a_real_process_have_no_box() -> None:
    env = {**os.environ, "THIDUA_DATA": str(DATA), "LANG": "C", "COLUMNS": "100"}
    env.pop("THIDUA_LANG", None)
    done = subprocess.run([sys.executable, "-m", "thidua", "--lang", "vi", "rank", "2023", "--foo"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == "thidua: không có tùy chọn --foo; có phải là --force? (xem thidua rank -h)\n"
    assert "╭" not in done.stderr and done.stdout == ""
    helped = subprocess.run([sys.executable, "-m", "thidua", "rank", "-h", "--lang", "vi"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert helped.returncode == 0 and helped.stdout.startswith("Cách dùng: thidua rank")


# --------------------------------------------------------------------------- unknown names, data directory


@pytest.mark.parametrize(("args", "line"), [
    (["rank", "2023", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?"),
    (["awards", "2023", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?"),
    (["rotate", "-c", "dbhs"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?"),
    (["sheet", "export", "dbhs", "2023"], "thidua: no cluster 'dbhs'; did you mean 'dbsh'?"),
    (["history", "nam-dnh"], "thidua: no unit 'nam-dnh'; did you mean 'nam-dinh'?"),
    (["rank", "2023", "--explain", "nam-dnh"], "thidua: 'nam-dnh' is not a member of any cluster in 2023; did you mean 'nam-dinh'?"),
])
def test_one_message_and_one_suggestion_for_an_unknown_name(args: list[str], line: str, tmp_path: Path) -> None:
    os.chdir(tmp_path)  # sheet export would write here
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (2, line + "\n")
    assert cli(*args, "--lang", "vi").stderr.count("có phải là") == 1


def test_data_that_is_a_file_says_not_a_directory() -> None:
    result = cli("rank", "2023", "--data", str(DATA / "provinces.yaml"))
    assert (result.exit_code, result.stderr) == (2, f"thidua: not a directory: {DATA / 'provinces.yaml'}\n")


def test_outside_a_data_repository_the_hint_names_data_thidua_data_and_init(tmp_path: Path) -> None:
    result = cli("rank", "2023", THIDUA_DATA=str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "--data" in result.stderr and "$THIDUA_DATA" in result.stderr and "thidua init" in result.stderr


# --------------------------------------------------------------------------- formats and --output


REPORTS = {
    "validate": (["validate"], ["text", "json", "markdown", "github"]),
    "rank": (["rank", "2023", "-c", "dbsh"], ["text", "json", "csv", "markdown"]),
    "awards": (["awards", "2023", "-c", "dbsh"], ["text", "json", "csv", "markdown"]),
    "rotate": (["rotate", "-c", "dbsh", "--from", "2023"], ["text", "json", "markdown"]),
    "units": (["units", "nam dinh", "--on", "2024-01-01"], ["text", "json", "csv", "markdown"]),
    "history": (["history", "nam-dinh"], ["text", "json", "markdown"]),
}


@pytest.mark.parametrize("name", REPORTS)
def test_the_same_format_names_and_output_on_every_report(name: str, tmp_path: Path) -> None:
    args, formats = REPORTS[name]
    for chosen in formats:
        shown = cli(*args, "--format", chosen)
        assert shown.exit_code == 0, (chosen, shown.stderr)
        target = tmp_path / f"{name}.{chosen}"
        saved = cli(*args, "--format", chosen, "--output", str(target))
        assert saved.exit_code == 0 and saved.stdout == "", (chosen, saved.stderr)
        assert target.read_text(encoding="utf-8") == shown.stdout
        assert f"wrote {target}" in saved.stderr
        refused = cli(*args, "-f", chosen, "-o", str(target))
        assert refused.exit_code == 2 and "--force" in refused.stderr
        assert cli(*args, "-f", chosen, "-o", str(target), "--force").exit_code == 0


@pytest.mark.parametrize("name", ["rank", "awards", "rotate"])
def test_the_old_name_table_still_works(name: str) -> None:
    args, _ = REPORTS[name]
    assert cli(*args, "--format", "table").stdout == cli(*args, "--format", "text").stdout
    assert cli(*args, "-f", "table").stdout == cli(*args).stdout
    assert "table" not in cli(name, "-h").stdout.split("--format")[1].split("\n")[0]


def test_csv_starts_with_a_bom_and_follows_the_table() -> None:
    out = cli("rank", "2023", "-c", "dbsh", "-f", "csv").stdout
    assert out.startswith("\ufeffcluster,year,rank,member,name,total,group:kinh-te,group:xa-hoi,group:tdkt,group:dang-chinh-quyen,group:an-ninh,")
    awards = cli("awards", "2023", "-c", "dbsh", "-f", "csv").stdout
    assert awards.startswith("\ufeffcluster,year,Rank,Member,Total,") and "Nam Định" in awards


def test_validate_text_links_each_rule_to_its_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua.output.docs_links import rule_url

    monkeypatch.setenv("THIDUA_DOCS_URL", "https://thidua.example.vn/docs")  # where a province publishes them

    bad = tmp_path / "data"
    (bad / "clusters" / "x").mkdir(parents=True)
    (bad / "provinces.yaml").write_text((DATA / "provinces.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (bad / "clusters" / "x" / "cluster.yaml").write_text("id: x\nname: [\n", encoding="utf-8")
    result = cli("validate", str(bad))
    assert result.exit_code == 1
    codes = {line.split()[2] for line in result.stdout.splitlines() if ": error TD" in line}
    assert codes
    for code in codes:
        assert f"    see: {rule_url(code, 'https://thidua.example.vn/docs/')}" in result.stdout
    monkeypatch.delenv("THIDUA_DOCS_URL")
    assert "see:" not in cli("validate", str(bad)).stdout, "no placeholder address is shown as a link"


def test_json_is_the_same_in_both_languages_but_for_message_and_hint() -> None:
    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("message", "hint")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    commands = [args for args, formats in REPORTS.values() if "json" in formats]
    commands += [["rank", "2024", "--stability", "--samples", "20"], ["rank", "2023", "--explain", "nam-dinh"],
                 ["rotate", "-c", "dbsh", "--years", "3"], ["awards", "2024"]]
    for args in commands:
        en = cli("--lang", "en", *args, "--format", "json")
        vi = cli("--lang", "vi", *args, "--format", "json")
        assert en.exit_code == vi.exit_code, args
        assert strip(json.loads(en.stdout)) == strip(json.loads(vi.stdout)), args
